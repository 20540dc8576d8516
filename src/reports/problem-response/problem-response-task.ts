import { openReportFolder } from '../../store/report-folder/report-folder.js';
import { storeDateTime } from '../../store/store-values.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';
import { PROBLEM_RESPONSE_SQL_FILES, writeProblemResponseReports } from './problem-response-report.js';

/** The report name the data API serves the files under (`courses/{id}/reports/problem_response/`). */
export const PROBLEM_RESPONSE_REPORT = 'problem_response';

/**
 * The problem response report (legacy ProblemResponseReportWorkflow): per course, a CSV of each learner's latest
 * answer to every problem, placed in the course outline. The files go to a folder or S3 prefix; the store records
 * each one (course_report_files) so that the data API can hand out download links. The course structure comes from
 * the runner (the LMS API or files); without it problems are placed as deleted blocks.
 */
export const problemResponseTask: ReportTask = {
  name: 'problem-response',
  description: "per course, a CSV of each learner's latest answer to every problem in the interval, in course outline order",
  inputs: { events: (params) => params.interval, structure: true },
  moduleUrl: import.meta.url,
  sqlFiles: PROBLEM_RESPONSE_SQL_FILES,
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end, output_dir: params.reportsDir ?? null }),
  outputs: () => ['course_report_files'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const location = context.params.reportsDir;
    if (!location) throw new Error('no folder for report files: give --reports-dir or [problem-response] report_output_root');
    if (!context.hasStructure) context.note('no course structure: problems are placed as deleted blocks');
    const folder = openReportFolder(location, context.s3);
    try {
      const report = await writeProblemResponseReports(context.engine, { interval: context.params.interval, folder, hasStructure: context.hasStructure });
      for (const [reason, events] of Object.entries(report.skipped)) context.note(`${events} problem_check events skipped: ${reason}`);
      context.note(`${report.files.length} report files written to ${folder.location}`);
      const rows = report.files.map((file) => ({
        course_id: file.courseId,
        report_name: PROBLEM_RESPONSE_REPORT,
        file_name: file.name,
        location: file.location,
        file_size: file.size,
        last_modified: storeDateTime(file.lastModified),
        row_count: file.rows,
      }));
      return [{ table: 'course_report_files', rows }];
    } finally {
      folder.close();
    }
  },
};

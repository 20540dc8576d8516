import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';
import { PROBLEM_RESPONSE_SQL_FILES, writeProblemResponseReports } from './problem-response-report.js';

/**
 * The problem response report (legacy ProblemResponseReportWorkflow): per course, a CSV of each learner's latest
 * answer to every problem, placed in the course outline. Its product is files, so it publishes no store table; the
 * course structure comes from the runner (the LMS API or files), without it problems are placed as deleted blocks.
 */
export const problemResponseTask: ReportTask = {
  name: 'problem-response',
  description: "per course, a CSV of each learner's latest answer to every problem in the interval, in course outline order",
  inputs: { events: (params) => params.interval, structure: true },
  moduleUrl: import.meta.url,
  sqlFiles: PROBLEM_RESPONSE_SQL_FILES,
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end, output_dir: params.reportsDir ?? null }),
  outputs: () => [],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const outputDir = context.params.reportsDir;
    if (!outputDir) throw new Error('no folder for report files: give --reports-dir or [problem-response] report_output_root');
    if (!context.hasStructure) context.note('no course structure: problems are placed as deleted blocks');
    const report = await writeProblemResponseReports(context.engine, {
      interval: context.params.interval,
      outputDir,
      hasStructure: context.hasStructure,
    });
    for (const [reason, events] of Object.entries(report.skipped)) context.note(`${events} problem_check events skipped: ${reason}`);
    context.note(`${report.files.length} report files written to ${outputDir}`);
    return [];
  },
};

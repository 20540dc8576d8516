import { courseStructure, loadStructure } from '../structure/load-structure.js';
import type { StructureDocuments } from '../structure/structure-files.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';
import {
  DEFAULT_REPORT_FIELDS,
  PROBLEM_RESPONSE_SQL_FILES,
  writeProblemResponseReports,
  type ProblemResponseField,
  type ReportFile,
} from './problem-response-report.js';

export interface ProblemResponseTaskOptions {
  /** `[problem-response] report_output_root`: the folder the CSV files go to. */
  readonly outputDir: string;
  /** The course structure (LMS APIs or JSON files); absent: every problem is placed as a deleted block. */
  readonly structure?: () => Promise<StructureDocuments>;
  readonly fields?: readonly ProblemResponseField[];
  readonly listDelimiter?: string;
  /** Told of each file written, e.g. to record its name, size and time in the store for download links. */
  readonly onFile?: (file: ReportFile) => Promise<void> | void;
}

/**
 * The problem response report (legacy ProblemResponseReportWorkflow). Its product is one CSV file per course, not
 * store tables, so it publishes none; the course structure is read as its first step.
 */
export function problemResponseTask(options: ProblemResponseTaskOptions): ReportTask {
  return {
    name: 'problem-response',
    description: "per course, a CSV of each learner's latest answer to every problem in the interval, in course outline order",
    inputs: { events: (params) => params.interval },
    moduleUrl: import.meta.url,
    sqlFiles: PROBLEM_RESPONSE_SQL_FILES,
    significantParams: (params) => ({
      interval_start: params.interval.start,
      interval_end: params.interval.end,
      output_dir: options.outputDir,
      fields: (options.fields ?? DEFAULT_REPORT_FIELDS).join(','),
      list_delimiter: options.listDelimiter ?? '|',
    }),
    outputs: () => [],
    async compute(context: TaskContext): Promise<TaskOutput[]> {
      if (options.structure) {
        const loaded = await loadStructure(context.engine, courseStructure(await options.structure()));
        context.note(`course structure: ${loaded.courses} courses, ${loaded.blocks} blocks`);
      } else {
        context.note('no course structure: problems are placed as deleted blocks');
      }
      const report = await writeProblemResponseReports(context.engine, {
        interval: context.params.interval,
        outputDir: options.outputDir,
        fields: options.fields,
        listDelimiter: options.listDelimiter,
        hasStructure: options.structure !== undefined,
      });
      for (const [reason, events] of Object.entries(report.skipped)) context.note(`${events} problem_check events skipped: ${reason}`);
      for (const file of report.files) await options.onFile?.(file);
      context.note(`${report.files.length} report files written to ${options.outputDir}`);
      return [];
    },
  };
}

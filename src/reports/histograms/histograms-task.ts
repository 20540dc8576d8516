import { sqlFile } from '../../engine/sql-file.js';
import { LMS_TABLES } from '../runner/lms-import.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';

const OUTPUTS = ['grade_distribution', 'sequential_open_distribution'];

const sql = (name: string) => sqlFile(import.meta.url, name);

/**
 * Grade and subsection-open histograms (legacy GradeDistFromSqoopToMySQLWorkflow and
 * SeqOpenDistFromSqoopToMySQLWorkflow): from the LMS courseware_studentmodule table, no events.
 */
export const histogramsTask: ReportTask = {
  name: 'histograms',
  description: 'learners per grade of each module, and learners who opened each subsection, from the LMS',
  inputs: { lms: { tables: [LMS_TABLES.courseware_studentmodule], required: true } },
  moduleUrl: import.meta.url,
  sqlFiles: OUTPUTS.map((table) => `${table}.sql`),
  significantParams: () => ({}),
  outputs: () => OUTPUTS,
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const outputs: TaskOutput[] = [];
    for (const table of OUTPUTS) outputs.push({ table, rows: await context.engine.query(sql(`${table}.sql`)) });
    return outputs;
  },
};

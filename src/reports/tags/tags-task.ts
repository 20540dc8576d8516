import { sqlFile } from '../../engine/sql-file.js';
import { SERVER_PROBLEM_CHECKS, shareServerProblemChecks } from '../problem-checks/server-problem-checks.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

/** Tags distribution (legacy TagsDistributionWorkflow): total and correct submissions per tagged problem and tag. */
export const tagsTask: ReportTask = {
  name: 'tags',
  description: 'total and correct problem submissions per problem and tag (the tagging aside of the latest submission)',
  inputs: { events: (params) => params.interval },
  moduleUrl: import.meta.url,
  sqlFiles: [SERVER_PROBLEM_CHECKS, 'tags_distribution.sql'],
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end }),
  outputs: () => ['tags_distribution'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    await shareServerProblemChecks(context.engine, context.params.interval);
    const rows = await context.engine.query(sql('tags_distribution.sql'));
    return [{ table: 'tags_distribution', rows }];
  },
};

import { sqlFile } from '../../engine/sql-file.js';
import { SERVER_PROBLEM_CHECK_SKIPS, SERVER_PROBLEM_CHECKS, shareServerProblemChecks, skippedProblemChecks } from '../problem-checks/server-problem-checks.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';
import { answerDistributionRows, type AttemptPart } from './answer-distribution-rows.js';
import { answerParts } from './answer-parts.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

/** Checks that answered a part alike: `payload` is a problem_check payload holding only that part. */
interface PartRow {
  readonly course_id: string;
  readonly problem_id: string;
  readonly attempt_category: 'first' | 'last';
  readonly problem_display_name: string | null;
  readonly payload: Record<string, unknown>;
  readonly attempts: number;
}

/**
 * Answer distribution (legacy AnswerDistributionToMySQLTaskWorkflow): per problem part, how many learners gave each
 * answer at their first and at their last check. The legacy read all history; run without --interval it does too,
 * and the events table reads each log file once, so a new day does not re-read the others.
 */
export const answerDistributionTask: ReportTask = {
  name: 'answer-distribution',
  description: 'per problem part and answer value: learners whose first and whose last submission gave that answer',
  inputs: { events: (params) => params.interval },
  moduleUrl: import.meta.url,
  sqlFiles: [SERVER_PROBLEM_CHECKS, SERVER_PROBLEM_CHECK_SKIPS, 'first_last_answer_parts.sql'],
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end }),
  outputs: () => ['answer_distribution'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const { engine, params } = context;
    await shareServerProblemChecks(engine, params.interval);
    for (const { reason, events } of await skippedProblemChecks(engine)) {
      context.note(`${events} problem_check events skipped: ${reason.replaceAll('_', ' ')}`);
    }
    const parts: AttemptPart[] = [];
    // The engine counts the checks per part and answer; only a row per distinct answer reaches JavaScript.
    for (const row of await engine.queryJson<PartRow>(sql('first_last_answer_parts.sql'))) {
      for (const part of answerParts(row.payload)) {
        parts.push({
          courseId: row.course_id,
          problemId: row.problem_id,
          problemDisplayName: row.problem_display_name,
          attemptCategory: row.attempt_category,
          part,
          attempts: row.attempts,
        });
      }
    }
    const rows = answerDistributionRows(parts);
    if (rows.length === 0) context.note('no answers of the shown response types: answer_distribution is empty');
    return [{ table: 'answer_distribution', rows }];
  },
};

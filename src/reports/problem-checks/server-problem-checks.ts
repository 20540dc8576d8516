import type { Engine } from '../../engine/engine.js';
import { sqlFile } from '../../engine/sql-file.js';
import type { DateInterval } from '../../events/interval.js';

/**
 * The server problem_check events with the reason each is skipped, shared by the answer distribution and problem
 * response reports: a path to the .sql file relative to a report folder's task module.
 */
export const SERVER_PROBLEM_CHECKS = '../problem-checks/server_problem_checks.sql';

/** The count of skipped checks per reason, from `server_problem_checks` (same form as SERVER_PROBLEM_CHECKS). */
export const SERVER_PROBLEM_CHECK_SKIPS = '../problem-checks/server_problem_check_skips.sql';

/** Makes `server_problem_checks` for the interval, once for all the tasks of a run that read it. */
export function shareServerProblemChecks(engine: Engine, interval: DateInterval): Promise<void> {
  return engine.share('server_problem_checks', sqlFile(import.meta.url, 'server_problem_checks.sql'), {
    interval_start: interval.start,
    interval_end: interval.end,
  });
}

/** How many of the shared `server_problem_checks` the problem reports skip, per reason. */
export async function skippedProblemChecks(engine: Engine): Promise<{ reason: string; events: number }[]> {
  return engine.query<{ reason: string; events: number }>(sqlFile(import.meta.url, 'server_problem_check_skips.sql'));
}

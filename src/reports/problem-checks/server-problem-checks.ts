import type { Engine } from '../../engine/engine.js';
import { sqlFile } from '../../engine/sql-file.js';
import type { DateInterval } from '../../events/interval.js';

/**
 * The server problem_check events with the reason each is skipped, shared by the answer distribution and problem
 * response reports: a path to the .sql file relative to a report folder's task module.
 */
export const SERVER_PROBLEM_CHECKS = '../problem-checks/server_problem_checks.sql';

/** Makes `server_problem_checks` for the interval, once for all the tasks of a run that read it. */
export function shareServerProblemChecks(engine: Engine, interval: DateInterval): Promise<void> {
  return engine.share('server_problem_checks', sqlFile(import.meta.url, 'server_problem_checks.sql'), {
    interval_start: interval.start,
    interval_end: interval.end,
  });
}

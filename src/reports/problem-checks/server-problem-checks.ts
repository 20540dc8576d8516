/**
 * The server problem_check events with the reason each is skipped, shared by the answer distribution and problem
 * response reports: a path to the .sql file relative to a report folder's task module.
 */
export const SERVER_PROBLEM_CHECKS = '../problem-checks/server_problem_checks.sql';

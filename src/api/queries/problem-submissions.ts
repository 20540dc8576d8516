import type { ReportsStore } from '../../store/reports-store.js';
import { formatLegacyDateTime, toDate } from '../legacy/dates.js';

export interface ProblemSubmissions {
  module_id: string;
  total_submissions: number;
  correct_submissions: number;
  part_ids: string[];
  created: string;
}

/** One (module, part, correct) group of answer_distribution, as the store sums it. */
interface PartSubmissions {
  module_id: string;
  part_id: string;
  correct: number | boolean | string;
  submissions: number | string | null;
  created: Date | string;
}

/**
 * The problems of a course with their submissions (legacy `problems/`): per module, the sum of
 * last_response_count over its rows divided by its number of parts, for all answers and for correct ones. The
 * store sums per (module, part, correct), which every dialect does alike; the division, the part list (the
 * legacy GROUP_CONCAT) and the boolean test happen here. Served by the (course_id, module_id) index.
 */
export async function problemSubmissions(store: ReportsStore, courseId: string): Promise<ProblemSubmissions[]> {
  const groups = await store.db
    .selectFrom('answer_distribution')
    .select(['module_id', 'part_id', 'correct'])
    .select((eb) => [eb.fn.sum<number>('last_response_count').as('submissions'), eb.fn.max('created').as('created')])
    .where('course_id', '=', courseId)
    .groupBy(['module_id', 'part_id', 'correct'])
    .execute();
  return submissionsByProblem(groups);
}

/** Per module, in module_id order, part ids sorted; averages truncated, as the legacy SQL's integer division on SQLite. */
function submissionsByProblem(groups: readonly PartSubmissions[]): ProblemSubmissions[] {
  const problems = new Map<string, { total: number; correct: number; parts: Set<string>; created: Date }>();
  for (const group of groups) {
    const problem = problems.get(group.module_id) ?? { total: 0, correct: 0, parts: new Set<string>(), created: toDate(group.created) };
    const submissions = Number(group.submissions ?? 0);
    problem.total += submissions;
    if (isTrue(group.correct)) problem.correct += submissions;
    problem.parts.add(group.part_id);
    const created = toDate(group.created);
    if (created > problem.created) problem.created = created;
    problems.set(group.module_id, problem);
  }
  return [...problems]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([moduleId, problem]) => ({
      module_id: moduleId,
      total_submissions: Math.trunc(problem.total / problem.parts.size),
      correct_submissions: Math.trunc(problem.correct / problem.parts.size),
      part_ids: [...problem.parts].sort(byCodeUnit),
      created: formatLegacyDateTime(problem.created),
    }));
}

/** A stored boolean: 1/0 (SQLite, MySQL, the Postgres dialect's parser), true/false, or '1'/'0'. */
function isTrue(value: number | boolean | string): boolean {
  return value === true || Number(value) === 1;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

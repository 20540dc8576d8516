/** The answer_distribution endpoint's merging of answers that were split by an erroneously randomised problem. */

export interface AnswerRow {
  course_id: string;
  module_id: string;
  part_id: string;
  correct: boolean | number | null;
  value_id: string | null;
  answer_value: string | null;
  problem_display_name: string | null;
  question_text: string | null;
  variant: number | null;
  first_response_count: number;
  last_response_count: number;
  created: Date | string;
}

export type ConsolidatedAnswerRow<T extends AnswerRow = AnswerRow> = T & { consolidated_variant: boolean };

/**
 * Rows ordered by part_id (stable). Within a part, when every value_id has a single (question_text, answer_value,
 * problem_display_name, correct), the rows sharing a value_id become one: counts summed, variant null,
 * consolidated_variant true, everything else from the first of them. A value_id seen once keeps its variant and
 * consolidated_variant false, as in the legacy view. Otherwise the part is returned as it is, not consolidated.
 */
export function consolidateAnswers<T extends AnswerRow>(rows: readonly T[]): ConsolidatedAnswerRow<T>[] {
  const ordered = [...rows].sort((a, b) => (a.part_id < b.part_id ? -1 : a.part_id > b.part_id ? 1 : 0));
  const result: ConsolidatedAnswerRow<T>[] = [];
  let start = 0;
  while (start < ordered.length) {
    let end = start + 1;
    while (end < ordered.length && ordered[end]?.part_id === ordered[start]?.part_id) end++;
    result.push(...consolidatePart(ordered.slice(start, end)));
    start = end;
  }
  return result;
}

function consolidatePart<T extends AnswerRow>(part: readonly T[]): ConsolidatedAnswerRow<T>[] {
  const byValueId = new Map<string | null, T[]>();
  const tuples = new Map<string | null, Set<string>>();
  for (const row of part) {
    byValueId.set(row.value_id, [...(byValueId.get(row.value_id) ?? []), row]);
    const seen = tuples.get(row.value_id) ?? new Set<string>();
    seen.add(matchingTuple(row));
    tuples.set(row.value_id, seen);
  }
  if ([...tuples.values()].some((seen) => seen.size > 1)) {
    return part.map((row) => ({ ...row, consolidated_variant: false }));
  }
  return [...byValueId.values()].map(([first, ...others]) => {
    const head = first as T;
    if (others.length === 0) return { ...head, consolidated_variant: false };
    return {
      ...head,
      variant: null,
      first_response_count: others.reduce((sum, row) => sum + row.first_response_count, head.first_response_count),
      last_response_count: others.reduce((sum, row) => sum + row.last_response_count, head.last_response_count),
      consolidated_variant: true,
    };
  });
}

/** The fields that must agree for answers to be merged; `correct` compared as Python does (1 == True). */
function matchingTuple(row: AnswerRow): string {
  const correct = row.correct === null ? null : Boolean(row.correct);
  return JSON.stringify([row.question_text, row.answer_value, row.problem_display_name, correct]);
}

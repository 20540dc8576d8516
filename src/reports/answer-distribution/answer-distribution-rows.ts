import type { Row } from '../../engine/engine.js';
import type { AnswerPart } from './answer-parts.js';
import { answerNumber, answerText } from './answer-text.js';

/** The legacy `[answer-distribution] valid_response_types` default. */
export const VALID_RESPONSE_TYPES: ReadonlySet<string> = new Set([
  'choiceresponse',
  'optionresponse',
  'multiplechoiceresponse',
  'numericalresponse',
  'stringresponse',
  'formularesponse',
]);

/** An answered part of learners' first or last checks: `attempts` checks that answered it alike. */
export interface AttemptPart {
  readonly courseId: string;
  readonly problemId: string;
  readonly problemDisplayName: string | null;
  readonly attemptCategory: 'first' | 'last';
  readonly part: AnswerPart;
  readonly attempts: number;
}

interface Distribution {
  readonly latest: AttemptPart;
  readonly values: Map<string, { readonly sample: AttemptPart; first: number; last: number }>;
}

/**
 * The answer_distribution rows: per course and answer part, the first and last responses counted per answer value
 * (the value id when there is one) and variant. The part's most recent answer decides whether it is shown (its
 * response type), its problem, display name and whether values are ids; each value's other columns come from its
 * most recent answer. Each part's attempts must be in the order of their most recent answer (an attempt standing for
 * several checks is as recent as the latest of them), the parts in the order of their first answer: the rows come in
 * that order.
 */
export function answerDistributionRows(parts: readonly AttemptPart[]): Row[] {
  const byPart = new Map<string, AttemptPart[]>();
  for (const attempt of parts) {
    const key = JSON.stringify([attempt.courseId, attempt.part.answerId]);
    const list = byPart.get(key);
    if (list) list.push(attempt);
    else byPart.set(key, [attempt]);
  }
  const rows: Row[] = [];
  for (const attempts of byPart.values()) {
    const latest = attempts[attempts.length - 1]!;
    const responseType = latest.part.responseType;
    if (typeof responseType !== 'string' || !VALID_RESPONSE_TYPES.has(responseType)) continue;
    const distribution: Distribution = { latest, values: new Map() };
    for (let index = attempts.length - 1; index >= 0; index--) {
      const attempt = attempts[index]!;
      const key = groupingKey(attempt.part);
      let value = distribution.values.get(key);
      if (!value) {
        value = { sample: attempt, first: 0, last: 0 };
        distribution.values.set(key, value);
      }
      if (attempt.attemptCategory === 'first') value.first += attempt.attempts;
      else value.last += attempt.attempts;
    }
    for (const value of distribution.values.values()) rows.push(distributionRow(distribution.latest, value.sample.part, value.first, value.last));
  }
  return rows;
}

function groupingKey(part: AnswerPart): string {
  const variant = part.variant === undefined || part.variant === '' ? '1' : part.variant;
  const value = 'valueId' in part ? part.valueId : part.answer;
  return JSON.stringify([answerText(value), typeof variant === 'string' ? variant : answerText(variant)]);
}

function distributionRow(latest: AttemptPart, part: AnswerPart, first: number, last: number): Row {
  let valueId = '';
  let answer: unknown;
  if ('valueId' in latest.part) {
    valueId = 'valueId' in part ? answerText(part.valueId) : '';
    answer = 'answer' in part ? part.answer : '';
  } else {
    answer = 'answer' in part ? part.answer : part.valueId;
  }
  const answerValue = answerText(answer, valueId !== '');
  return {
    course_id: latest.courseId,
    module_id: latest.problemId,
    part_id: latest.part.answerId,
    correct: truthy(part.correct) ? 1 : 0,
    first_response_count: first,
    last_response_count: last,
    value_id: valueId === '' ? null : valueId,
    answer_value_text: answerValue === '' ? null : answerValue,
    answer_value_numeric: answerNumber(answerValue),
    variant: variantNumber(part.variant),
    problem_display_name: latest.problemDisplayName === '' ? null : latest.problemDisplayName,
    question_text: typeof part.question === 'string' && part.question !== '' ? part.question : null,
  };
}

/** Python truthiness, as the legacy's `'1' if answer.get('correct') else '0'`. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

/** The variant (the problem's seed) as the store's integer; null when falsy (as the legacy wrote 0) or not whole. */
function variantNumber(value: unknown): number | null {
  if (!truthy(value)) return null;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^-?\d+$/.test(text) ? Number(text) : null;
}

/** One answered part of a learner's first or last problem_check, as the legacy answer distribution recorded it. */
export interface AnswerPart {
  readonly answerId: string;
  /** The submission's answer text (absent for events without a `submission`). */
  readonly answer?: unknown;
  /** The raw answer when it differs from the text (a choice id), or the only answer of an event without `submission`. */
  readonly valueId?: unknown;
  readonly question?: unknown;
  readonly responseType?: unknown;
  readonly correct: unknown;
  readonly variant?: unknown;
}

/**
 * The answered parts of a problem_check payload. With a `submission` each part is a submission entry, and the raw
 * answer becomes its value id when it differs from the text; older events give only `answers` (each part must be in
 * `correct_map`, its variant is the state's seed). `_dynamath` and `_comment` parts are hidden.
 */
export function answerParts(payload: Record<string, unknown>): AnswerPart[] {
  const answers = asObject(payload['answers']) ?? {};
  const correctMap = asObject(payload['correct_map']) ?? {};
  const parts: AnswerPart[] = [];
  if ('submission' in payload) {
    for (const [answerId, value] of Object.entries(asObject(payload['submission']) ?? {})) {
      // The legacy failed the whole job on a submission entry that is not an object; here only the part is skipped.
      const part = asObject(value);
      if (isHidden(answerId) || part === undefined) continue;
      const raw = answers[answerId];
      parts.push({
        answerId,
        ...('answer' in part ? { answer: part['answer'] } : {}),
        ...(answerId in answers && !sameJson(raw, part['answer']) ? { valueId: raw } : {}),
        question: part['question'],
        responseType: part['response_type'],
        correct: part['correct'],
        ...('variant' in part ? { variant: part['variant'] } : {}),
      });
    }
  } else {
    const seed = asObject(payload['state'])?.['seed'];
    for (const [answerId, value] of Object.entries(answers)) {
      if (isHidden(answerId) || !(answerId in correctMap)) continue;
      const correctness = asObject(correctMap[answerId])?.['correctness'];
      parts.push({ answerId, valueId: value, correct: correctness === 'correct', variant: seed });
    }
  }
  return parts;
}

function isHidden(answerId: string): boolean {
  return answerId.endsWith('_dynamath') || answerId.endsWith('_comment');
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

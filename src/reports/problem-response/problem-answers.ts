/** One answered part of a problem_check payload, as the legacy problem response report took it. */
export interface ProblemAnswer {
  readonly answerId: string;
  /** The submission's question text, cleaned; "" when the event has none. */
  readonly question: string;
  readonly correct: boolean | null;
  /** The answer texts (several for a checkbox question), cleaned. */
  readonly answer: readonly string[];
}

/** Python 2's `\s` without re.UNICODE: ASCII whitespace only. */
const WHITESPACE = /[ \t\n\r\f\v]+/g;
/** The legacy default `clean_text_regex`: the hints shown with choices (Python's `.` is `[^\n]`). */
const CHOICE_HINTS = /(?:<choicehint[^\n]*?<\/choicehint>)|(?:<choicehint[^\n]*?>)/g;

/** Collapses whitespace and removes choice hints, in that order (the hint pattern does not cross line breaks). */
export function cleanText(text: string): string {
  return text.replace(WHITESPACE, ' ').replace(CHOICE_HINTS, '');
}

/**
 * cleanText remembering its answers, for one report run: question texts, choice ids and display names repeat across
 * learners.
 */
export function textCleaner(): (text: string) => string {
  const cleaned = new Map<string, string>();
  return (text) => {
    let result = cleaned.get(text);
    if (result === undefined) {
      result = cleanText(text);
      cleaned.set(text, result);
    }
    return result;
  };
}

/**
 * The answered parts of a problem_check payload, in payload order. With a `submission` (newer events) each part is a
 * submission entry and the answer is its text; older events give only `answers`, whose values are answer ids, and
 * parts missing from `correct_map` are skipped. `_dynamath` and `_comment` parts are hidden.
 */
export function problemAnswers(payload: Record<string, unknown>, clean: (text: string) => string = cleanText): ProblemAnswer[] {
  const answers = asObject(payload['answers']) ?? {};
  const correctMap = asObject(payload['correct_map']) ?? {};
  const submission = asObject(payload['submission']);
  const parts: ProblemAnswer[] = [];
  if ('submission' in payload) {
    for (const [answerId, value] of Object.entries(submission ?? {})) {
      if (isHidden(answerId)) continue;
      const part = asObject(value) ?? {};
      // The submission's text wins; the raw answer (a choice id) shows only when the submission has no text.
      const answer = 'answer' in part ? part['answer'] : answers[answerId];
      parts.push({
        answerId,
        question: clean(textOf(part['question'])),
        correct: correctness(correctMap[answerId]),
        answer: answerTexts(answer, clean),
      });
    }
  } else {
    for (const [answerId, value] of Object.entries(answers)) {
      if (isHidden(answerId) || !(answerId in correctMap)) continue;
      parts.push({ answerId, question: '', correct: correctness(correctMap[answerId]), answer: answerTexts(value, clean) });
    }
  }
  return parts;
}

function isHidden(answerId: string): boolean {
  return answerId.endsWith('_dynamath') || answerId.endsWith('_comment');
}

/** True for "correct", false for "incorrect", null otherwise (unknown, partially correct, absent). */
function correctness(entry: unknown): boolean | null {
  const value = asObject(entry)?.['correctness'];
  return value === 'correct' ? true : value === 'incorrect' ? false : null;
}

function answerTexts(value: unknown, clean: (text: string) => string): string[] {
  return Array.isArray(value) ? value.map((item) => clean(textOf(item))) : [clean(textOf(value))];
}

/** A JSON value as text: strings as they are, null as "", anything else as JSON. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

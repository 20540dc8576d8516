/** Field rules of the legacy records (edx-analytics-pipeline `util/record.py`), shared by the structure tables. */

/** Python 2's `\s` without re.UNICODE: ASCII whitespace only. */
const ASCII_WHITESPACE = /[ \t\n\r\f\v]+/g;

/** Runs of ASCII whitespace become one space (no trimming), as the legacy Hive encoder did. */
export function normalizeWhitespace(text: string): string {
  return text.replace(ASCII_WHITESPACE, ' ');
}

/** The first `length` code points (Python 2 wide-build strings count code points, not UTF-16 units). */
export function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const points = Array.from(text);
  return points.length <= length ? text : points.slice(0, length).join('');
}

/** A text field of a JSON object, or null when absent, null or not a string. */
export function textField(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' ? value : null;
}

/**
 * A date-time from the LMS APIs in the legacy Hive text form, `YYYY-MM-DD HH:MM:SS.ffffff`, read as UTC from the
 * numbers in the text (the API writes `2016-01-01T00:00:00Z`); null when it has no date.
 */
export function hiveTimestamp(text: string | null): string | null {
  if (text === null) return null;
  const match = /^(\d{4})\D(\d{1,2})\D(\d{1,2})(?:\D+(\d{1,2})\D(\d{1,2})(?:\D(\d{1,2})(?:\.(\d+))?)?)?/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = ''] = match;
  const two = (part: string) => part.padStart(2, '0');
  const micros = fraction.slice(0, 6).padEnd(6, '0');
  return `${year}-${two(month!)}-${two(day!)} ${two(hour)}:${two(minute)}:${two(second)}.${micros}`;
}

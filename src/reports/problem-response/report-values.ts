/** How the legacy report rendered its values, after they had passed through Hive. */

/**
 * A score as the legacy CSV showed it: Hive kept it as a 32-bit FLOAT and printed it as Java does (`1.0`, `0.5`,
 * `0.33333334`, `1.0E7`); "None" when it is not a number.
 */
export function legacyScore(value: unknown): string {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) return 'None';
  return javaFloatText(Math.fround(number));
}

/**
 * legacyScore remembering its answers for numbers and strings, for one report run (grades take few values). -0 is not
 * remembered: a Map takes it for 0, which Java prints differently.
 */
export function scoreFormatter(): (value: unknown) => string {
  const texts = new Map<unknown, string>();
  return (value) => {
    if ((typeof value !== 'number' && typeof value !== 'string') || Object.is(value, -0)) return legacyScore(value);
    let text = texts.get(value);
    if (text === undefined) {
      text = legacyScore(value);
      texts.set(value, text);
    }
    return text;
  };
}

function javaFloatText(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // The shortest decimal that reads back as the same 32-bit float.
  let digits = value.toPrecision(9);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = value.toPrecision(precision);
    if (Math.fround(Number(candidate)) === value) {
      digits = candidate;
      break;
    }
  }
  const [mantissa = '', exponentText = '0'] = Number(digits).toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const figures = mantissa.replace('-', '').replace('.', '');
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const point = exponent + 1;
    const whole = point <= 0 ? '0' : figures.slice(0, point).padEnd(point, '0');
    const fraction = point <= 0 ? '0'.repeat(-point) + figures : figures.slice(point);
    return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
  }
  const fraction = figures.slice(1);
  return `${sign}${figures[0]}.${fraction === '' ? '0' : fraction}E${exponent}`;
}

/** True, False or None, as Python printed the nullable boolean. */
export function legacyBoolean(value: boolean | null): string {
  return value === null ? 'None' : value ? 'True' : 'False';
}

/** `%Y-%m-%dT%H:%M:%SZ` in UTC (the acceptance configuration's `report_field_datetime_format`). */
export function legacyDateTime(value: Date): string {
  return `${value.toISOString().slice(0, 19)}Z`;
}

const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: later instants have a six-digit year in toISOString. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/**
 * legacyDateTime of epoch milliseconds, for one report run: the date part is written once per day and the time of day
 * by hand; instants before 1970 or after 9999 go through legacyDateTime.
 */
export function epochDateTimeFormatter(): (epochMs: number) => string {
  const dates = new Map<number, string>();
  return (epochMs) => {
    if (!Number.isInteger(epochMs) || epochMs < 0 || epochMs > LAST_FOUR_DIGIT_YEAR_MS) return legacyDateTime(new Date(epochMs));
    const day = Math.floor(epochMs / DAY_MS);
    let date = dates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 11);
      dates.set(day, date);
    }
    const seconds = Math.floor((epochMs - day * DAY_MS) / 1000);
    return `${date}${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}Z`;
  };
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * The course part of a report's file name, as the legacy `get_filename_safe_course_id`: Org_Number_Run for a valid
 * key of either form, else the id itself, with everything but ASCII letters, digits, `_`, `.` and `-` made `_`.
 */
export function filenameSafeCourseId(courseId: string): string {
  const match = /^course-v1:([^+/]+)\+([^+/]+)\+([^+/]+)(?:\+.*)?$/.exec(courseId) ?? /^([^/+]+)\/([^/+]+)\/([^/+]+)$/.exec(courseId);
  const name = match ? `${match[1]}_${match[2]}_${match[3]}` : courseId;
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

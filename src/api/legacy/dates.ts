/** Dates as the legacy data API read and wrote them (settings DATETIME_FORMAT / DATE_FORMAT, always UTC). */

/** A query parameter the legacy API could not use; the message names the parameter. */
export class InvalidParameterError extends Error {
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.name = 'InvalidParameterError';
    this.parameter = parameter;
  }
}

// The field patterns of Python's strptime, which also accepts unpadded months, days and times (`2014-1-5`).
const YEAR = '(\\d{4})';
const MONTH = '(1[0-2]|0[1-9]|[1-9])';
const DAY = '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])';
const HOUR = '(2[0-3]|[01]\\d|\\d)';
const MINUTE = '([0-5]\\d|\\d)';
const SECOND = '(6[01]|[0-5]\\d|\\d)';
const LEGACY_DATETIME = new RegExp(`^${YEAR}-${MONTH}-${DAY}T${HOUR}${MINUTE}${SECOND}$`, 'i');
const LEGACY_DATE = new RegExp(`^${YEAR}-${MONTH}-${DAY}$`);

/**
 * A `start_date`/`end_date` value: `YYYY-mm-ddTHHMMSS` (e.g. `2014-12-15T000000`) or `YYYY-mm-dd`, in UTC.
 * The legacy API answered 500 to anything else; we throw so that the route can answer 400.
 */
export function parseLegacyDate(value: string, name: string): Date {
  const parts = LEGACY_DATETIME.exec(value) ?? LEGACY_DATE.exec(value);
  const date = parts ? utcDate(parts.slice(1).map(Number)) : null;
  if (!date) {
    throw new InvalidParameterError(
      name,
      `Invalid ${name} "${value}": use YYYY-mm-ddTHHMMSS (e.g. 2014-12-15T000000) or YYYY-mm-dd (e.g. 2014-12-15).`,
    );
  }
  return date;
}

/** The date for these fields, or null when one is out of range (2014-02-30, second 60). */
function utcDate([year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0]: number[]): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year);
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return same ? date : null;
}

const STORE_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]00:?00)?)?$/;

/** A DATE or DATETIME as a store returns it: a Date (mysql2, pg, DuckDB) or `YYYY-MM-DD[ HH:MM:SS]` text, UTC. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const parts = STORE_VALUE.exec(value);
  const date = parts ? utcDate(parts.slice(1, 7).map((part) => Number(part ?? 0))) : null;
  if (!parts || !date) throw new Error(`Not a store date or datetime: "${value}"`);
  date.setUTCMilliseconds(Number((parts[7] ?? '').padEnd(3, '0').slice(0, 3)));
  return date;
}

/** `2014-12-10T193146`: settings.DATETIME_FORMAT, used for `created` and `interval_*`. */
export function formatLegacyDateTime(value: Date | string): string {
  const iso = toDate(value).toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** `2014-12-10`: settings.DATE_FORMAT, used for `date`. */
export function formatLegacyDate(value: Date | string): string {
  return toDate(value).toISOString().slice(0, 10);
}

/**
 * `2014-01-01T00:00:00Z`: DRF's default DateTimeField output (recent_activity). Like Python's isoformat, a fraction
 * appears only when the value has one, with six digits.
 */
export function formatIsoDateTime(value: Date | string): string {
  const date = toDate(value);
  const iso = date.toISOString();
  const fraction = date.getUTCMilliseconds() === 0 ? '' : `.${iso.slice(20, 23)}000`;
  return `${iso.slice(0, 19)}${fraction}Z`;
}

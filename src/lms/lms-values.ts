import type { LmsDatetime, LmsFlag } from './lms-schema.js';

// MySQL text ('2014-08-22 20:36:43', '… .000000'), ISO text as dumps and SQLite hold it ('2017-01-31T00:05:00'),
// optionally with a zone suffix.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A datetime column's value as UTC text `YYYY-MM-DD HH:MM:SS[.ffffff]`: the fraction is written with six digits, and
 * only when it is not zero, so MySQL's `datetime(6)` and a dump's plain text read the same.
 */
export function normaliseLmsDatetime(value: unknown): LmsDatetime | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('an invalid Date is not a datetime');
    return withFraction(value.toISOString().slice(0, 19).replace('T', ' '), String(value.getUTCMilliseconds()).padStart(3, '0'));
  }
  if (typeof value !== 'string') throw new TypeError(`${JSON.stringify(value)} is not a datetime`);
  const match = DATETIME.exec(value.trim());
  if (!match) throw new TypeError(`${JSON.stringify(value)} is not a datetime`);
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match as unknown as string[];
  // MySQL's zero dates ('0000-00-00 00:00:00') name no instant; Django's MySQL driver reads them as None.
  if (year === '0000' || month === '00' || day === '00') return null;
  const offsetMinutes = zoneOffsetMinutes(zone);
  let text = `${year}-${month}-${day} ${hour}:${minute}:${second}`;
  if (offsetMinutes !== 0) {
    const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute) - offsetMinutes, Number(second));
    text = new Date(utc).toISOString().slice(0, 19).replace('T', ' ');
  }
  return withFraction(text, fraction);
}

function withFraction(text: string, fraction: string): string {
  const micros = fraction.padEnd(6, '0').slice(0, 6);
  return /^0+$/.test(micros) ? text : `${text}.${micros}`;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

const FLAG_TEXT: Record<string, LmsFlag> = { '0': 0, '1': 1, false: 0, true: 1 };

/** A boolean column's value as 0 or 1, whether the driver gave a number, a boolean, text or a BIT(1) buffer. */
export function normaliseLmsFlag(value: unknown): LmsFlag | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return value.some((byte) => byte !== 0) ? 1 : 0;
  if (typeof value === 'string' && value.toLowerCase() in FLAG_TEXT) return FLAG_TEXT[value.toLowerCase()]!;
  throw new TypeError(`${JSON.stringify(value)} is not a boolean`);
}

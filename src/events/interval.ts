/** A half-open interval of UTC days, [start, end), as the legacy `--interval A-B` parameter. */
export interface DateInterval {
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(text);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Parses `YYYY-MM-DD-YYYY-MM-DD` (half-open) or a single day `YYYY-MM-DD`. */
export function parseInterval(text: string): DateInterval {
  const single = text.trim();
  if (isIsoDay(single)) return { start: single, end: addDays(single, 1) };
  const match = /^(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})$/.exec(single);
  if (!match || !isIsoDay(match[1]!) || !isIsoDay(match[2]!)) {
    throw new Error(`invalid interval "${text}": expected YYYY-MM-DD-YYYY-MM-DD (half-open) or YYYY-MM-DD`);
  }
  const interval = { start: match[1]!, end: match[2]! };
  if (interval.end <= interval.start) {
    throw new Error(`invalid interval "${text}": the end ${interval.end} must come after the start ${interval.start}`);
  }
  return interval;
}

export function formatInterval(interval: DateInterval): string {
  return `${interval.start}-${interval.end}`;
}

export function daysOf(interval: DateInterval): string[] {
  const days: string[] = [];
  for (let day = interval.start; day < interval.end; day = addDays(day, 1)) days.push(day);
  return days;
}

export function expandInterval(interval: DateInterval, days: number): DateInterval {
  return { start: addDays(interval.start, -days), end: addDays(interval.end, days) };
}

export function containsDay(interval: DateInterval, day: string): boolean {
  return day >= interval.start && day < interval.end;
}

/** Pure formatting helpers. No wall clock, no locale dependence: the output is the same everywhere. */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** 1234567 → "1,234,567"; null/undefined → "0" (a summary card shows 0 for None). */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '0';
  const sign = n < 0 ? '-' : '';
  const [int = '0', frac] = Math.abs(n).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac ? `.${frac}` : '');
}

/** Signed change: "+12", "-3", "0". */
export function formatChange(n: number | null | undefined): string {
  if (n === null || n === undefined) return '0';
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}

/** Legacy percent display: "< 1%" below 1 %, otherwise one decimal place. Input is a ratio (0..1). */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '0.0%';
  const pct = ratio * 100;
  if (pct > 0 && pct < 1) return '< 1%';
  return `${pct.toFixed(1)}%`;
}

/** Ratio with a zero guard. */
export function ratio(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

/**
 * Parses the data API timestamps: `2014-12-10T193146` (v0 DATETIME_FORMAT), also ISO `2014-12-10T19:31:46Z`
 * and plain dates. Returns epoch milliseconds (UTC) or null.
 */
export function parseApiTimestamp(value: string | null | undefined): number | null {
  if (!value) return null;
  const compact = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  }
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const [, y, mo, d] = dateOnly.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/** The newest `created` among rows, as epoch ms (null when none parse). */
export function newestCreated(rows: ReadonlyArray<{ created?: string | null }>): number | null {
  let best: number | null = null;
  for (const row of rows) {
    const t = parseApiTimestamp(row.created ?? null);
    if (t !== null && (best === null || t > best)) best = t;
  }
  return best;
}

/** "December 10, 2014" and "7:31 PM" (UTC), as the legacy footer. */
export function formatUpdated(epochMs: number): { date: string; time: string } {
  const d = new Date(epochMs);
  const date = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const time = `${h12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h24 < 12 ? 'AM' : 'PM'}`;
  return { date, time };
}

/** "<label> was last updated December 10, 2014 at 7:31 PM UTC." */
export function lastUpdatedSentence(label: string, epochMs: number): string {
  const { date, time } = formatUpdated(epochMs);
  return `${label} was last updated ${date} at ${time} UTC.`;
}

/** A data-API date (`YYYY-MM-DD` or timestamp) shown as "Dec 10, 2014"; null → null. */
export function formatShortDate(value: string | null | undefined): string | null {
  const t = parseApiTimestamp(value ?? null);
  if (t === null) return null;
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** Adds whole days to a `YYYY-MM-DD` date (UTC). */
export function addDays(isoDate: string, days: number): string {
  const t = parseApiTimestamp(isoDate);
  if (t === null) throw new Error(`not a date: ${isoDate}`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

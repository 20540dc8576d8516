import { formatLegacyDateTime, toDate } from '../legacy/dates.js';

/** Rows grouped by a key (courses, programs), groups ordered by key, rows in input order. */
export function groupedBy<T>(rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

/** The latest `created` of the rows of one item, as the legacy wrote it (`2014-12-10T193146`). */
export function latestCreated(rows: readonly { created: Date | string }[]): string {
  const times = rows.map((row) => toDate(row.created));
  return formatLegacyDateTime(times.reduce((latest, time) => (time > latest ? time : latest)));
}

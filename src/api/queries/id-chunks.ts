import type { ReportsStore } from '../../store/reports-store.js';

/**
 * Rows selected for many ids with one `IN` list per slice of ids that fits the store's bound-parameter limit
 * (SQLite's is 32766; MySQL and PostgreSQL take 65535), so a request costs a fixed number of queries per table
 * whatever its number of ids. `otherParameters` counts the statement's other bound values. No ids, no query.
 */
export async function rowsForIds<T>(
  store: ReportsStore,
  ids: readonly string[],
  select: (slice: readonly string[]) => Promise<T[]>,
  otherParameters = 0,
): Promise<T[]> {
  const size = Math.max(1, store.capabilities.maxBindParameters - otherParameters);
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += size) rows.push(...(await select(ids.slice(start, start + size))));
  return rows;
}

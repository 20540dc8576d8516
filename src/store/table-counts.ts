import { sql } from 'kysely';
import { isLeftoverTableName } from './physical-names.js';
import type { ReportsStore } from './reports-store.js';
import { RESULT_TABLES } from './tables.js';

export interface TableCount {
  readonly table: string;
  /** Absent when the table does not exist (the store is not migrated). */
  readonly rows?: number;
  /** A staging or retired copy an interrupted publish left behind (the next publish of that table drops it). */
  readonly leftover?: boolean;
}

const LANTERN_TABLES = ['lantern_task_markers', 'lantern_api_keys'];

/** Every result table and Lantern table with its row count, then any leftovers of interrupted publishes. */
export async function countTables(store: ReportsStore): Promise<TableCount[]> {
  const existing = new Set((await store.db.introspection.getTables()).map((table) => table.name));
  const counts: TableCount[] = [];
  const count = async (table: string) => {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
    return Number(rows[0]!.n);
  };
  for (const table of [...RESULT_TABLES.map((spec) => spec.name), ...LANTERN_TABLES]) {
    counts.push(existing.has(table) ? { table, rows: await count(table) } : { table });
  }
  for (const table of [...existing].filter(isLeftoverTableName).sort()) counts.push({ table, rows: await count(table), leftover: true });
  return counts;
}

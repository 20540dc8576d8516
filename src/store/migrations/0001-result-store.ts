import { sql, type Kysely } from 'kysely';
import { createResultTables } from '../ddl.js';
import type { StoreDdl } from '../dialects/store-dialect.js';
import { tablesAddedIn } from '../tables.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the database as it was, not the current schema. */

const NAME = '0001-result-store';

/** The enrollment, activity and location tables, and the task markers. */
export async function up(db: Kysely<any>, ddl: StoreDdl): Promise<void> {
  await createResultTables(db, ddl, tablesAddedIn(NAME));
  await db.schema
    .createTable('lantern_task_markers')
    .addColumn('task_id', sql.raw(ddl.columnType({ type: 'varchar', length: 255 })), (column) => column.primaryKey())
    .addColumn('fingerprint', sql.raw(ddl.columnType({ type: 'text' })), (column) => column.notNull())
    .addColumn('rows', sql.raw(ddl.columnType({ type: 'bigint' })), (column) => column.notNull())
    .addColumn('updated', sql.raw(ddl.columnType({ type: 'datetime' })), (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lantern_task_markers').ifExists().execute();
  for (const spec of tablesAddedIn(NAME).reverse()) await db.schema.dropTable(spec.name).ifExists().execute();
}

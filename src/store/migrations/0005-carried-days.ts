import { sql, type Kysely } from 'kysely';
import type { StoreDdl } from '../dialects/store-dialect.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the database as it was, not the current schema. */

/**
 * What a task's daily rows were computed from, day by day (JSON), so that the next run keeps the rows of the days
 * whose inputs did not change instead of computing them again (see ReportTask.carriesDays).
 */
export async function up(db: Kysely<any>, ddl: StoreDdl): Promise<void> {
  await db.schema.alterTable('lantern_task_markers').addColumn('carried_days', sql.raw(ddl.columnType({ type: 'text' }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lantern_task_markers').dropColumn('carried_days').execute();
}

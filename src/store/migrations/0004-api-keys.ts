import { sql, type Kysely } from 'kysely';
import type { StoreDdl } from '../dialects/store-dialect.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the database as it was, not the current schema. */

/** The data API's keys: one per user, kept as a SHA-256 hash, optionally limited to courses or orgs. */
export async function up(db: Kysely<any>, ddl: StoreDdl): Promise<void> {
  const type = (spec: Parameters<StoreDdl['columnType']>[0]) => sql.raw(ddl.columnType(spec));
  await db.schema
    .createTable('lantern_api_keys')
    .addColumn('username', type({ type: 'varchar', length: 150 }), (column) => column.primaryKey())
    .addColumn('key_hash', type({ type: 'varchar', length: 64 }), (column) => column.notNull().unique())
    .addColumn('courses', type({ type: 'text' }))
    .addColumn('orgs', type({ type: 'text' }))
    .addColumn('created', type({ type: 'datetime' }), (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lantern_api_keys').ifExists().execute();
}

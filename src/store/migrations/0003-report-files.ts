import type { Kysely } from 'kysely';
import { createResultTables } from '../ddl.js';
import type { StoreDdl } from '../dialects/store-dialect.js';
import { tablesAddedIn } from '../tables.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the database as it was, not the current schema. */

const NAME = '0003-report-files';

/** Where each report file was written (the problem response CSVs), for the data API's download links. */
export async function up(db: Kysely<any>, ddl: StoreDdl): Promise<void> {
  await createResultTables(db, ddl, tablesAddedIn(NAME));
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const spec of tablesAddedIn(NAME).reverse()) await db.schema.dropTable(spec.name).ifExists().execute();
}

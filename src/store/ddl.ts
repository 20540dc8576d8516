import { sql, type Kysely } from 'kysely';
import type { StoreDdl } from './dialects/store-dialect.js';
import { finalNames, type PhysicalNames } from './physical-names.js';
import type { TableSpec } from './tables.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- DDL names tables that the typed schema does not hold (staging copies). */

/** Creates a result table under `names`: `id`, the listed columns in order, `created`; no secondary indexes. */
export async function createResultTable(db: Kysely<any>, ddl: StoreDdl, spec: TableSpec, names: PhysicalNames): Promise<void> {
  let table = db.schema.createTable(names.table).addColumn('id', ddl.idColumn(names));
  for (const column of spec.columns) {
    table = table.addColumn(column.name, sql.raw(ddl.columnType(column)), (definition) =>
      column.nullable ? definition : definition.notNull(),
    );
  }
  await table.addColumn('created', ddl.createdColumn()).execute();
}

/** Creates the secondary indexes `names` lists on `names.table`. */
export async function createIndexes(db: Kysely<any>, names: PhysicalNames): Promise<void> {
  for (const index of names.indexes) {
    await db.schema.createIndex(index.name).on(names.table).columns([...index.columns]).execute();
  }
}

/** Creates published result tables with their indexes (what a migration does for the tables it adds). */
export async function createResultTables(db: Kysely<any>, ddl: StoreDdl, specs: readonly TableSpec[]): Promise<void> {
  for (const spec of specs) {
    const names = finalNames(spec);
    await createResultTable(db, ddl, spec, names);
    await createIndexes(db, names);
  }
}

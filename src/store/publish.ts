import { CompiledQuery, sql, type Kysely } from 'kysely';
import { createIndexes, createResultTable } from './ddl.js';
import { writeMarker, type MarkerInput } from './markers.js';
import { finalNames, leftoverTableNames, retiredTableName, stagingNames, type PhysicalNames } from './physical-names.js';
import type { ReportsStore } from './reports-store.js';
import { rowBatches, rowsPerInsert, type RowSource } from './row-batches.js';
import type { NewRow, ResultStore } from './schema.js';
import { describeCause, StoreError } from './store-error.js';
import { storeValues, unknownColumns } from './store-values.js';
import { isResultTable, tableSpec, type ResultTableName, type TableSpec } from './tables.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- staging and retired copies are not in the typed schema. */

/**
 * Rows of the published table that the new contents keep as they are: those whose `column` (a date) is in
 * [from, until). The task computed only the rest.
 */
export interface CarriedRows {
  readonly column: string;
  readonly from: string;
  readonly until: string;
}

/** One table a task publishes, with its complete new contents: its rows, and any it carries over. */
export type TableOutput = {
  [T in ResultTableName]: { readonly table: T; readonly rows: RowSource<NewRow<T>>; readonly carry?: CarriedRows };
}[ResultTableName];

export interface PublishResult {
  readonly tables: readonly { readonly table: ResultTableName; readonly rows: number }[];
  /** Rows written over all tables. */
  readonly rows: number;
}

interface StagedTable {
  readonly spec: TableSpec;
  readonly final: PhysicalNames;
  readonly staging: PhysicalNames;
  readonly source: RowSource<object>;
  readonly carry?: CarriedRows;
}

/**
 * Replaces every table in `outputs` with its rows, and the task's marker with `marker`, all at once: readers see
 * the previous contents until the swap and the new contents after it, never a mix. Each table is first written to
 * `<table>__staging`; if anything fails before the swap (a row source throws, a value is refused, the database
 * fails), the published tables and marker are untouched and the staging tables are dropped. Where DDL is
 * transactional (SQLite, PostgreSQL), a table that carries rows over is instead changed in place inside the swap's
 * transaction: only the rows it does not carry are deleted and written, where copying the carried ones to a staging
 * table and indexing them again cost as much as publishing them all. Expects a migrated store, and one publish of a
 * table at a time (the runner serialises tasks that share an output).
 */
export async function publishTables(store: ReportsStore, outputs: readonly TableOutput[], marker?: MarkerInput): Promise<PublishResult> {
  const { capabilities } = store;
  if (!capabilities.transactionalDdl && !capabilities.atomicMultiTableRename) {
    throw new StoreError('STORE_WRITE', `${store.url} can swap tables neither in a transaction nor by an atomic rename`);
  }
  const db = store.db as unknown as Kysely<any>;
  const all = stageOutputs(outputs, capabilities.indexNameScope);
  const inPlace = capabilities.transactionalDdl ? all.filter((table) => table.carry) : [];
  const staged = all.filter((table) => !inPlace.includes(table));
  // Where index names are schema-wide and cannot be renamed (SQLite), the final indexes are built inside the swap.
  const indexesBeforeSwap = capabilities.indexNameScope === 'table' || capabilities.renamesIndexes;
  try {
    await dropLeftovers(db, all);
    const rowsOf = new Map<StagedTable, number>();
    for (const table of staged) {
      await createResultTable(db, store.ddl, table.spec, table.staging);
      const carried = table.carry ? await carryRows(db, table, table.carry) : 0;
      rowsOf.set(table, carried + (await loadRows(db, store, table, table.staging.table)));
      if (indexesBeforeSwap) await createIndexes(db, table.staging);
    }
    const tables = () => all.map((table) => ({ table: table.spec.name as ResultTableName, rows: rowsOf.get(table)! }));
    const markerRow = (rows: number) => marker && { ...marker, rows: marker.rows ?? rows };
    if (capabilities.transactionalDdl) {
      await store.db.transaction().execute(async (trx) => {
        for (const table of inPlace) rowsOf.set(table, await replaceUncarriedRows(trx as unknown as Kysely<any>, store, table));
        await swapInTransaction(store, trx, staged, markerRow(totalRows(tables())), indexesBeforeSwap);
      });
    } else {
      await swapByRename(store, staged, markerRow(totalRows(tables())));
    }
    return { tables: tables(), rows: totalRows(tables()) };
  } catch (error) {
    await dropLeftovers(db, all).catch(() => {});
    throw error;
  }
}

function totalRows(tables: readonly { rows: number }[]): number {
  return tables.reduce((sum, table) => sum + table.rows, 0);
}

/**
 * In the publishing transaction: deletes the published rows the table does not carry over and writes the new ones in
 * their place; returns the rows the table then holds.
 */
async function replaceUncarriedRows(trx: Kysely<any>, store: ReportsStore, table: StagedTable): Promise<number> {
  const { column, from, until } = table.carry!;
  await trx
    .deleteFrom(table.final.table)
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<', from), eb(column, '>=', until)]))
    .execute();
  const [kept] = await trx.selectFrom(table.final.table).select((eb) => eb.fn.countAll().as('rows')).execute();
  return Number(kept!.rows) + (await loadRows(trx, store, table, table.final.table));
}

function stageOutputs(outputs: readonly TableOutput[], indexNameScope: 'table' | 'schema'): StagedTable[] {
  const seen = new Set<string>();
  return outputs.map((output) => {
    if (!isResultTable(output.table)) throw new StoreError('STORE_VALUE', `"${output.table as string}" is not a result table`);
    if (seen.has(output.table)) throw new StoreError('STORE_VALUE', `${output.table} is published twice in one publish`);
    seen.add(output.table);
    const spec = tableSpec(output.table);
    if (output.carry && !spec.columns.some((column) => column.name === output.carry!.column)) {
      throw new StoreError('STORE_VALUE', `${spec.name} has no column ${output.carry.column} to carry rows over by`);
    }
    return { spec, final: finalNames(spec), staging: stagingNames(spec, indexNameScope), source: output.rows, carry: output.carry };
  });
}

/** Copies the published rows the new contents keep into the staging table, inside the database; returns how many. */
async function carryRows(db: Kysely<any>, table: StagedTable, carry: CarriedRows): Promise<number> {
  const columns = [...table.spec.columns.map((column) => column.name), 'created'];
  const kept = db
    .selectFrom(table.final.table)
    .select(columns)
    .where(carry.column, '>=', carry.from)
    .where(carry.column, '<', carry.until);
  const result = await db.insertInto(table.staging.table).columns(columns).expression(kept).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Writes the table's new rows into `target` (its staging table, or the published one when changed in place). */
async function loadRows(db: Kysely<any>, store: ReportsStore, table: StagedTable, target: string): Promise<number> {
  const { spec } = table;
  let written = 0;
  const statements = new Map<number, string>();
  for await (const batch of rowBatches(table.source, rowsPerInsert(spec.columns.length, store.capabilities.maxBindParameters))) {
    const unknown = written === 0 ? unknownColumns(spec, batch[0]!) : [];
    if (unknown.length > 0) throw new StoreError('STORE_VALUE', `${spec.name} has no column ${unknown.join(', ')}`);
    const values = batch.map((row, i) => storeValues(spec, row as Record<string, unknown>, written + i + 1));
    try {
      await db.executeQuery(insertStatement(db, target, spec, values, statements));
    } catch (error) {
      throw new StoreError(
        'STORE_WRITE',
        `cannot write rows ${written + 1}-${written + batch.length} of ${spec.name} to ${store.url}: ${describeCause(error)}`,
        { cause: error },
      );
    }
    written += batch.length;
    // better-sqlite3 answers synchronously, so awaiting it turns no event loop: yield one, or a large table would hold
    // up everything else the process is doing (another task's engine work) until it is written.
    await new Promise(setImmediate);
  }
  return written;
}

/**
 * The INSERT of `values` (each row's values in column order, as storeValues gives them). Building it is most of the
 * client's work for a large table, and its text depends only on the number of rows, so the text is built once per
 * batch size and then only bound to each batch's values.
 */
function insertStatement(
  db: Kysely<any>,
  table: string,
  spec: TableSpec,
  values: readonly Record<string, unknown>[],
  statements: Map<number, string>,
): CompiledQuery {
  const known = statements.get(values.length);
  if (known !== undefined) {
    const parameters: unknown[] = [];
    for (const row of values) for (const column of spec.columns) parameters.push(row[column.name]);
    return CompiledQuery.raw(known, parameters);
  }
  const compiled = db.insertInto(table).values(values).compile();
  // Every value a bound parameter (never inlined), in row and column order: the text serves any batch of this size.
  if (compiled.parameters.length === values.length * spec.columns.length) statements.set(values.length, compiled.sql);
  return compiled;
}

/** SQLite, PostgreSQL: drop, rename and the marker commit together; until then readers see the previous tables. */
async function swapInTransaction(
  store: ReportsStore,
  trx: Kysely<ResultStore>,
  staged: readonly StagedTable[],
  marker: (MarkerInput & { rows: number }) | undefined,
  indexesBeforeSwap: boolean,
): Promise<void> {
  const db = trx as unknown as Kysely<any>;
  for (const { final, staging } of staged) {
    await db.schema.dropTable(final.table).ifExists().execute();
    await db.schema.alterTable(staging.table).renameTo(final.table).execute();
    for (const statement of store.ddl.renameDependents(staging, final)) await statement.execute(db);
    if (!indexesBeforeSwap) await createIndexes(db, final);
  }
  if (marker) await writeMarker(trx, marker);
}

/** MySQL/MariaDB: one RENAME TABLE swaps every table atomically; the previous tables are dropped afterwards. */
async function swapByRename(
  store: ReportsStore,
  staged: readonly StagedTable[],
  marker: (MarkerInput & { rows: number }) | undefined,
): Promise<void> {
  const db = store.db as unknown as Kysely<any>;
  if (staged.length > 0) {
    const renames = staged.flatMap(({ final, staging }) => [
      sql`${sql.table(final.table)} to ${sql.table(retiredTableName(final.table))}`,
      sql`${sql.table(staging.table)} to ${sql.table(final.table)}`,
    ]);
    await sql`rename table ${sql.join(renames)}`.execute(db);
  }
  // MySQL DDL commits implicitly, so the rename cannot share a transaction with the marker: the marker is written
  // right after it. A crash in between leaves the new tables with the previous marker, and the task runs again.
  if (marker) await store.db.transaction().execute((trx) => writeMarker(trx, marker));
  for (const { final } of staged) await db.schema.dropTable(retiredTableName(final.table)).ifExists().execute();
}

/** Drops staging and retired copies an earlier, interrupted publish of these tables left behind. */
async function dropLeftovers(db: Kysely<any>, staged: readonly StagedTable[]): Promise<void> {
  for (const { spec } of staged) {
    for (const name of leftoverTableNames(spec)) await db.schema.dropTable(name).ifExists().execute();
  }
}

import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { LmsDatabaseError, lmsDatabaseFailure } from './lms-database-error.js';
import type { LmsDatabase } from './lms-database.js';
import { LMS_DATETIME_COLUMNS, LMS_FLAG_COLUMNS, type LmsColumn, type LmsTableName, type LmsTables } from './lms-schema.js';
import { normaliseLmsDatetime, normaliseLmsFlag } from './lms-values.js';

/** A row of `table` holding the selected columns. */
export type LmsRow<T extends LmsTableName, C extends LmsColumn<T>> = Pick<LmsTables[T], C>;

/** How readLmsRows pages and filters. */
export interface ReadLmsRowsOptions<T extends LmsTableName> {
  /** Rows per query and per yielded batch (default 10 000). */
  readonly batchSize?: number;
  /** A filter applied to every page, e.g. `(eb) => eb('course_id', '=', courseId)`. */
  readonly where?: (eb: ExpressionBuilder<LmsTables, T>) => Expression<SqlBool>;
  /** The unique column to page by (default `id`, the primary key of every table Lantern reads). */
  readonly key?: LmsColumn<T>;
}

type AnyTables = Record<string, Record<string, unknown>>;

/**
 * Reads a table in batches, paging by its key (`where key > last order by key limit N`), so a replica with millions
 * of rows is never held at once. Datetimes come as UTC text, booleans as 0/1, NULL as null.
 */
export async function* readLmsRows<T extends LmsTableName, C extends LmsColumn<T>>(
  lms: LmsDatabase,
  table: T,
  columns: readonly C[],
  options: ReadLmsRowsOptions<T> = {},
): AsyncGenerator<LmsRow<T, C>[]> {
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const key: string = options.key ?? 'id';
  const selection = [...new Set<string>([key, ...columns])];
  const normalise = rowNormaliser(table, columns, (row) => `the row with ${key} ${String(row[key])}`);
  // Generic table and column names defeat Kysely's inference; the public signature carries the types instead.
  const db = lms.db as unknown as Kysely<AnyTables>;
  const where = options.where as ((eb: ExpressionBuilder<AnyTables, string>) => Expression<SqlBool>) | undefined;
  let last: unknown;
  for (;;) {
    let query = db.selectFrom(table as string).select(selection).orderBy(key).limit(batchSize);
    if (where) query = query.where(where);
    if (last !== undefined) query = query.where(key, '>', last);
    let rows: Record<string, unknown>[];
    try {
      rows = await query.execute();
    } catch (error) {
      throw lmsDatabaseFailure(lms.url, error, `reading ${table} from`);
    }
    if (rows.length === 0) return;
    last = rows[rows.length - 1]![key];
    yield rows.map(normalise) as LmsRow<T, C>[];
    if (rows.length < batchSize) return;
  }
}

/** How readLmsCounts groups and filters. */
export interface ReadLmsCountsOptions<T extends LmsTableName> {
  /** The column of each yielded row that holds how many rows have its values. */
  readonly countAs: string;
  /** Rows per yielded batch (default 10 000). */
  readonly batchSize?: number;
  /** Only rows matching this are counted. */
  readonly where?: (eb: ExpressionBuilder<LmsTables, T>) => Expression<SqlBool>;
}

/**
 * Reads how many rows of a table have each combination of values of `columns`, counted by the LMS database: for
 * reports that only count rows, a few thousand groups cross the network instead of every row. One query, streamed
 * in the order of its groups; values normalised as by readLmsRows, the count a number.
 */
export async function* readLmsCounts<T extends LmsTableName, C extends LmsColumn<T>>(
  lms: LmsDatabase,
  table: T,
  columns: readonly C[],
  options: ReadLmsCountsOptions<T>,
): AsyncGenerator<(LmsRow<T, C> & Record<string, number>)[]> {
  const batchSize = options.batchSize ?? 10_000;
  const normalise = rowNormaliser(table, columns, (row) => `the rows counted with ${JSON.stringify(columns.map((column) => row[column] ?? null))}`);
  const db = lms.db as unknown as Kysely<AnyTables>;
  const where = options.where as ((eb: ExpressionBuilder<AnyTables, string>) => Expression<SqlBool>) | undefined;
  let query = db
    .selectFrom(table as string)
    .select([...columns, (eb) => eb.fn.countAll().as(options.countAs)])
    .groupBy([...columns]);
  if (where) query = query.where(where);
  for (const column of columns) query = query.orderBy(column);
  let batch: Record<string, unknown>[] = [];
  try {
    for await (const row of query.stream(batchSize)) {
      batch.push({ ...normalise(row), [options.countAs]: Number(row[options.countAs]) });
      if (batch.length === batchSize) {
        yield batch as (LmsRow<T, C> & Record<string, number>)[];
        batch = [];
      }
    }
  } catch (error) {
    throw lmsDatabaseFailure(lms.url, error, `counting ${table} in`);
  }
  if (batch.length > 0) yield batch as (LmsRow<T, C> & Record<string, number>)[];
}

/** Normalises the values of `columns`; `rowName` names a row whose value cannot be read, for the message. */
function rowNormaliser(
  table: LmsTableName,
  columns: readonly string[],
  rowName: (row: Record<string, unknown>) => string,
): (row: Record<string, unknown>) => Record<string, unknown> {
  const datetimes = new Set<string>(LMS_DATETIME_COLUMNS[table]);
  const flags = new Set<string>(LMS_FLAG_COLUMNS[table]);
  return (row) => {
    const result: Record<string, unknown> = {};
    for (const column of columns) {
      const value = row[column];
      try {
        result[column] = datetimes.has(column) ? normaliseLmsDatetime(value) : flags.has(column) ? normaliseLmsFlag(value) : (value ?? null);
      } catch (error) {
        throw new LmsDatabaseError('invalid-value', `${table}.${column} of ${rowName(row)}: ${(error as Error).message}`, { cause: error });
      }
    }
    return result;
  };
}

import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { ImportColumn, Row } from '../engine.js';

type Append = (appender: DuckDBAppender, value: unknown) => void;

const APPENDERS: Record<ImportColumn['type'], Append> = {
  varchar: (appender, value) => appender.appendVarchar(String(value)),
  bigint: (appender, value) => appender.appendBigInt(BigInt(value as number | bigint | string)),
  double: (appender, value) => appender.appendDouble(Number(value)),
};

/** Appends the rows to an existing table of `catalog` through DuckDB's appender (no SQL per row); returns how many. */
export async function appendRows(
  connection: DuckDBConnection,
  catalog: string,
  table: string,
  columns: readonly ImportColumn[],
  batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
): Promise<number> {
  const appender = await connection.createAppender(table, 'main', catalog);
  const writers = columns.map((column) => ({ name: column.name, append: APPENDERS[column.type] }));
  let rows = 0;
  try {
    for await (const batch of batches) {
      for (const row of batch) {
        for (const writer of writers) {
          const value = row[writer.name];
          if (value === null || value === undefined) appender.appendNull();
          else writer.append(appender, value);
        }
        appender.endRow();
      }
      rows += batch.length;
      appender.flushSync();
      // A source read synchronously (better-sqlite3) resolves only microtasks: without a turn of the event loop here,
      // other sessions' statements could not complete until the whole import had.
      await new Promise(setImmediate);
    }
  } finally {
    appender.closeSync();
  }
  return rows;
}

import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportColumn, Row } from '../engine.js';
import { quotedIdentifier, quotedString } from '../sql-file.js';

const DUCKDB_TYPES: Record<ImportColumn['type'], string> = { varchar: 'VARCHAR', bigint: 'BIGINT', double: 'DOUBLE' };

/** Whether a value can go into JSON as it is for a column of this type (the usual case: no conversion needed). */
const FITS: Record<ImportColumn['type'], (value: unknown) => boolean> = {
  varchar: (value) => typeof value === 'string',
  bigint: (value) => Number.isSafeInteger(value),
  double: (value) => typeof value === 'number' && Number.isFinite(value),
};

/** Any other value, as the column's type reads it: text, a whole number (a RangeError or SyntaxError if not one), or a number. */
const CONVERT: Record<ImportColumn['type'], (value: unknown) => unknown> = {
  varchar: (value) => String(value),
  // As text: JSON numbers would lose the digits of integers beyond 2^53.
  bigint: (value) => BigInt(value as number | bigint | string).toString(),
  // NaN and the infinities have no JSON number; DuckDB reads their names as doubles.
  double: (value) => {
    const number = Number(value);
    return Number.isFinite(number) ? number : String(number);
  },
};

/**
 * Appends the rows to an existing table of `catalog`; returns how many. Each batch goes to DuckDB as one JSON text
 * that it parses itself: a native call per value (DuckDB's appender) cost several times more, on the thread that
 * also runs everything else.
 */
export async function appendRows(
  connection: DuckDBConnection,
  catalog: string,
  table: string,
  columns: readonly ImportColumn[],
  batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
): Promise<number> {
  const shape = `[{${columns.map((column) => `${JSON.stringify(column.name)}: ${JSON.stringify(DUCKDB_TYPES[column.type])}`).join(', ')}}]`;
  const names = columns.map((column) => quotedIdentifier(column.name)).join(', ');
  const insert =
    `insert into ${quotedIdentifier(catalog)}.main.${quotedIdentifier(table)} (${names}) ` +
    `select ${names} from (select unnest(from_json($rows::json, ${quotedString(shape)}), recursive := true))`;
  let rows = 0;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    await connection.run(insert, { rows: JSON.stringify(batch.map((row) => jsonReady(row, columns))) });
    rows += batch.length;
  }
  return rows;
}

/**
 * The row itself when it holds just the columns and every value fits its column; else a copy of the columns with the
 * values converted (nulls stay null).
 */
function jsonReady(row: Row, columns: readonly ImportColumn[]): Row {
  let ready = Object.keys(row).length === columns.length;
  for (let i = 0; ready && i < columns.length; i++) {
    const value = row[columns[i]!.name];
    if (value !== null && value !== undefined && !FITS[columns[i]!.type](value)) ready = false;
  }
  if (ready) return row;
  const converted: Row = {};
  for (const column of columns) {
    const value = row[column.name];
    converted[column.name] = value === null || value === undefined ? null : CONVERT[column.type](value);
  }
  return converted;
}

import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const CONFORMANCE_EXPECTED = path.resolve(import.meta.dirname, '../../../shared/conformance/expected');

export interface ExpectedTable {
  readonly columns: string[];
  /** Each row as text, NULL as null, sorted: compare with `asComparableRows` of the actual rows. */
  readonly rows: (string | null)[][];
}

/** The expected rows of a conformance CSV (an empty cell is NULL); `placeholders` fills `<TODAY_UTC>` and the like. */
export function expectedRows(file: string, placeholders: Record<string, string> = {}): ExpectedTable {
  const records = parse(readFileSync(path.join(CONFORMANCE_EXPECTED, file), 'utf8')) as string[][];
  const [columns, ...rows] = records;
  return {
    columns: columns!,
    rows: sortRows(rows.map((row) => row.map((cell) => (cell === '' ? null : (placeholders[cell] ?? cell))))),
  };
}

/** Actual rows as the expected ones: the given columns in order, values as text, NULL as null, sorted. */
export function asComparableRows(rows: readonly Record<string, unknown>[], columns: readonly string[]): (string | null)[][] {
  return sortRows(rows.map((row) => columns.map((column) => (row[column] === null || row[column] === undefined ? null : String(row[column])))));
}

function sortRows(rows: (string | null)[][]): (string | null)[][] {
  return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

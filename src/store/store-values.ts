import { StoreError } from './store-error.js';
import type { ColumnSpec, TableSpec } from './tables.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A moment as the store's datetime columns hold it: `YYYY-MM-DD HH:MM:SS`, UTC. */
export function storeDateTime(moment: Date): string {
  return moment.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A row's values as the store writes them, in column order: missing values become NULL, booleans 1 or 0 (SQLite
 * binds no booleans), and dates must already be strings in the one format every dialect stores alike.
 */
export function storeValues(spec: TableSpec, row: Readonly<Record<string, unknown>>, rowNumber: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of spec.columns) values[column.name] = storeValue(spec, column, row[column.name], rowNumber);
  return values;
}

/** Names the keys of `row` that are not columns of the table (a misspelt column would otherwise be NULL). */
export function unknownColumns(spec: TableSpec, row: object): string[] {
  const known = new Set(spec.columns.map((column) => column.name));
  return Object.keys(row).filter((key) => !known.has(key));
}

function storeValue(spec: TableSpec, column: ColumnSpec, value: unknown, rowNumber: number): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (column.type === 'date' && !(typeof value === 'string' && DATE.test(value))) {
    throw badValue(spec, column, value, rowNumber, "a 'YYYY-MM-DD' date");
  }
  if (column.type === 'datetime' && !(typeof value === 'string' && DATETIME.test(value))) {
    throw badValue(spec, column, value, rowNumber, "a 'YYYY-MM-DD HH:MM:SS' UTC date-time");
  }
  return value;
}

function badValue(spec: TableSpec, column: ColumnSpec, value: unknown, rowNumber: number, expected: string): StoreError {
  const shown = value instanceof Date ? `Date(${value.toISOString()})` : JSON.stringify(value);
  return new StoreError('STORE_VALUE', `${spec.name}.${column.name} in row ${rowNumber}: ${shown} is not ${expected}`);
}

import { createHash } from 'node:crypto';
import type { TableSpec } from './tables.js';

/** The names a result table's schema objects take in the database. */
export interface PhysicalNames {
  readonly table: string;
  /** The primary key constraint (PostgreSQL names it; the others ignore it). */
  readonly primaryKey: string;
  /** The sequence behind `id` (PostgreSQL only). */
  readonly idSequence: string;
  readonly indexes: readonly { readonly name: string; readonly columns: readonly string[] }[];
}

/** PostgreSQL cuts identifiers at 63 bytes (MySQL refuses more than 64), so every name stays within it. */
export const MAX_IDENTIFIER_LENGTH = 63;
const STAGING = '__staging';
const RETIRED = '__old';

/** The names the table has when published. */
export function finalNames(spec: TableSpec): PhysicalNames {
  return {
    table: spec.name,
    primaryKey: `${spec.name}_pkey`,
    idSequence: `${spec.name}_id_seq`,
    indexes: spec.indexes.map((columns) => ({ name: indexName(spec.name, columns), columns })),
  };
}

/**
 * The names of the table while it is being written. Index names that are schema-global get the staging suffix too,
 * so a staged table never clashes with the published one.
 */
export function stagingNames(spec: TableSpec, indexNameScope: 'table' | 'schema'): PhysicalNames {
  const table = `${spec.name}${STAGING}`;
  return {
    table,
    primaryKey: `${table}_pkey`,
    idSequence: `${table}_id_seq`,
    indexes: finalNames(spec).indexes.map(({ name, columns }) => ({
      name: indexNameScope === 'schema' ? `${name}${STAGING}` : name,
      columns,
    })),
  };
}

/** The name a published table takes while a rename-swap replaces it (MySQL). */
export function retiredTableName(table: string): string {
  return `${table}${RETIRED}`;
}

/** Every name a leftover of an interrupted publish of this table may have. */
export function leftoverTableNames(spec: TableSpec): string[] {
  return [`${spec.name}${STAGING}`, retiredTableName(spec.name)];
}

/** Whether a table name is a staging or retired copy rather than a published table. */
export function isLeftoverTableName(name: string): boolean {
  return name.endsWith(STAGING) || name.endsWith(RETIRED);
}

/** `<table>_<columns>`, shortened with a hash when it would not leave room for the staging suffix. */
export function indexName(table: string, columns: readonly string[]): string {
  const name = `${table}_${columns.join('_')}`;
  const room = MAX_IDENTIFIER_LENGTH - STAGING.length;
  if (name.length <= room) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, room - hash.length - 1)}_${hash}`;
}

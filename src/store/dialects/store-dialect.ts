import type { Dialect, RawBuilder } from 'kysely';
import type { DatabaseUrl } from '../../config/database-url.js';
import type { ColumnSpec } from '../tables.js';
import type { PhysicalNames } from '../physical-names.js';

/** What the store code needs to know about a database; differences are stated here, never tested by name. */
export interface StoreCapabilities {
  /** CREATE, DROP and ALTER run inside a transaction and roll back with it (SQLite, PostgreSQL; not MySQL). */
  readonly transactionalDdl: boolean;
  /** One statement renames several tables atomically (MySQL's `RENAME TABLE a TO b, c TO d`). */
  readonly atomicMultiTableRename: boolean;
  /** Where index names must be unique: within their table (MySQL) or across the schema (SQLite, PostgreSQL). */
  readonly indexNameScope: 'table' | 'schema';
  /** An index can be renamed (PostgreSQL `ALTER INDEX`, MySQL `ALTER TABLE … RENAME INDEX`); SQLite cannot. */
  readonly renamesIndexes: boolean;
  /** The most bound parameters one statement may carry. */
  readonly maxBindParameters: number;
}

/** How a dialect spells the DDL of a result table. */
export interface StoreDdl {
  /** The SQL type of a column, e.g. `varchar(255)`, `timestamp(0)`. */
  columnType(column: Pick<ColumnSpec, 'type'> & { readonly length?: number }): string;
  /** The type and constraints of the `id` column: bigint, auto-increment, primary key (named after `names`). */
  idColumn(names: PhysicalNames): RawBuilder<unknown>;
  /** The type and default of the `created` column: the UTC time the row was written. */
  createdColumn(): RawBuilder<unknown>;
  /**
   * After a staged table took its final name, the statements that give its other schema-global objects (primary
   * key, sequence, indexes) their final names; empty when those names are per table.
   */
  renameDependents(staged: PhysicalNames, final: PhysicalNames): RawBuilder<unknown>[];
}

/** One database kind: builds its Kysely dialect and states its capabilities. */
export interface StoreDialect {
  readonly capabilities: StoreCapabilities;
  readonly ddl: StoreDdl;
  /** Builds the Kysely dialect; servers are contacted only when the first query runs. */
  createKyselyDialect(url: DatabaseUrl): Dialect;
}

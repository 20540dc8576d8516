import Database from 'better-sqlite3';
import { SqliteDialect, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ColumnType } from '../tables.js';
import type { StoreDialect } from './store-dialect.js';

const TYPES: Record<ColumnType, string> = {
  varchar: 'varchar',
  int: 'integer',
  bigint: 'bigint',
  date: 'date',
  datetime: 'datetime',
  float: 'real',
  double: 'double',
  boolean: 'boolean',
  text: 'text',
};

/** SQLite through better-sqlite3: one file, WAL so readers never wait for the writer. */
export const sqliteStoreDialect: StoreDialect = {
  capabilities: {
    // Kysely's SqliteAdapter reports false (its migrator does not need it), but SQLite rolls DDL back like any
    // other statement, and a WAL reader keeps its snapshot until the swap commits.
    transactionalDdl: true,
    atomicMultiTableRename: false,
    indexNameScope: 'schema',
    renamesIndexes: false,
    // SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32 (better-sqlite3 12 bundles 3.4x).
    maxBindParameters: 32_766,
  },
  ddl: {
    columnType: (column) => (column.type === 'varchar' ? `varchar(${column.length})` : TYPES[column.type]),
    // Only `integer primary key` aliases the rowid; AUTOINCREMENT keeps ids from being reused, as MySQL's do.
    idColumn: () => sql`integer primary key autoincrement`,
    // CURRENT_TIMESTAMP is UTC 'YYYY-MM-DD HH:MM:SS' in SQLite.
    createdColumn: () => sql`datetime not null default current_timestamp`,
    renameDependents: () => [],
  },
  createKyselyDialect(url) {
    const file = url.path!;
    return new SqliteDialect({
      database: async () => {
        if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        const database = new Database(file);
        database.pragma('busy_timeout = 10000');
        database.pragma('journal_mode = WAL');
        // With WAL, NORMAL loses no committed transaction on a crash of the process, only on power loss.
        database.pragma('synchronous = NORMAL');
        return database;
      },
    });
  },
};

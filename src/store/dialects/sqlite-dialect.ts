import Database from 'better-sqlite3';
import { SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
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
        return reusingInsertStatements(database);
      },
    });
  },
};

/** Enough for the batch sizes of the tables one publish writes (each table has a full batch and a last one). */
const REUSED_INSERTS = 32;

/**
 * The database as Kysely's driver sees it, with INSERT statements prepared once per text: a publish sends batch
 * after batch of the same text, and preparing a statement of thousands of rows cost as much as running it (258,000
 * rows: 2.6 s, 1.5 s reused). Only INSERTs are reused: they run to completion at once, where a SELECT being iterated
 * would still be busy.
 */
function reusingInsertStatements(database: Database.Database): SqliteDatabase {
  const inserts = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(text: string): SqliteStatement {
      if (!/^\s*insert\b/i.test(text)) return database.prepare(text);
      let statement = inserts.get(text);
      if (statement === undefined) {
        statement = database.prepare(text);
        if (inserts.size === REUSED_INSERTS) inserts.delete(inserts.keys().next().value!);
        inserts.set(text, statement);
      }
      return statement;
    },
  };
}

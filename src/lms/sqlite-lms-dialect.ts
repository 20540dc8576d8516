import Database from 'better-sqlite3';
import { SqliteDialect, type Dialect } from 'kysely';

/** A read-only Kysely dialect over an existing SQLite file (a demo LMS, or LMS dumps loaded for tests). */
export function createSqliteLmsDialect(file: string): Dialect {
  return new SqliteDialect({ database: new Database(file, { readonly: true, fileMustExist: true }) });
}

import { access } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, sql, type Dialect } from 'kysely';
import { maskUrl, parseDatabaseUrl, type DatabaseUrl } from '../config/database-url.js';
import { LmsDatabaseError, lmsDatabaseFailure } from './lms-database-error.js';
import type { LmsTables } from './lms-schema.js';
import { createMysqlLmsDialect } from './mysql-lms-dialect.js';
import { createSqliteLmsDialect } from './sqlite-lms-dialect.js';

/** The databases an LMS read replica can be: MySQL/MariaDB as edx-platform runs, SQLite for demos and tests. */
export type LmsBackend = 'sqlite' | 'mysql';

/** An open LMS read replica. */
export interface LmsDatabase {
  readonly backend: LmsBackend;
  /** The URL with its password masked, for messages. */
  readonly url: string;
  /** Typed queries over the edx-platform tables; values come as the driver gives them (see readLmsRows). */
  readonly db: Kysely<LmsTables>;
  /** Resolves when the database answers `select 1`; rejects with an LmsDatabaseError naming the masked URL. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** How to open the LMS database. */
export interface OpenLmsOptions {
  /** MySQL: how long to wait for the server to accept a connection (default 10 s). */
  readonly connectTimeoutMs?: number;
}

/** Opens `sqlite:PATH` (read-only; the file must exist) or `mysql://user:password@host:port/database`. */
export async function openLmsDatabase(url: string, options: OpenLmsOptions = {}): Promise<LmsDatabase> {
  const target = parseLmsUrl(url);
  const masked = maskUrl(url);
  let dialect: Dialect;
  try {
    dialect = await createDialect(target, masked, options);
  } catch (error) {
    throw lmsDatabaseFailure(masked, error, 'opening');
  }
  const db = new Kysely<LmsTables>({ dialect });
  return {
    backend: target.kind === 'sqlite' ? 'sqlite' : 'mysql',
    url: masked,
    db,
    async check() {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        throw lmsDatabaseFailure(masked, error, 'checking');
      }
    },
    close: () => db.destroy(),
  };
}

async function createDialect(target: DatabaseUrl, masked: string, options: OpenLmsOptions): Promise<Dialect> {
  if (target.kind === 'sqlite') {
    const file = path.resolve(target.path!);
    try {
      await access(file);
    } catch (error) {
      throw new LmsDatabaseError('missing-file', `the LMS database file ${file} does not exist (${masked})`, { cause: error });
    }
    return createSqliteLmsDialect(file);
  }
  if (target.kind === 'mysql') return createMysqlLmsDialect(target.url, { connectTimeoutMs: options.connectTimeoutMs ?? 10_000 });
  throw new LmsDatabaseError(
    'unsupported-backend',
    `${masked}: PostgreSQL is not an LMS backend; the LMS read replica is MySQL/MariaDB (mysql://user:password@host:port/database), or SQLite for demos (sqlite:PATH)`,
  );
}

function parseLmsUrl(url: string): DatabaseUrl {
  try {
    return parseDatabaseUrl(url);
  } catch (error) {
    throw new LmsDatabaseError('invalid-url', `LMS database: ${(error as Error).message}`, { cause: error });
  }
}

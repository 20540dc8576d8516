import { CompiledQuery, MysqlDialect, type Dialect } from 'kysely';
import type { PoolOptions } from 'mysql2';

/** Connection settings that do not come from the URL. */
export interface MysqlLmsOptions {
  /** How long to wait for the server to accept a connection. */
  readonly connectTimeoutMs: number;
}

/** A Kysely dialect over a MySQL/MariaDB LMS read replica, with values that do not depend on this machine's zone. */
export function createMysqlLmsDialect(url: string, options: MysqlLmsOptions): Dialect {
  const parsed = new URL(url);
  const config: PoolOptions = {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)),
    connectTimeout: options.connectTimeoutMs,
    connectionLimit: 4,
    // Datetimes as the server's text, never through a JS Date in the local zone; decimals as numbers, as SQLite has them.
    dateStrings: true,
    timezone: 'Z',
    decimalNumbers: true,
  };
  return new MysqlDialect({
    // mysql2 is loaded on the first connection, so that runs without a MySQL LMS do not pay for it.
    pool: async () => (await import('mysql2')).createPool(config),
    // TIMESTAMP columns are shown in the session zone; a replica is only read.
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
      await connection.executeQuery(CompiledQuery.raw('set session transaction read only'));
    },
  });
}

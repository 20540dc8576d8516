import { CompiledQuery, MysqlDialect, sql } from 'kysely';
import type { ColumnType } from '../tables.js';
import type { StoreDialect } from './store-dialect.js';

const TYPES: Record<ColumnType, string> = {
  varchar: 'varchar',
  int: 'int',
  bigint: 'bigint',
  date: 'date',
  datetime: 'datetime',
  float: 'float',
  double: 'double',
  boolean: 'boolean',
  text: 'text',
};

/** MySQL and MariaDB through a mysql2 pool, the legacy result store's own database. */
export const mysqlStoreDialect: StoreDialect = {
  capabilities: {
    // Every DDL statement commits the open transaction implicitly.
    transactionalDdl: false,
    atomicMultiTableRename: true,
    indexNameScope: 'table',
    renamesIndexes: true,
    // The prepared-statement limit; Kysely's driver interpolates on the client, where max_allowed_packet is the
    // real bound, and publish caps the rows per statement anyway.
    maxBindParameters: 65_535,
  },
  ddl: {
    // Binary collation: ids compare exactly, as in SQLite and PostgreSQL (the server default, *_general_ci, would let
    // `course-v1:EDX+…` match `course-v1:edX+…`, past the data API's course scopes).
    columnType: (column) => (column.type === 'varchar' ? `varchar(${column.length}) character set utf8mb4 collate utf8mb4_bin` : TYPES[column.type]),
    idColumn: () => sql`bigint not null auto_increment primary key`,
    // TIMESTAMP is stored in UTC and shown in the session's time zone, which every connection sets to UTC.
    createdColumn: () => sql`timestamp not null default current_timestamp`,
    renameDependents: () => [],
  },
  createKyselyDialect(url) {
    return new MysqlDialect({
      pool: async () => {
        // mysql2 is loaded on the first connection, so that runs without MySQL do not pay for it.
        const { createPool } = await import('mysql2');
        return createPool({
          uri: url.url,
          // DATE as 'YYYY-MM-DD' and DATETIME as 'YYYY-MM-DD HH:MM:SS', never a Date in the machine's time zone.
          dateStrings: true,
          timezone: 'Z',
          decimalNumbers: true,
          supportBigNumbers: true,
          connectionLimit: 10,
        });
      },
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
        // A value that does not fit its column is an error, not a silently clipped number, whatever the server's mode.
        await connection.executeQuery(
          CompiledQuery.raw("set sql_mode = concat_ws(',', nullif(@@session.sql_mode, ''), 'STRICT_ALL_TABLES')"),
        );
      },
    });
  },
};

import type { DatabaseKind } from '../../config/database-url.js';
import { mysqlStoreDialect } from './mysql-dialect.js';
import { postgresStoreDialect } from './postgres-dialect.js';
import { sqliteStoreDialect } from './sqlite-dialect.js';
import type { StoreDialect } from './store-dialect.js';

/** The one place that knows the concrete dialects. */
export const STORE_DIALECTS: Record<DatabaseKind, StoreDialect> = {
  sqlite: sqliteStoreDialect,
  mysql: mysqlStoreDialect,
  postgres: postgresStoreDialect,
};

import { Kysely, sql } from 'kysely';
import { maskUrl, parseDatabaseUrl } from '../config/database-url.js';
import { STORE_DIALECTS } from './dialects/store-dialects.js';
import { migrateToLatest } from './migrate.js';
import type { ReportsStore } from './reports-store.js';
import type { ResultStore } from './schema.js';
import { describeCause, StoreError } from './store-error.js';

export interface OpenStoreOptions {
  /** Apply pending migrations before returning (fails with STORE_MIGRATE if one fails). */
  readonly migrate?: boolean;
}

/**
 * Opens the reports store at `url` (`sqlite:PATH`, `mysql://…`, `postgres://…`) and checks that it answers.
 * A malformed URL throws DatabaseUrlError before any connection; an unreachable database throws STORE_CONNECT.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<ReportsStore> {
  const parsed = parseDatabaseUrl(url);
  const dialect = STORE_DIALECTS[parsed.kind];
  const masked = maskUrl(url);
  const db = new Kysely<ResultStore>({ dialect: dialect.createKyselyDialect(parsed) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new StoreError('STORE_CONNECT', `cannot open the reports store ${masked}: ${describeCause(error)}`, { cause: error });
  }
  const store: ReportsStore = {
    db,
    url: masked,
    capabilities: dialect.capabilities,
    ddl: dialect.ddl,
    close: () => db.destroy(),
  };
  if (options.migrate) {
    const report = await migrateToLatest(store);
    if (report.error) {
      await store.close();
      const failed = report.migrations.find((migration) => migration.status === 'Error')?.name;
      throw new StoreError(
        'STORE_MIGRATE',
        `cannot migrate the reports store ${masked}${failed ? ` (${failed})` : ''}: ${describeCause(report.error)}`,
        { cause: report.error },
      );
    }
  }
  return store;
}

import { Migrator } from 'kysely';
import { MIGRATIONS, StaticMigrationProvider } from './migrations/migrations.js';
import type { ReportsStore } from './reports-store.js';

/** Kysely's statuses, plus `AlreadyApplied` for migrations an earlier run applied. */
export type MigrationStatus = 'Success' | 'Error' | 'NotExecuted' | 'AlreadyApplied';

export interface MigrationOutcome {
  readonly name: string;
  readonly status: MigrationStatus;
}

export interface MigrationReport {
  /** Every known migration, in order. */
  readonly migrations: readonly MigrationOutcome[];
  /** Why the run stopped, when it did. */
  readonly error?: Error;
}

/** Applies every pending migration; never throws: failures are in the report. */
export async function migrateToLatest(store: ReportsStore): Promise<MigrationReport> {
  const names = Object.keys(MIGRATIONS);
  const migrator = new Migrator({ db: store.db, provider: new StaticMigrationProvider(store.ddl) });
  let applied: Set<string>;
  try {
    applied = new Set((await migrator.getMigrations()).filter((info) => info.executedAt).map((info) => info.name));
  } catch (error) {
    return { migrations: names.map((name) => ({ name, status: 'NotExecuted' })), error: asError(error) };
  }
  const { error, results = [] } = await migrator.migrateToLatest();
  const ran = new Map(results.map((result) => [result.migrationName, result.status]));
  return {
    migrations: names.map((name) => ({ name, status: applied.has(name) ? 'AlreadyApplied' : (ran.get(name) ?? 'NotExecuted') })),
    ...(error === undefined ? {} : { error: asError(error) }),
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

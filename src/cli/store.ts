import { InvalidArgumentError, type Command } from 'commander';
import { maskUrl, parseDatabaseUrl } from '../config/database-url.js';
import { migrateToLatest, type MigrationReport, type MigrationStatus } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import type { ReportsStore } from '../store/reports-store.js';
import { countTables, type TableCount } from '../store/table-counts.js';
import { EXIT } from './exit-codes.js';
import { count } from './format.js';

interface StoreFlags {
  readonly store: string;
}

const STORE_HELP = 'the reports store: sqlite:PATH, mysql://user:password@host:port/db or postgres://… (default: $LANTERN_STORE)';

export function registerStore(program: Command): void {
  const store = program.command('store').description('the reports store (the edX result-store tables)');
  store
    .command('migrate')
    .description('create or upgrade the result-store tables; prints each migration and exits 1 if one failed')
    .requiredOption('--store <url>', STORE_HELP, storeUrlOption, process.env.LANTERN_STORE)
    .action(async (flags: StoreFlags) => {
      const report = await withStore(flags.store, migrateToLatest);
      console.log(describeMigrations(flags.store, report));
      if (report.error) {
        console.error(`lantern: ${report.error.message}`);
        process.exitCode = EXIT.failed;
      }
    });
  store
    .command('tables')
    .description('list the result-store tables with their row counts')
    .requiredOption('--store <url>', STORE_HELP, storeUrlOption, process.env.LANTERN_STORE)
    .action(async (flags: StoreFlags) => {
      console.log(describeTables(flags.store, await withStore(flags.store, countTables)));
    });
}

/** A malformed URL is a usage error, found before any connection. */
function storeUrlOption(value: string): string {
  try {
    parseDatabaseUrl(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return value;
}

async function withStore<T>(url: string, work: (store: ReportsStore) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const STATUS_TEXT: Record<MigrationStatus, string> = {
  Success: 'applied',
  AlreadyApplied: 'already applied',
  Error: 'FAILED',
  NotExecuted: 'not run',
};

export function describeMigrations(url: string, report: MigrationReport): string {
  const width = Math.max(...report.migrations.map((migration) => migration.name.length));
  return [
    `Migrations of ${maskUrl(url)}:`,
    ...report.migrations.map((migration) => `  ${migration.name.padEnd(width)}  ${STATUS_TEXT[migration.status]}`),
  ].join('\n');
}

export function describeTables(url: string, tables: readonly TableCount[]): string {
  const width = Math.max(...tables.map((table) => table.table.length));
  const lines = tables.map(({ table, rows, leftover }) => {
    const shown = rows === undefined ? 'missing (run lantern store migrate)' : `${count(rows).padStart(12)} rows`;
    return `  ${table.padEnd(width)}  ${shown}${leftover ? '  (left by an interrupted publish)' : ''}`;
  });
  return [`Tables of ${maskUrl(url)}:`, ...lines].join('\n');
}

import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreDdl } from '../dialects/store-dialect.js';
import * as resultStore from './0001-result-store.js';
import * as learningReports from './0002-learning-reports.js';
import * as reportFiles from './0003-report-files.js';
import * as apiKeys from './0004-api-keys.js';
import * as carriedDays from './0005-carried-days.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely's Migration contract. */

/** A migration module: Kysely's up/down, told how the dialect spells DDL. */
export interface StoreMigration {
  up(db: Kysely<any>, ddl: StoreDdl): Promise<void>;
  down?(db: Kysely<any>, ddl: StoreDdl): Promise<void>;
}

/** Every migration, by name, in order. Imported rather than read from a folder, so dist/ works the same. */
export const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '0001-result-store': resultStore,
  '0002-learning-reports': learningReports,
  '0003-report-files': reportFiles,
  '0004-api-keys': apiKeys,
  '0005-carried-days': carriedDays,
};

/** Kysely's provider over MIGRATIONS, with the dialect's DDL spelling bound in. */
export class StaticMigrationProvider implements MigrationProvider {
  readonly #ddl: StoreDdl;

  constructor(ddl: StoreDdl) {
    this.#ddl = ddl;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const bound: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      const { up, down } = migration;
      bound[name] = {
        up: (db) => up(db, this.#ddl),
        ...(down ? { down: (db: Kysely<any>) => down(db, this.#ddl) } : {}),
      };
    }
    return bound;
  }
}

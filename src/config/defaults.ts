/** Settings every command shares, before config files exist: flags override them, then `LANTERN_*` variables. */
export const DEFAULT_DATA_DIR = './lantern-data';

export function defaultDataDir(): string {
  return process.env.LANTERN_DATA_DIR ?? DEFAULT_DATA_DIR;
}

/**
 * DuckDB's memory limit: above it, work spills to the data directory instead of growing the process, so memory
 * stays flat as the data grows (measured: the same ingest speed at 512MB as at 4GB).
 */
export const DEFAULT_ENGINE_MEMORY_LIMIT = '512MB';

export function defaultEngineMemoryLimit(): string {
  return process.env.LANTERN_ENGINE_MEMORY_LIMIT ?? DEFAULT_ENGINE_MEMORY_LIMIT;
}

/** Tracking-log files are named for a day but hold some events of the days around it (legacy `expand_interval`). */
export const DEFAULT_EXPAND_INTERVAL_DAYS = 2;

/** The engine on one machine; `clickhouse` is the scale-out engine still to come. */
export const DEFAULT_ENGINE = 'duckdb';

/** Database names used when a store or LMS is given as a credentials file (the legacy devstack names). */
export const DEFAULT_STORE_DATABASE_NAME = 'reports';
export const DEFAULT_LMS_DATABASE_NAME = 'edxapp';

/** The reports store when none is configured: a SQLite file in the data directory. */
export function defaultStoreUrl(dataDir: string): string {
  return `sqlite:${dataDir.replace(/\/+$/, '')}/reports.sqlite`;
}

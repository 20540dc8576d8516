import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultEngineMemoryLimit } from '../../config/defaults.js';
import { EngineError } from '../engine-error.js';
import type { Engine, IngestOptions, ParseResult, Row, SpooledFile, SqlValue } from '../engine.js';
import { sqlFile } from '../sql-file.js';
import { DuckDBEventsTable } from './duckdb-events-table.js';

export interface DuckDBEngineOptions {
  /** The data directory; the database file is `engine.duckdb` inside it. `:memory:` keeps nothing. */
  readonly dataDir: string;
  readonly threads?: number;
  /** DuckDB's memory limit, e.g. '2GB' (default: LANTERN_ENGINE_MEMORY_LIMIT or 512MB). */
  readonly memoryLimit?: string;
}

/** DuckDB in-process: the engine for one machine. */
export class DuckDBEngine implements Engine {
  readonly name = 'duckdb';
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #events: DuckDBEventsTable;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    this.#instance = instance;
    this.#connection = connection;
    this.#events = new DuckDBEventsTable(this);
  }

  static async create(options: DuckDBEngineOptions): Promise<DuckDBEngine> {
    const inMemory = options.dataDir === ':memory:';
    if (!inMemory) await mkdir(options.dataDir, { recursive: true });
    const file = inMemory ? ':memory:' : path.join(options.dataDir, 'engine.duckdb');
    const settings: Record<string, string> = {};
    if (options.threads) settings.threads = String(options.threads);
    settings.memory_limit = options.memoryLimit ?? defaultEngineMemoryLimit();
    if (!inMemory) settings.temp_directory = path.join(options.dataDir, 'tmp', 'duckdb');
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, settings);
    } catch (error) {
      throw new EngineError('ENGINE_OPEN', `cannot open the DuckDB database ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const engine = new DuckDBEngine(instance, await instance.connect());
    // Results must not depend on the machine's time zone.
    await engine.run("set TimeZone = 'UTC'");
    await engine.run(sqlFile(import.meta.url, 'macros.sql'));
    await engine.run(sqlFile(import.meta.url, 'events_table.sql'));
    return engine;
  }

  async run(sql: string, params?: Record<string, SqlValue>): Promise<void> {
    try {
      await this.#connection.run(sql, params as Record<string, never>);
    } catch (error) {
      throw toEngineError(error, sql);
    }
  }

  async query<T = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]> {
    try {
      const reader = await this.#connection.runAndReadAll(sql, params as Record<string, never>);
      return reader.getRowObjectsJS() as T[];
    } catch (error) {
      throw toEngineError(error, sql);
    }
  }

  ingestEvents(files: readonly SpooledFile[], options: IngestOptions): Promise<ParseResult> {
    return this.#events.ingest(files, options);
  }

  async close(): Promise<void> {
    this.#connection.closeSync();
    this.#instance.closeSync();
  }
}

function toEngineError(error: unknown, sql: string): EngineError {
  const message = (error as Error).message ?? String(error);
  const statement = sql.trim().split('\n').find((line) => !line.startsWith('--')) ?? '';
  return new EngineError('ENGINE_QUERY', `DuckDB: ${message} (in: ${statement.slice(0, 80)})`, { cause: error });
}

import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultEngineMemoryLimit } from '../../config/defaults.js';
import { EngineError } from '../engine-error.js';
import type { DateInterval } from '../../events/interval.js';
import type { DayFingerprint, Engine, HeldFile, ImportColumn, IngestOptions, ParseResult, Row, SpooledFile, SqlValue } from '../engine.js';
import { appendRows } from './duckdb-import.js';
import { quotedIdentifier, sqlFile } from '../sql-file.js';
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
    await engine.#dropEventsOfOlderLayout();
    await engine.run(sqlFile(import.meta.url, 'events_table.sql'));
    return engine;
  }

  /**
   * Event tables of an earlier layout (before events were kept per file with their course's origin) are dropped: they are re-read from the
   * logs, which remain the source of truth.
   */
  async #dropEventsOfOlderLayout(): Promise<void> {
    const [layout] = await this.query<{ tables: bigint; marked: bigint }>(`
      select count(distinct table_name) filter (where table_name = 'event_rows') as tables,
        count(*) filter (where table_name = 'event_rows' and column_name = 'course_from_context') as marked
      from information_schema.columns where table_schema = 'main'`);
    if (layout && Number(layout.tables) > 0 && Number(layout.marked) === 0) {
      await this.run('drop view if exists events; drop table if exists event_rows; drop table if exists event_days');
    }
  }

  async run(sql: string, params?: Record<string, SqlValue>): Promise<void> {
    try {
      await this.#connection.run(sql, boundIn(sql, params));
    } catch (error) {
      throw toEngineError(error, sql);
    }
  }

  async query<T = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]> {
    try {
      const reader = await this.#connection.runAndReadAll(sql, boundIn(sql, params));
      return reader.getRowObjectsJS() as T[];
    } catch (error) {
      throw toEngineError(error, sql);
    }
  }

  async materialize(name: string, select: string, params?: Record<string, SqlValue>): Promise<void> {
    await this.run(`create or replace temp table ${quotedIdentifier(name)} as ${select}`, params);
  }

  async importRows(
    name: string,
    columns: readonly ImportColumn[],
    batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
  ): Promise<number> {
    const definition = columns.map((column) => `${quotedIdentifier(column.name)} ${column.type}`).join(', ');
    await this.run(`create or replace temp table ${quotedIdentifier(name)} (${definition})`);
    try {
      return await appendRows(this.#connection, name, columns, batches);
    } catch (error) {
      throw new EngineError('ENGINE_IMPORT', `DuckDB: importing rows into ${name} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  eventDays(interval: DateInterval): Promise<DayFingerprint[]> {
    return this.#events.days(interval);
  }

  heldFiles(): Promise<HeldFile[]> {
    return this.#events.heldFiles();
  }

  ingestEvents(files: readonly SpooledFile[], options: IngestOptions): Promise<ParseResult> {
    return this.#events.ingest(files, options);
  }

  async close(): Promise<void> {
    this.#connection.closeSync();
    this.#instance.closeSync();
  }
}

/** The parameters the statement names (`$name`): DuckDB rejects values for parameters a statement lacks. */
function boundIn(sql: string, params?: Record<string, SqlValue>): Record<string, never> | undefined {
  if (!params) return undefined;
  const named = new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((match) => match[1]!));
  return Object.fromEntries(Object.entries(params).filter(([name]) => named.has(name))) as Record<string, never>;
}

function toEngineError(error: unknown, sql: string): EngineError {
  const message = (error as Error).message ?? String(error);
  const statement = sql.trim().split('\n').find((line) => !line.startsWith('--')) ?? '';
  return new EngineError('ENGINE_QUERY', `DuckDB: ${message} (in: ${statement.slice(0, 80)})`, { cause: error });
}

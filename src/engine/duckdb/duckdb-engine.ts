import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultEngineMemoryLimit } from '../../config/defaults.js';
import { EngineError } from '../engine-error.js';
import type { DateInterval } from '../../events/interval.js';
import type { DayFingerprint, Engine, HeldFile, ImportColumn, IngestOptions, ParseResult, Row, RowList, SpooledFile, SqlValue } from '../engine.js';
import { appendRows } from './duckdb-import.js';
import { jsonLinesFile } from './json-lines.js';
import { quotedIdentifier, quotedString, sqlFile } from '../sql-file.js';
import { DuckDBEventsTable } from './duckdb-events-table.js';

export interface DuckDBEngineOptions {
  /** The data directory; the database file is `engine.duckdb` inside it. `:memory:` keeps nothing. */
  readonly dataDir: string;
  readonly threads?: number;
  /** DuckDB's memory limit, e.g. '2GB' (default: LANTERN_ENGINE_MEMORY_LIMIT or 512MB). */
  readonly memoryLimit?: string;
}

/** The SQL that decides what the events table holds: a change to any of it re-reads the logs. */
const EVENT_SQL = ['macros.sql', 'parse_events.sql', 'events_table.sql', 'mark_duplicates.sql', 'mark_duplicates_held.sql'];

/** Scratch tables made on the engine itself live here, where its forks (other connections) see them too. */
const SHARED_SCRATCH = 'lantern_shared';

/** DuckDB in-process: the engine for one machine. */
export class DuckDBEngine implements Engine {
  readonly name = 'duckdb';
  eventsVersion = '';
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #events: DuckDBEventsTable;
  /** A fork's scratch tables are temporary tables of its connection; the engine's own are shared. */
  readonly #forked: boolean;
  readonly #common: Common;
  /** The event scope of this session (see scopeEvents), part of what a shared table is made of. */
  #scope = '';

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection, forked: boolean, common: Common) {
    this.#instance = instance;
    this.#connection = connection;
    this.#forked = forked;
    this.#common = common;
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
    try {
      const resultsDir = inMemory ? tmpdir() : path.join(options.dataDir, 'tmp');
      await mkdir(resultsDir, { recursive: true });
      // Left by a run that was killed while reading one; the engine's lock means no other run uses this directory.
      if (!inMemory) for (const name of await readdir(resultsDir)) if (/^result-.*\.jsonl$/.test(name)) await rm(path.join(resultsDir, name), { force: true });
      const connection = await instance.connect();
      const threads = Number((await connection.runAndReadAll(`select current_setting('threads')`)).getRows()[0]![0]);
      const engine = new DuckDBEngine(instance, connection, false, { resultsDir, resultFiles: new Set(), shared: new Map(), threads });
      await engine.run(`attach ':memory:' as ${SHARED_SCRATCH}`);
      await engine.#startSession();
      await engine.run(sqlFile(import.meta.url, 'macros.sql'));
      await engine.#prepareEventTables();
      return engine;
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async fork(): Promise<Engine> {
    const fork = new DuckDBEngine(this.#instance, await this.#instance.connect(), true, this.#common);
    fork.eventsVersion = this.eventsVersion;
    await fork.#startSession();
    await fork.scopeEvents(undefined);
    return fork;
  }

  /** What every connection needs: results must not depend on the machine's time zone; shared scratch tables. */
  async #startSession(): Promise<void> {
    await this.run("set TimeZone = 'UTC'");
    await this.run(`set search_path = 'main,${SHARED_SCRATCH}'`);
  }

  /**
   * Events parsed by another version of the parser (or of DuckDB, whose hash() finds duplicates) are dropped, to be
   * read again from the logs, which remain the source of truth.
   */
  async #prepareEventTables(): Promise<void> {
    const [duckdb] = await this.query<{ version: string }>('select version() as version');
    const version = createHash('sha1')
      .update(duckdb!.version)
      .update(EVENT_SQL.map((name) => sqlFile(import.meta.url, name)).join('\n'))
      .digest('hex')
      .slice(0, 16);
    let held: string | undefined;
    try {
      [held] = (await this.query<{ value: string }>(`select value from event_settings where name = 'parser_version'`)).map((row) => row.value);
    } catch {
      // no event tables yet, or tables of a layout that had no settings
    }
    if (held !== version) {
      await this.run('drop view if exists events');
      for (const table of ['event_rows', 'event_files', 'event_days', 'event_settings']) await this.run(`drop table if exists ${table}`);
    }
    await this.run(sqlFile(import.meta.url, 'events_table.sql'));
    await this.run(`insert or replace into event_settings values ('parser_version', $version)`, { version });
    this.eventsVersion = version;
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

  async queryJson<T = Row>(select: string, params?: Record<string, SqlValue>): Promise<RowList<T>> {
    // The engine writes the rows as JSON lines, read back as they are iterated: a native call per value, or even per
    // row, cost twice as much (272,000 rows: about 0.9 CPU-s against 1.7), and holding every row parsed cost more.
    const file = path.join(this.#common.resultsDir, `result-${randomUUID()}.jsonl`);
    const sql = `copy (\n${select}\n) to ${quotedString(file)} (format json)`;
    this.#common.resultFiles.add(file);
    try {
      const written = await this.#connection.runAndReadAll(sql, boundIn(sql, params));
      return jsonLinesFile<T>(file, Number(written.getRows()[0]?.[0]));
    } catch (error) {
      this.#common.resultFiles.delete(file);
      await rm(file, { force: true });
      throw toEngineError(error, sql);
    }
  }

  async materialize(name: string, select: string, params?: Record<string, SqlValue>): Promise<void> {
    await this.run(`create or replace ${this.#scratchTable(name)} as ${select}`, params);
  }

  share(name: string, select: string, params?: Record<string, SqlValue>): Promise<void> {
    const madeOf = JSON.stringify([select, params ?? {}, this.#scope]);
    const known = this.#common.shared.get(name);
    if (known?.madeOf === madeOf) return known.making;
    // One table per name: asked for another making, it is made again (after any making under way).
    const making = (known?.making ?? Promise.resolve())
      .catch(() => {})
      .then(() => this.run(`create or replace table ${SHARED_SCRATCH}.${quotedIdentifier(name)} as ${select}`, params));
    this.#common.shared.set(name, { madeOf, making });
    // A failure is not remembered: the next session to ask tries again.
    making.catch(() => {
      if (this.#common.shared.get(name)?.making === making) this.#common.shared.delete(name);
    });
    return making;
  }

  #scratchTable(name: string): string {
    return this.#forked ? `temp table ${quotedIdentifier(name)}` : `table ${SHARED_SCRATCH}.${quotedIdentifier(name)}`;
  }

  async importRows(
    name: string,
    columns: readonly ImportColumn[],
    batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>,
  ): Promise<number> {
    const definition = columns.map((column) => `${quotedIdentifier(column.name)} ${column.type}`).join(', ');
    await this.run(`create or replace ${this.#scratchTable(name)} (${definition})`);
    try {
      return await appendRows(this.#connection, this.#forked ? 'temp' : SHARED_SCRATCH, name, columns, batches);
    } catch (error) {
      throw new EngineError('ENGINE_IMPORT', `DuckDB: importing rows into ${name} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  async computeAtOnce(sessions: number): Promise<void> {
    // DuckDB's threads are one setting for the whole database: its background workers (threads - 1) plus the thread
    // running each session's query. Given T - S, S sessions keep T - 1 threads busy, which leaves one of T cores free.
    const threads = sessions < 2 ? this.#common.threads : Math.max(1, this.#common.threads - sessions);
    await this.run(`set threads = ${threads}`);
  }

  async scopeEvents(files: DateInterval | undefined): Promise<void> {
    this.#scope = files ? `${files.start}/${files.end}` : '';
    await this.run(`set variable events_files_from = ${files ? `date ${quotedString(files.start)}` : `date '0001-01-01'`}`);
    await this.run(`set variable events_files_until = ${files ? `date ${quotedString(files.end)} - 1` : `date '9999-12-31'`}`);
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
    if (this.#forked) return;
    try {
      this.#instance.closeSync();
    } finally {
      for (const file of this.#common.resultFiles) await rm(file, { force: true });
      this.#common.resultFiles.clear();
    }
  }
}

/** What the engine and its forks share. */
interface Common {
  /**
   * Where queryJson's result files go, and the files made. A result is read from its file each time its rows are
   * iterated (a task's rows are published after its session closed), so the files stay until the engine closes.
   */
  readonly resultsDir: string;
  readonly resultFiles: Set<string>;
  /** Per table `share` made: what it was made of, and its making. */
  readonly shared: Map<string, { readonly madeOf: string; readonly making: Promise<void> }>;
  /** The threads DuckDB was opened with. */
  readonly threads: number;
}

/** The parameters the statement names (`$name`): DuckDB rejects values for parameters a statement lacks. */
function boundIn(sql: string, params?: Record<string, SqlValue>): Record<string, never> | undefined {
  if (!params) return undefined;
  const named = new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((match) => match[1]!));
  return Object.fromEntries(Object.entries(params).filter(([name]) => named.has(name))) as Record<string, never>;
}

function toEngineError(error: unknown, sql: string): EngineError {
  const message = (error as Error).message ?? String(error);
  const file = /-- file: (\S+)/.exec(sql)?.[1];
  const statement = sql.trim().split('\n').find((line) => !line.startsWith('--')) ?? '';
  return new EngineError('ENGINE_QUERY', `DuckDB: ${message} (in ${file ?? statement.slice(0, 80)})`, { cause: error });
}

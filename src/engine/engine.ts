import type { DateInterval } from '../events/interval.js';

export type SqlValue = string | number | bigint | boolean | null;
export type Row = Record<string, unknown>;

/** Rows to iterate once or more, with their number; an array is one. */
export interface RowList<T> extends Iterable<T> {
  readonly length: number;
}

/** One tracking-log file on local disk, decompressed or as stored (named `.gz`), ready for the engine to parse. */
export interface SpooledFile {
  /** Index into the caller's file list; the engine reports per-file figures by it. */
  readonly index: number;
  readonly path: string;
  /**
   * For a gzip file the engine decompresses: its content length, as zlib read it. The engine fails the ingest with
   * ContentLengthMismatch when it reads another length.
   */
  readonly gzipContentBytes?: number;
}

/** A dropped line as it was read; `line` is its 1-based number in the file when the engine knows it. */
export interface LineSample {
  readonly text: string;
  readonly line?: number;
}

/** Per file: lines read, events kept, and lines dropped by reason, with a few sample lines per reason. */
export interface ParsedFileStats {
  readonly index: number;
  readonly lines: number;
  readonly events: number;
  /** Events whose own time falls outside the interval (read because of the expansion window). */
  readonly outsideInterval: number;
  readonly invalidCourseIds: number;
  readonly dropped: Record<string, number>;
  readonly samples: Record<string, LineSample[]>;
}

export interface ParseResult {
  readonly files: ParsedFileStats[];
  /** Events per UTC day, inside the interval, after de-duplication. */
  readonly eventsByDay: Record<string, number>;
}

export interface DayFingerprint {
  readonly date: string;
  /** What the day was computed from: the files' names, sizes and hashes. */
  readonly fingerprint: string;
  readonly events: number;
}

/** A tracking-log file whose events the engine holds, as it was when read. */
export interface HeldFile {
  readonly uri: string;
  /** The content hash it is known by (sha1 of the stored bytes, or an S3 ETag). */
  readonly contentId: string;
  /** The day in its name, null when it has none. */
  readonly nameDay: string | null;
}

/** What to do with parsed events: keep them (with the files they came from), or only count them (an audit). */
export interface KeepEvents {
  /** Per spooled file, by its index: what it is. */
  readonly files: readonly HeldFile[];
  /** Files whose events go first: changed since they were read, or no longer in the source (by uri). */
  readonly drop: readonly string[];
  /**
   * Called with the events per day of the files read; the days it returns are recorded as complete, with their
   * fingerprints, in the same transaction.
   */
  readonly days: (eventsByDay: Record<string, number>) => DayFingerprint[];
}

export interface IngestOptions {
  /** For the figures: events outside it are counted as such (they are kept for their own days). */
  readonly interval?: DateInterval;
  /** Absent: nothing is kept (an audit). */
  readonly keep?: KeepEvents;
  /** Called once the engine is parsing the files on its own threads (this thread is free until it is done). */
  readonly onParsing?: () => void;
}

/** The column types rows can be imported with; dates and times travel as ISO text and are cast in SQL. */
export type ImportColumnType = 'varchar' | 'bigint' | 'double';

export interface ImportColumn {
  readonly name: string;
  readonly type: ImportColumnType;
}

/**
 * The compute engine: where parsed events live and reports are computed. DuckDB in-process on one machine;
 * ClickHouse for scale-out. Only the engine factory imports a concrete engine.
 */
export interface Engine {
  readonly name: string;
  /** The version of the parsed events (parser and engine): part of every day's fingerprint. */
  readonly eventsVersion: string;
  run(sql: string, params?: Record<string, SqlValue>): Promise<void>;
  query<T = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]>;
  /**
   * The rows of one select, sent as JSON text (one document per row) and parsed as they are iterated: far cheaper
   * than `query` for large results. They can be iterated until the engine that made them (not only its fork) closes.
   * Columns must be text, booleans, JSON (arriving parsed), whole numbers within ±2^53 or finite doubles; other
   * types arrive as JSON shows them (times as text).
   */
  queryJson<T = Row>(select: string, params?: Record<string, SqlValue>): Promise<RowList<T>>;
  /**
   * Replaces the scratch table `name` (gone when the engine closes) with the rows of one select. Made on the engine
   * itself, a scratch table is seen by its forks too (the run's inputs); made on a fork, it is the fork's own.
   */
  materialize(name: string, select: string, params?: Record<string, SqlValue>): Promise<void>;
  /**
   * Materializes a scratch table several sessions read, once: the first session to ask makes it (with its event
   * scope), and the others wait for it and read it. Asked for with another select, parameters or scope, it is made
   * again, replacing it: sessions of one run should ask for one making per name. Every session sees it.
   */
  share(name: string, select: string, params?: Record<string, SqlValue>): Promise<void>;
  /** Replaces the scratch table `name` with the given rows (LMS tables, lookups computed outside the engine). */
  importRows(name: string, columns: readonly ImportColumn[], batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>): Promise<number>;
  /**
   * Another session on the same engine, to compute alongside this one: it sees the events and this engine's scratch
   * tables, and has its own scratch tables and event scope. Closing it leaves the engine open.
   */
  fork(): Promise<Engine>;
  /**
   * How many sessions will compute at once from now on; it applies to every session of the engine. With two or more,
   * this process's own thread is often busy meanwhile (one task publishing or writing files while another computes),
   * so the engine runs that many fewer threads than it was given, at least one, to leave it room; with one or none,
   * queries get all of them again.
   */
  computeAtOnce(sessions: number): Promise<void>;
  /**
   * From now on, the `events` view shows only the events of files named inside `files` (a report's interval widened
   * by the expansion window); undefined shows every file's.
   */
  scopeEvents(files: DateInterval | undefined): Promise<void>;
  /** The days of the interval the events table holds complete, with the fingerprints they were loaded from. */
  eventDays(interval: DateInterval): Promise<DayFingerprint[]>;
  /** The files whose events the events table holds. */
  heldFiles(): Promise<HeldFile[]>;
  /** Parses spooled files and counts every line; with `keep`, their events join (or replace) those held. */
  ingestEvents(files: readonly SpooledFile[], options: IngestOptions): Promise<ParseResult>;
  close(): Promise<void>;
}

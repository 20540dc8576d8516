import type { DateInterval } from '../events/interval.js';

export type SqlValue = string | number | bigint | boolean | null;
export type Row = Record<string, unknown>;

/** One decompressed tracking-log file on local disk, ready for the engine to parse. */
export interface SpooledFile {
  /** Index into the caller's file list; the engine reports per-file figures by it. */
  readonly index: number;
  readonly path: string;
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

export interface IngestOptions {
  /** Events outside it are counted, not kept (absent: every event is inside). */
  readonly interval?: DateInterval;
  /**
   * Given: called with the events per day once they are parsed; the days it returns replace what the engine held
   * for them, atomically, each recording its fingerprint. Absent: nothing is kept (an audit).
   */
  readonly publish?: (eventsByDay: Record<string, number>) => DayFingerprint[];
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
  run(sql: string, params?: Record<string, SqlValue>): Promise<void>;
  query<T = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]>;
  /** Replaces the scratch table `name` with the rows of one select (report intermediates). */
  materialize(name: string, select: string, params?: Record<string, SqlValue>): Promise<void>;
  /** Replaces the table `name` with the given rows (LMS tables, lookups computed outside the engine). */
  importRows(name: string, columns: readonly ImportColumn[], batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>): Promise<number>;
  /** The days of the interval the events table holds, with the fingerprints they were loaded from. */
  eventDays(interval: DateInterval): Promise<DayFingerprint[]>;
  /** Parses spooled files and counts every line; with `publish`, the events replace those of their days. */
  ingestEvents(files: readonly SpooledFile[], options: IngestOptions): Promise<ParseResult>;
  close(): Promise<void>;
}

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

/**
 * The compute engine: where parsed events live and reports are computed. DuckDB in-process on one machine;
 * ClickHouse for scale-out. Only the engine factory imports a concrete engine.
 */
export interface Engine {
  readonly name: string;
  run(sql: string, params?: Record<string, SqlValue>): Promise<void>;
  query<T = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]>;
  /** Parses spooled files into a staging area; `interval` bounds the events kept (absent: every event). */
  parseEvents(files: readonly SpooledFile[], interval?: DateInterval): Promise<ParseResult>;
  /** Replaces the days of `interval` in the events table with the staged events, atomically. */
  publishEvents(days: readonly DayFingerprint[]): Promise<void>;
  /** Forgets staged events. */
  discardStaged(): Promise<void>;
  close(): Promise<void>;
}

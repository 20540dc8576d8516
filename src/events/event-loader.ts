import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { compileFilePattern, type FilePattern } from './file-pattern.js';
import { addDays, containsDay, daysOf, expandInterval, type DateInterval } from './interval.js';
import type { LogSource } from './log-source.js';
import type { Progress } from './progress.js';
import { readEvents, type FileOutcome, type StoredFile } from './read-events.js';
import { selectFiles, type DatedLogFile } from './selection.js';

export const DEFAULT_EXPAND_DAYS = 2;

export interface LoadEventsOptions {
  readonly interval: DateInterval;
  readonly dataDir: string;
  readonly pattern?: FilePattern;
  /** Files named up to this many days outside the interval are read too: rotation puts events in neighbours. */
  readonly expandDays?: number;
  readonly progress?: Progress;
}

export interface LoadReport {
  readonly interval: DateInterval;
  readonly files: FileOutcome<DatedLogFile>[];
  readonly ignoredFiles: number;
  readonly days: { readonly date: string; readonly events: number }[];
  readonly totals: {
    readonly lines: number;
    readonly events: number;
    readonly outsideInterval: number;
    readonly invalidCourseIds: number;
    readonly dropped: Record<string, number>;
  };
}

/** Reads the interval's tracking logs into the engine's events table, replacing those days atomically. */
export async function loadEvents(source: LogSource, engine: Engine, options: LoadEventsOptions): Promise<LoadReport> {
  const selection = selectFiles(await source.list(), options.pattern ?? compileFilePattern(), options.interval, options.expandDays ?? DEFAULT_EXPAND_DAYS);
  return { ...(await loadSelectedEvents(source, engine, selection.files, options)), ignoredFiles: selection.ignored.length };
}

/** As loadEvents, for files already listed and selected (those named in the interval widened by the window). */
export async function loadSelectedEvents(
  source: LogSource,
  engine: Engine,
  files: readonly DatedLogFile[],
  options: LoadEventsOptions,
): Promise<LoadReport> {
  const expandDays = options.expandDays ?? DEFAULT_EXPAND_DAYS;
  const window = expandInterval(options.interval, expandDays);
  const result = await readEvents(source, engine, files.filter((file) => file.day === null || containsDay(window, file.day)), {
    interval: options.interval,
    scratchDir: path.join(options.dataDir, 'tmp'),
    progress: options.progress,
    publish: (files, eventsByDay) =>
      daysOf(options.interval).map((date) => ({
        date,
        events: eventsByDay[date] ?? 0,
        fingerprint: dayFingerprint(files, date, expandDays),
      })),
  });
  const days = daysOf(options.interval).map((date) => ({ date, events: result.eventsByDay[date] ?? 0 }));
  return {
    interval: options.interval,
    files: result.files,
    ignoredFiles: 0,
    days,
    totals: totalsOf(result.files),
  };
}

/** The content hash a file is known by: its S3 ETag when it has one (no download needed), else the sha1 read. */
export function contentIdOf(stored: StoredFile): string {
  return stored.file.versionIsContentHash && stored.file.version ? `etag:${stored.file.version}` : stored.storedSha1;
}

/** The files a day's events can come from (by name date, widened by the expansion window), as one hash. */
export function dayFingerprint(files: readonly StoredFile<DatedLogFile>[], date: string, expandDays: number): string {
  const window = { start: addDays(date, -expandDays), end: addDays(date, expandDays + 1) };
  const hash = createHash('sha1');
  for (const stored of files) {
    const day = stored.file.day;
    if (day !== null && (day < window.start || day >= window.end)) continue;
    hash.update(`${stored.file.relativePath}\0${stored.file.size}\0${contentIdOf(stored)}\n`);
  }
  return hash.digest('hex');
}

export function totalsOf(files: readonly FileOutcome[]): LoadReport['totals'] {
  const dropped: Record<string, number> = {};
  let lines = 0;
  let events = 0;
  let outsideInterval = 0;
  let invalidCourseIds = 0;
  for (const file of files) {
    lines += file.lines;
    events += file.events;
    outsideInterval += file.outsideInterval;
    invalidCourseIds += file.invalidCourseIds;
    for (const [reason, count] of Object.entries(file.dropped)) dropped[reason] = (dropped[reason] ?? 0) + count;
  }
  return { lines, events, outsideInterval, invalidCourseIds, dropped };
}

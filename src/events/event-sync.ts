import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { hashLogFiles } from './file-hashes.js';
import { compileFilePattern, type FilePattern } from './file-pattern.js';
import { addDays, containsDay, daysOf, expandInterval, type DateInterval } from './interval.js';
import type { LogSource } from './log-source.js';
import type { Progress } from './progress.js';
import { contentIdOf, type StoredFile } from './read-events.js';
import { selectFiles, type DatedLogFile } from './selection.js';

export const DEFAULT_EXPAND_DAYS = 2;

export interface SyncEventsOptions {
  readonly interval: DateInterval;
  readonly dataDir: string;
  readonly pattern?: FilePattern;
  /** Files named up to this many days outside the interval are read too: rotation puts events in neighbours. */
  readonly expandDays?: number;
  /** Re-read every file of the interval, even those read before and unchanged. */
  readonly overwrite?: boolean;
  readonly progress?: Progress;
}

export interface DayStatus {
  readonly date: string;
  /** The names, sizes and content hashes of the files that can hold the day's events. */
  readonly fingerprint: string;
  /** Why the day must be brought up to date; absent when the events table holds it from these very files. */
  readonly reason?: 'new' | 'changed' | 'overwrite';
}

/** What a sync will do: which days are stale, which files it reads and which files' events it drops. */
export interface SyncPlan {
  readonly interval: DateInterval;
  readonly days: DayStatus[];
  /** Tracking logs named inside the interval widened by the expansion window. */
  readonly files: number;
  /** Files below the source that are not tracking logs (the pattern does not match them). */
  readonly ignoredFiles: number;
  /** Files not read before, or changed since: the only ones read. */
  readonly toRead: DatedLogFile[];
  /** Files whose held events go: changed since read (they are read again) or vanished from the source. */
  readonly toDrop: string[];
  /** Files of the window whose events are held already. */
  readonly held: number;
}

/**
 * Compares the source with what the events table holds. A file is read once and all its events kept, so a run
 * reads only new and changed files: a new day of logs costs one day's files, whatever the history.
 */
export async function planEventSync(source: LogSource, engine: Engine, options: SyncEventsOptions): Promise<SyncPlan> {
  const expandDays = options.expandDays ?? DEFAULT_EXPAND_DAYS;
  const window = expandInterval(options.interval, expandDays);
  const selection = selectFiles(await source.list(), options.pattern ?? compileFilePattern(), options.interval, expandDays);
  const stored = await hashLogFiles(source, selection.files, path.join(options.dataDir, 'state', 'file-hashes.json'));
  const heldFiles = new Map((await engine.heldFiles()).map((held) => [held.uri, held]));
  const recorded = new Map((await engine.eventDays(options.interval)).map((day) => [day.date, day.fingerprint]));

  const listed = new Set(selection.files.map((file) => file.uri));
  const toRead = stored.filter((entry) => options.overwrite || heldFiles.get(entry.file.uri)?.contentId !== contentIdOf(entry)).map((entry) => entry.file);
  const toDrop = [
    ...toRead.filter((file) => heldFiles.has(file.uri)).map((file) => file.uri),
    ...[...heldFiles.values()].filter((held) => held.nameDay !== null && containsDay(window, held.nameDay) && !listed.has(held.uri)).map((held) => held.uri),
  ];
  const days = daysOf(options.interval).map((date): DayStatus => {
    const fingerprint = dayFingerprint(stored, date, expandDays);
    const previous = recorded.get(date);
    if (options.overwrite) return { date, fingerprint, reason: 'overwrite' };
    if (previous === undefined) return { date, fingerprint, reason: 'new' };
    return previous === fingerprint ? { date, fingerprint } : { date, fingerprint, reason: 'changed' };
  });
  return {
    interval: options.interval,
    days,
    files: selection.files.length,
    ignoredFiles: selection.ignored.length,
    toRead,
    toDrop,
    held: selection.files.length - toRead.length,
  };
}

/** The files a day's events can come from (by name date, widened by the window), as one hash. */
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

/** Whether a file named `fileDay` can hold events of `date` (inside the day's expansion window). */
export function inWindowOf(date: string, fileDay: string | null, expandDays: number): boolean {
  return fileDay === null || (fileDay >= addDays(date, -expandDays) && fileDay < addDays(date, expandDays + 1));
}

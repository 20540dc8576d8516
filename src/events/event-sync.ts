import { createHash } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_EXPAND_INTERVAL_DAYS } from '../config/defaults.js';
import type { Engine } from '../engine/engine.js';
import { FileHashes } from './file-hashes.js';
import { compileFilePattern, type FilePattern } from './file-pattern.js';
import { addDays, containsDay, daysOf, expandInterval, type DateInterval } from './interval.js';
import type { LogSource } from './log-source.js';
import type { Progress } from './progress.js';
import { contentIdOf, type StoredFile } from './read-events.js';
import { selectFiles, type DatedLogFile } from './selection.js';

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
  /** The hashes known without reading; the sync adds those of the files it reads. */
  readonly hashes: FileHashes;
  /** Every tracking log of the window, as listed. */
  readonly listed: DatedLogFile[];
  /** The engine's version of parsed events, part of the days' fingerprints. */
  readonly eventsVersion: string;
  readonly expandDays: number;
}

/**
 * Compares the source with what the events table holds. A file is read once and all its events kept, so a run
 * reads only new and changed files: a new day of logs costs one day's files, whatever the history. Nothing is read
 * to plan: files are known by their listing and the hashes remembered from earlier reads.
 */
export async function planEventSync(source: LogSource, engine: Engine, options: SyncEventsOptions): Promise<SyncPlan> {
  const expandDays = options.expandDays ?? DEFAULT_EXPAND_INTERVAL_DAYS;
  const window = expandInterval(options.interval, expandDays);
  const selection = selectFiles(await source.list(), options.pattern ?? compileFilePattern(), options.interval, expandDays);
  const hashes = await FileHashes.open(hashCacheOf(options.dataDir));
  const heldFiles = new Map((await engine.heldFiles()).map((held) => [held.uri, held]));
  const recorded = new Map((await engine.eventDays(options.interval)).map((day) => [day.date, day.fingerprint]));

  const listed = new Set(selection.files.map((file) => file.uri));
  const toRead = selection.files.filter((file) => {
    const known = hashes.known(file);
    return options.overwrite || known === undefined || heldFiles.get(file.uri)?.contentId !== known;
  });
  // A held file the source no longer lists is gone: within the window, or named with no day (a single-file source).
  const vanished = [...heldFiles.values()].filter((held) => !listed.has(held.uri) && (held.nameDay === null || containsDay(window, held.nameDay)));
  const toDrop = [...toRead.filter((file) => heldFiles.has(file.uri)).map((file) => file.uri), ...vanished.map((held) => held.uri)];
  const unsettled = [...toRead.map((file) => file.day), ...vanished.map((held) => held.nameDay)];
  const knownFiles = selection.files.map((file) => ({ file, storedSha1: hashes.known(file) ?? 'unknown' }));
  const days = daysOf(options.interval).map((date): DayStatus => {
    const fingerprint = dayFingerprint(knownFiles, date, expandDays, engine.eventsVersion);
    const previous = recorded.get(date);
    if (options.overwrite) return { date, fingerprint, reason: 'overwrite' };
    if (previous === undefined) return { date, fingerprint, reason: 'new' };
    const settled = !unsettled.some((day) => inWindowOf(date, day ?? null, expandDays));
    return settled && previous === fingerprint ? { date, fingerprint } : { date, fingerprint, reason: 'changed' };
  });
  return {
    interval: options.interval,
    days,
    files: selection.files.length,
    ignoredFiles: selection.ignored.length,
    toRead,
    toDrop,
    held: selection.files.length - toRead.length,
    hashes,
    listed: selection.files,
    eventsVersion: engine.eventsVersion,
    expandDays,
  };
}

export function hashCacheOf(dataDir: string): string {
  return path.join(dataDir, 'state', 'file-hashes.json');
}

/**
 * What a day's events are made from, as one hash: the files that can hold them (by name day, widened by the window:
 * names, sizes, content hashes), the window itself, and the version of the parser that reads them.
 */
export function dayFingerprint(files: readonly StoredFile<DatedLogFile>[], date: string, expandDays: number, eventsVersion: string): string {
  const hash = createHash('sha1').update(`${eventsVersion}\0${expandDays}\n`);
  for (const stored of files) {
    if (!inWindowOf(date, stored.file.day, expandDays)) continue;
    hash.update(`${stored.file.relativePath}\0${stored.file.size}\0${contentIdOf(stored)}\n`);
  }
  return hash.digest('hex');
}

/** Whether a file named `fileDay` can hold events of `date` (inside the day's expansion window). */
export function inWindowOf(date: string, fileDay: string | null, expandDays: number): boolean {
  return fileDay === null || (fileDay >= addDays(date, -expandDays) && fileDay < addDays(date, expandDays + 1));
}

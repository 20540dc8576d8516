import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { DEFAULT_EXPAND_INTERVAL_DAYS } from '../config/defaults.js';
import { dayFingerprint, inWindowOf, planEventSync, type DayStatus, type SyncEventsOptions, type SyncPlan } from './event-sync.js';
import type { DateInterval } from './interval.js';
import type { LogFile, LogSource } from './log-source.js';
import { readEvents, type FileOutcome, type StoredFile } from './read-events.js';
import type { DatedLogFile } from './selection.js';
import type { UnreadableLog } from './spool.js';

export interface LoadEventsOptions extends SyncEventsOptions {
  /** Stored bytes read per batch (default DEFAULT_BATCH_BYTES). */
  readonly batchBytes?: number;
}

/** About a gigabyte of decompressed tracking logs per batch. */
export const DEFAULT_BATCH_BYTES = 128 * 1024 * 1024;

export interface LoadReport {
  readonly interval: DateInterval;
  /** The files read this time (new or changed); files read before and unchanged are only counted in `heldFiles`. */
  readonly files: FileOutcome<DatedLogFile>[];
  readonly unreadable: UnreadableLog<DatedLogFile>[];
  readonly heldFiles: number;
  /** Files whose events were dropped: changed (and read again) or vanished from the source. */
  readonly droppedFiles: string[];
  readonly ignoredFiles: number;
  /** Each day of the interval with the events the table now holds, and why it was brought up to date. */
  readonly days: (DayStatus & { readonly events: number })[];
  readonly totals: {
    readonly lines: number;
    readonly events: number;
    readonly outsideInterval: number;
    readonly invalidCourseIds: number;
    readonly dropped: Record<string, number>;
  };
}

/**
 * Brings the events table up to date for the interval: reads the files not read before or changed since (all
 * their events are kept, each for its own day), drops the events of changed and vanished files, and records each
 * day whose files were all read, in one transaction. Nothing to do when the source did not change.
 */
export async function loadEvents(source: LogSource, engine: Engine, options: LoadEventsOptions, plan?: SyncPlan): Promise<LoadReport> {
  const expandDays = options.expandDays ?? DEFAULT_EXPAND_INTERVAL_DAYS;
  const sync = plan ?? (await planEventSync(source, engine, options));
  const stale = sync.days.some((day) => day.reason) || sync.toRead.length > 0 || sync.toDrop.length > 0;
  let fingerprints = new Map(sync.days.map((day) => [day.date, day.fingerprint]));
  const read: FileOutcome<DatedLogFile>[] = [];
  const unreadable: UnreadableLog<DatedLogFile>[] = [];
  let eventsByDay: Record<string, number> | undefined;
  // In batches, each its own transaction, so the scratch space holds one batch decompressed, not the whole history;
  // the days are recorded complete with the last batch (an interrupted run leaves them to the next, which reads only
  // the files still missing).
  const batches = stale ? batchesOf(sync.toRead, options.batchBytes ?? DEFAULT_BATCH_BYTES) : [];
  for (const [number, batch] of batches.entries()) {
    const last = number === batches.length - 1;
    const result = await readEvents(source, engine, batch, {
      interval: options.interval,
      scratchDir: path.join(options.dataDir, 'tmp'),
      progress: options.progress,
      keep: {
        drop: number === 0 ? sync.toDrop : [],
        days: (justRead, justUnreadable, heldByDay) => {
          if (!last) return [];
          fingerprints = finalFingerprints(sync, [...read, ...justRead], expandDays);
          const missing = [...unreadable.map((entry) => entry.file), ...justUnreadable];
          // A day whose window holds a file that could not be read stays incomplete: the next run tries again.
          return sync.days
            .filter((day) => !missing.some((file) => inWindowOf(day.date, file.day, expandDays)))
            .map((day) => ({ date: day.date, fingerprint: fingerprints.get(day.date)!, events: heldByDay[day.date] ?? 0 }));
        },
      },
    });
    await sync.hashes.remember(result.files);
    read.push(...result.files);
    unreadable.push(...result.unreadable);
    eventsByDay = result.eventsByDay;
  }
  const result = eventsByDay ? { files: read, unreadable, eventsByDay } : undefined;
  const held = result ? undefined : await engine.eventDays(options.interval);
  const eventsOf = (date: string) => result?.eventsByDay[date] ?? held?.find((day) => day.date === date)?.events ?? 0;
  const files = result?.files ?? [];
  return {
    interval: options.interval,
    files,
    unreadable: result?.unreadable ?? [],
    heldFiles: sync.held,
    droppedFiles: sync.toDrop,
    ignoredFiles: sync.ignoredFiles,
    days: sync.days.map((day) => ({ ...day, fingerprint: fingerprints.get(day.date)!, events: eventsOf(day.date) })),
    totals: totalsOf(files),
  };
}

/** Consecutive files (in name order) up to `bytes` stored bytes each; always at least one batch, maybe empty. */
function batchesOf<F extends LogFile>(files: readonly F[], bytes: number): F[][] {
  const batches: F[][] = [[]];
  let size = 0;
  for (const file of files) {
    if (size > 0 && size + file.size > bytes) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(file);
    size += file.size;
  }
  return batches;
}

/** The days' fingerprints once the files were read: the hashes of the files read, and the known ones of the rest. */
function finalFingerprints(sync: SyncPlan, read: readonly StoredFile<DatedLogFile>[], expandDays: number): Map<string, string> {
  const readHashes = new Map(read.map((stored) => [stored.file.uri, stored.storedSha1]));
  const files = sync.listed.map((file) => ({ file, storedSha1: readHashes.get(file.uri) ?? sync.hashes.known(file) ?? 'unread' }));
  return new Map(sync.days.map((day) => [day.date, dayFingerprint(files, day.date, expandDays, sync.eventsVersion)]));
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

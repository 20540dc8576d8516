import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { DEFAULT_EXPAND_DAYS, dayFingerprint, loadSelectedEvents, type LoadEventsOptions, type LoadReport } from './event-loader.js';
import { hashLogFiles } from './file-hashes.js';
import { compileFilePattern } from './file-pattern.js';
import { addDays, daysOf, type DateInterval } from './interval.js';
import type { LogSource } from './log-source.js';
import { selectFiles } from './selection.js';

export interface SyncEventsOptions extends LoadEventsOptions {
  /** Re-read every day of the interval, even those whose files did not change. */
  readonly overwrite?: boolean;
}

export interface DayStatus {
  readonly date: string;
  readonly fingerprint: string;
  /** Why the day is (re)read; absent when the events table already holds it from the same files. */
  readonly reason?: 'new' | 'changed' | 'overwrite';
}

export interface SyncPlan {
  readonly interval: DateInterval;
  readonly days: DayStatus[];
  readonly files: number;
  readonly ignoredFiles: number;
}

export interface SyncReport extends SyncPlan {
  /** One load per run of consecutive stale days. */
  readonly loads: LoadReport[];
}

/**
 * Which days of the interval must be (re)read: those the events table does not hold yet, or holds from other files
 * (a day's fingerprint covers the names, sizes and content hashes of the files its events can come from).
 */
export async function planEventSync(source: LogSource, engine: Engine, options: SyncEventsOptions) {
  const expandDays = options.expandDays ?? DEFAULT_EXPAND_DAYS;
  const selection = selectFiles(await source.list(), options.pattern ?? compileFilePattern(), options.interval, expandDays);
  const stored = await hashLogFiles(source, selection.files, path.join(options.dataDir, 'state', 'file-hashes.json'));
  const held = new Map((await engine.eventDays(options.interval)).map((day) => [day.date, day.fingerprint]));
  const days: DayStatus[] = daysOf(options.interval).map((date) => {
    const fingerprint = dayFingerprint(stored, date, expandDays);
    const previous = held.get(date);
    if (options.overwrite) return { date, fingerprint, reason: 'overwrite' };
    if (previous === undefined) return { date, fingerprint, reason: 'new' };
    return previous === fingerprint ? { date, fingerprint } : { date, fingerprint, reason: 'changed' };
  });
  const plan: SyncPlan = { interval: options.interval, days, files: selection.files.length, ignoredFiles: selection.ignored.length };
  return { plan, files: selection.files };
}

/** Brings the events table up to date for the interval, reading only the days whose files are new or changed. */
export async function syncEvents(source: LogSource, engine: Engine, options: SyncEventsOptions): Promise<SyncReport> {
  const { plan, files } = await planEventSync(source, engine, options);
  const loads: LoadReport[] = [];
  for (const interval of staleRuns(plan.days)) {
    loads.push(await loadSelectedEvents(source, engine, files, { ...options, interval }));
  }
  return { ...plan, loads };
}

/** Consecutive stale days as half-open intervals. */
export function staleRuns(days: readonly DayStatus[]): DateInterval[] {
  const runs: DateInterval[] = [];
  for (const day of days) {
    if (!day.reason) continue;
    const last = runs.at(-1);
    if (last && last.end === day.date) runs[runs.length - 1] = { start: last.start, end: addDays(day.date, 1) };
    else runs.push({ start: day.date, end: addDays(day.date, 1) });
  }
  return runs;
}

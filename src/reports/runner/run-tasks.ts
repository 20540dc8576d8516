import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import pMap from 'p-map';
import type { Engine } from '../../engine/engine.js';
import { loadEvents, totalsOf, type LoadReport } from '../../events/event-loader.js';
import { PARSING_PHASE } from '../../events/read-events.js';
import { inWindowOf, planEventSync, type SyncEventsOptions, type SyncPlan } from '../../events/event-sync.js';
import { containsDay, expandInterval, type DateInterval } from '../../events/interval.js';
import type { S3Options } from '../../config/s3-client.js';
import type { LogSource } from '../../events/log-source.js';
import { silentProgress, type Progress } from '../../events/progress.js';
import type { CountryLookup } from '../location/country-lookup.js';
import { courseStructure, loadStructure } from '../structure/load-structure.js';
import type { StructureDocuments } from '../structure/structure-files.js';
import { createCalendar } from './calendar.js';
import { taskFingerprint, taskShape, type TaskInputsSeen } from './fingerprint.js';
import type { CarriedDays } from '../../store/markers.js';
import { emptyLmsTable, importLmsTable, type LmsTableImport, type LmsTableReader } from './lms-import.js';
import { isFailure, type TaskOutcome } from './outcome.js';
import type { ReportTask, RunParams, TaskOutput } from './task.js';

/** Two tasks at a time: enough to keep the engine busy while the other task works in JavaScript or publishes. */
const TASKS_AT_ONCE = 2;

/** What a task's last publish was computed from, as its marker keeps it. */
export interface PublishedMarker {
  readonly fingerprint: string;
  readonly carriedDays?: CarriedDays;
}

/** Where published reports go: the reports store, behind the two operations the runner needs. */
export interface ReportsPublisher {
  /** The marker stored with the task's last publish, if any. */
  readMarker(taskId: string): Promise<PublishedMarker | undefined>;
  /**
   * Replaces all the task's tables and its marker at once; on failure the previous tables stay. Gives the rows each
   * table holds, when it knows them (rows carried over included).
   */
  publish(outputs: readonly TaskOutput[], marker: PublishedMarker & { taskId: string }): Promise<Record<string, number> | void>;
}

/** The LMS read replica as the runner sees it. */
export interface LmsSource {
  /** The connection, password masked, for messages. */
  readonly description: string;
  readonly read: LmsTableReader;
  hasTable(table: string): Promise<boolean>;
}

export interface RunOptions {
  readonly tasks: readonly ReportTask[];
  readonly params: RunParams;
  readonly engine: Engine;
  readonly publisher: ReportsPublisher;
  /** Absent: tasks that read events report missing input. */
  readonly source?: LogSource;
  readonly events: Omit<SyncEventsOptions, 'interval' | 'overwrite' | 'progress'>;
  /** Absent: no LMS configured. An Error: configured but unreachable (every task that reads it fails with it). */
  readonly lms?: LmsSource | Error;
  readonly countries?: () => Promise<CountryLookup>;
  /** Where the course structure comes from (files or the LMS API); absent: tasks that read it go without. */
  readonly structure?: () => Promise<StructureDocuments>;
  /** How to reach S3 for report folders given as `s3://` (an S3-compatible endpoint). */
  readonly s3?: S3Options;
  readonly overwrite?: boolean;
  /** Only decide what would run (the dependency tree): nothing is loaded or published. */
  readonly planOnly?: boolean;
  readonly progress?: Progress;
  /** Called as each task starts and ends (console output, run history). */
  readonly onTask?: (task: string, phase: 'start' | 'end') => void;
}

export interface RunReport {
  /** What the events table needed for the tasks' days, and (unless only planning) what was read. */
  readonly events?: { readonly plan: SyncPlan; readonly load?: LoadReport };
  readonly eventsError?: string;
  readonly lmsTables: Record<string, number>;
  readonly outcomes: TaskOutcome[];
}

/**
 * Runs report tasks: brings the events of the days they read up to date (only changed days are re-read), imports
 * the LMS tables they read, then computes and publishes each task whose fingerprint changed. A task that fails
 * leaves its published tables as they were and does not stop the others.
 */
export async function runTasks(options: RunOptions): Promise<RunReport> {
  const { tasks, params, engine } = options;
  const blocked = new Map<string, Omit<TaskOutcome, 'task' | 'seconds' | 'notes'>>();

  const eventTasks = tasks.filter((task) => task.inputs.events);
  // The events are read in a session of their own. The LMS tables and then the course structure come in on the
  // engine's own session once the engine is parsing the logs on its threads: reading them on this thread earlier
  // would hold up the reading of the log files, which also runs here.
  const watched = watchParsing(options.progress ?? silentProgress);
  const syncing = syncEventsFor(eventTasks, { ...options, progress: watched.progress });
  const [synced, inputs] = await Promise.allSettled([
    syncing,
    Promise.race([watched.parsing, syncing])
      .then(() => importLmsFor(tasks, engine, options.lms))
      .then(async (imported) => ({ ...imported, structure: await loadStructureFor(tasks, engine, options.structure) })),
  ]);
  // Both settled first: the events session is closed before a failure here closes the engine.
  if (inputs.status === 'rejected') throw inputs.reason;
  if (synced.status === 'rejected') throw synced.reason;
  const { lmsTables, lmsHashes, lmsFailures, structure } = inputs.value;
  const { events } = synced.value;
  let { eventsError } = synced.value;
  if (events) {
    try {
      await createCalendar(engine, events.plan.interval);
    } catch (error) {
      eventsError = `reading events failed: ${(error as Error).message}`;
    }
  }
  if (eventsError) {
    const status = options.source ? 'blocked-by-upstream' : 'missing-input';
    for (const task of eventTasks) blocked.set(task.name, { status, reason: eventsError });
  }
  const lms = options.lms;

  const outcomes: TaskOutcome[] = [];
  const running = new Map<string, Promise<void>>();
  // One publish at a time: the store takes one writer, and tasks sharing an output must not interleave.
  let publishing: Promise<unknown> = Promise.resolve();
  const publishInTurn = (outputs: readonly TaskOutput[], marker: PublishedMarker & { taskId: string }) => {
    const turn = publishing.then(() => options.publisher.publish(outputs, marker));
    publishing = turn.catch(() => {});
    return turn;
  };
  /** Runs a task to its end (published or failed); `computed` is called once it no longer needs the engine. */
  const runTask = async (task: ReportTask, computed: () => void): Promise<void> => {
    await Promise.all((task.requires ?? []).map((name) => running.get(name)));
    const unmet = (task.requires ?? []).filter((name) => {
      const required = outcomes.find((outcome) => outcome.task === name);
      return required !== undefined && isFailure(required.status);
    });
    if (unmet.length > 0 && !blocked.has(task.name)) {
      blocked.set(task.name, { status: 'blocked-by-upstream', reason: `the task${unmet.length === 1 ? '' : 's'} it requires did not publish: ${unmet.join(', ')}` });
    }
    const started = performance.now();
    const notes: string[] = [];
    const finish = (outcome: Omit<TaskOutcome, 'task' | 'seconds' | 'notes'>) => {
      outcomes.push({ task: task.name, seconds: (performance.now() - started) / 1000, notes, ...outcome });
    };
    const preset = blocked.get(task.name) ?? lmsProblem(task, lms, lmsFailures) ?? (task.inputs.structure && structure.error ? { status: 'failed' as const, reason: structure.error } : undefined);
    if (preset) {
      finish(preset);
      return;
    }
    options.onTask?.(task.name, 'start');
    let session: Engine | undefined;
    try {
      const hasLms = task.inputs.lms !== undefined && lms !== undefined && !(lms instanceof Error);
      const countries = task.inputs.geoip ? await options.countries?.() : undefined;
      const incomplete = incompleteDays(task, params, events);
      if (incomplete.length > 0) notes.push(`${incomplete.length} of its days lack the events of files that could not be read; each run tries again`);
      const seen = { ...(await inputsSeen(task, params, events, hasLms ? lmsHashes : undefined, countries)), ...(task.inputs.structure && structure.hash ? { structure: structure.hash } : {}) };
      const fingerprint = taskFingerprint(task, params, seen);
      const previous = await options.publisher.readMarker(task.name);
      if (previous?.fingerprint === fingerprint && !options.overwrite) {
        finish({ status: 'up-to-date', reason: 'its inputs, parameters and SQL are those of its last publish' });
        return;
      }
      const reason = options.overwrite ? 'asked to overwrite' : previous === undefined ? 'never published' : changedInputs(task, events, params);
      if (options.planOnly) {
        finish({ status: 'pending', reason });
        return;
      }
      session = await engine.fork();
      // As the legacy tasks, a report sees the events of the files named in its interval widened by the window.
      const interval = task.inputs.events?.(params);
      await session.scopeEvents(interval && events ? expandInterval(interval, events.plan.expandDays) : undefined);
      const hasStructure = structure.hash !== undefined;
      if (task.inputs.structure && structure.loaded) notes.push(structure.loaded);
      const carriedDays = task.carriesDays && carriedDaysOf(task, params, events);
      const unchangedDays = carriedDays && !options.overwrite ? daysUnchanged(carriedDays, previous?.carriedDays) : undefined;
      const outputs = await task.compute({
        engine: session, params, hasLms, countries, hasStructure, s3: options.s3 ?? {}, note: (message) => notes.push(message), unchangedDays,
      });
      await session.close();
      session = undefined;
      computed();
      const published = await publishInTurn(outputs, { taskId: task.name, fingerprint, ...(carriedDays ? { carriedDays } : {}) });
      finish({ status: 'ran', reason, rows: published || Object.fromEntries(outputs.map((output) => [output.table, output.rows.length])) });
    } catch (error) {
      finish({ status: 'failed', reason: (error as Error).message });
    } finally {
      await session?.close();
      options.onTask?.(task.name, 'end');
    }
  };
  // Tasks compute side by side, each in its own engine session: one computes while another works in JavaScript. A
  // task gives up its place once computed, while it waits for its turn to publish. A task that requires others starts
  // after them (they come first in the list, so they have started). Computing at once, the sessions run on fewer of
  // the engine's threads, which left fewer competing with this thread's publishing (a full run 0.6 s faster on 2 cores).
  const atOnce = options.planOnly ? 0 : Math.min(TASKS_AT_ONCE, tasks.length);
  if (atOnce > 1) await engine.computeAtOnce(atOnce);
  try {
    await pMap(
      tasks,
      (task) => {
        let computed: () => void = () => {};
        const place = new Promise<void>((resolve) => {
          computed = resolve;
        });
        const run = runTask(task, computed);
        running.set(task.name, run);
        return Promise.race([place, run]);
      },
      { concurrency: TASKS_AT_ONCE },
    );
    await Promise.all(running.values());
  } finally {
    // Only a setting for speed: failing to give the threads back must not fail the run (its engine closes next).
    if (atOnce > 1) await engine.computeAtOnce(0).catch(() => {});
  }
  const order = new Map(tasks.map((task, index) => [task.name, index]));
  outcomes.sort((a, b) => order.get(a.task)! - order.get(b.task)!);
  return { events, eventsError, lmsTables, outcomes };
}

/** The progress of the events load, and a promise kept when the engine starts parsing (PARSING_PHASE). */
function watchParsing(progress: Progress): { progress: Progress; parsing: Promise<void> } {
  let parsingStarted: () => void = () => {};
  const parsing = new Promise<void>((resolve) => {
    parsingStarted = resolve;
  });
  return {
    parsing,
    progress: {
      ...progress,
      start(phase, total) {
        if (phase === PARSING_PHASE) parsingStarted();
        progress.start(phase, total);
      },
    },
  };
}

/** Brings the events of the days the tasks read up to date (in a session of its own), or says why it could not. */
async function syncEventsFor(eventTasks: readonly ReportTask[], options: RunOptions): Promise<{ events?: RunReport['events']; eventsError?: string }> {
  const intervals = disjointIntervals(eventTasks.map((task) => task.inputs.events!(options.params)));
  if (intervals.length === 0) return {};
  if (!options.source) return { eventsError: 'no tracking-log source: give --source, LANTERN_SOURCE or [event-logs] source' };
  let session: Engine | undefined;
  try {
    session = await options.engine.fork();
    // Each stretch of days the tasks read is synced on its own: a gap between them is not read.
    const parts: NonNullable<RunReport['events']>[] = [];
    for (const interval of intervals) {
      const syncOptions = { ...options.events, interval, overwrite: options.overwrite, progress: options.progress ?? silentProgress };
      const plan = await planEventSync(options.source, session, syncOptions);
      parts.push({ plan, ...(options.planOnly ? {} : { load: await loadEvents(options.source, session, syncOptions, plan) }) });
    }
    return { events: combineSyncs(parts) };
  } catch (error) {
    return { eventsError: `reading events failed: ${(error as Error).message}` };
  } finally {
    await session?.close();
  }
}

/** Imports the LMS tables the tasks read; a table that fails fails only the tasks that read it. */
async function importLmsFor(tasks: readonly ReportTask[], engine: Engine, lms: RunOptions['lms']) {
  const lmsTables: Record<string, number> = {};
  const lmsHashes = new Map<string, string>();
  const lmsFailures = new Map<string, string>();
  for (const wanted of uniqueLmsTables(tasks)) {
    const absentOk = tasks.some((task) => task.inputs.lms?.mayBeAbsent?.includes(wanted));
    if (lms === undefined || lms instanceof Error) {
      await emptyLmsTable(engine, wanted);
      continue;
    }
    try {
      if (absentOk && !(await lms.hasTable(wanted.table))) {
        await emptyLmsTable(engine, wanted);
        lmsHashes.set(wanted.table, 'absent');
        continue;
      }
      const imported = await importLmsTable(engine, lms.read, wanted);
      lmsTables[wanted.table] = imported.rows;
      lmsHashes.set(wanted.table, imported.contentHash);
    } catch (error) {
      lmsFailures.set(wanted.table, `reading ${wanted.table} from the LMS database ${lms.description} failed: ${(error as Error).message}`);
    }
  }
  return { lmsTables, lmsHashes, lmsFailures };
}

/**
 * Reads the course structure once for the tasks that need it and loads it into the engine; a source that fails (the
 * LMS API down, a 401) fails only those tasks, with the URL and status in the message.
 */
async function loadStructureFor(
  tasks: readonly ReportTask[],
  engine: Engine,
  source: RunOptions['structure'],
): Promise<{ hash?: string; error?: string; loaded?: string }> {
  if (!source || !tasks.some((task) => task.inputs.structure)) return {};
  try {
    const documents = await source();
    const loaded = await loadStructure(engine, courseStructure(documents));
    return {
      hash: createHash('sha256').update(JSON.stringify(documents)).digest('hex'),
      loaded: `course structure: ${loaded.courses} courses, ${loaded.blocks} blocks`,
    };
  } catch (error) {
    return { error: `reading the course structure failed: ${(error as Error).message}` };
  }
}

/**
 * Each day of the task's daily output with what its events are: the fingerprint of the files that can hold them, and
 * how many are held (a file named outside the day's window can bring it a late event); and the task's SQL.
 */
function carriedDaysOf(task: ReportTask, params: RunParams, events: RunReport['events']): CarriedDays {
  const interval = task.carriesDays!(params);
  const days = (events?.load?.days ?? []).filter((day) => containsDay(interval, day.date));
  return { shape: taskShape(task), days: Object.fromEntries(days.map((day) => [day.date, `${day.fingerprint}:${day.events}`])) };
}

/** The days whose rows the last publish computed from the same SQL and the same events. */
function daysUnchanged(current: CarriedDays, published: CarriedDays | undefined): Set<string> {
  if (!published || published.shape !== current.shape) return new Set();
  return new Set(Object.keys(current.days).filter((day) => published.days[day] === current.days[day]));
}

/** The task's days whose files could not all be read (see LoadReport.unreadable). */
function incompleteDays(task: ReportTask, params: RunParams, events: RunReport['events']): string[] {
  const interval = task.inputs.events?.(params);
  const unreadable = events?.load?.unreadable ?? [];
  if (!interval || unreadable.length === 0) return [];
  const expandDays = events?.plan.expandDays ?? 0;
  return (events?.load?.days ?? [])
    .filter((day) => containsDay(interval, day.date) && unreadable.some((entry) => inWindowOf(day.date, entry.file.day, expandDays)))
    .map((day) => day.date);
}

function lmsProblem(task: ReportTask, lms: RunOptions['lms'], failures: Map<string, string>) {
  const needs = task.inputs.lms;
  if (!needs) return undefined;
  if (lms === undefined && needs.required) {
    return { status: 'missing-input' as const, reason: 'needs the LMS database: give --lms-db, LANTERN_LMS_DB or [lms-database]' };
  }
  // Configured but unreachable fails even a task that could do without: publishing less than asked would be worse.
  if (lms instanceof Error) return { status: 'failed' as const, reason: lms.message };
  const failed = needs.tables.map((wanted) => failures.get(wanted.table)).find((message) => message !== undefined);
  return failed ? { status: 'failed' as const, reason: failed } : undefined;
}

async function inputsSeen(
  task: ReportTask,
  params: RunParams,
  events: RunReport['events'],
  lmsHashes: Map<string, string> | undefined,
  countries: CountryLookup | undefined,
): Promise<TaskInputsSeen> {
  const interval = task.inputs.events?.(params);
  const days = events?.load?.days ?? events?.plan.days ?? [];
  const eventDays = interval ? days.filter((day) => containsDay(interval, day.date)).map(({ date, fingerprint }) => ({ date, fingerprint })) : [];
  const lms = task.inputs.lms;
  const lmsTables = lms && lmsHashes
    ? Object.fromEntries([...lms.tables, ...(lms.mayBeAbsent ?? [])].map((wanted) => [wanted.table, lmsHashes.get(wanted.table) ?? 'absent']))
    : undefined;
  const geoip = countries ? await databaseIdentity(countries.database) : undefined;
  return { eventDays, ...(lmsTables ? { lmsTables } : {}), ...(geoip ? { geoip } : {}) };
}

async function databaseIdentity(file: string): Promise<string> {
  const info = await stat(file);
  return `${file}:${info.size}:${info.mtimeMs}`;
}

function changedInputs(task: ReportTask, events: RunReport['events'], params: RunParams): string {
  const interval = task.inputs.events?.(params);
  const stale = interval && events ? events.plan.days.filter((day) => day.reason && containsDay(interval, day.date)).length : 0;
  return stale > 0 ? `events of ${stale} day${stale === 1 ? '' : 's'} new or changed` : 'its parameters, LMS tables or SQL changed';
}

function uniqueLmsTables(tasks: readonly ReportTask[]): LmsTableImport[] {
  const tables = new Set<LmsTableImport>();
  for (const task of tasks) for (const wanted of [...(task.inputs.lms?.tables ?? []), ...(task.inputs.lms?.mayBeAbsent ?? [])]) tables.add(wanted);
  return [...tables];
}

/** The days the intervals cover, as few disjoint intervals as possible (overlapping or touching ones merge). */
export function disjointIntervals(intervals: readonly DateInterval[]): DateInterval[] {
  const merged: DateInterval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.start.localeCompare(b.start))) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) merged[merged.length - 1] = { start: last.start, end: interval.end > last.end ? interval.end : last.end };
    else merged.push(interval);
  }
  return merged;
}

/** Several syncs reported as one: their days, files and loads together. */
function combineSyncs(parts: readonly NonNullable<RunReport['events']>[]): NonNullable<RunReport['events']> {
  if (parts.length === 1) return parts[0]!;
  const plans = parts.map((part) => part.plan);
  const interval = { start: plans[0]!.interval.start, end: plans.at(-1)!.interval.end };
  const plan: SyncPlan = {
    ...plans[0]!,
    interval,
    days: plans.flatMap((part) => part.days),
    files: sum(plans.map((part) => part.files)),
    toRead: plans.flatMap((part) => part.toRead),
    toDrop: plans.flatMap((part) => part.toDrop),
    held: sum(plans.map((part) => part.held)),
    listed: plans.flatMap((part) => part.listed),
  };
  const loads = parts.flatMap((part) => (part.load ? [part.load] : []));
  if (loads.length === 0) return { plan };
  const files = loads.flatMap((load) => load.files);
  const load: LoadReport = {
    ...loads[0]!,
    interval,
    files,
    unreadable: loads.flatMap((part) => part.unreadable),
    heldFiles: sum(loads.map((part) => part.heldFiles)),
    droppedFiles: loads.flatMap((part) => part.droppedFiles),
    days: loads.flatMap((part) => part.days),
    totals: totalsOf(files),
  };
  return { plan, load };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

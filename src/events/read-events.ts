import type { DayFingerprint, Engine, LineSample } from '../engine/engine.js';
import type { DateInterval } from './interval.js';
import { locateSamples } from './line-locator.js';
import type { LogFile, LogSource } from './log-source.js';
import { silentProgress, type Progress } from './progress.js';
import { Spool, type SpooledLog } from './spool.js';

/** What reading one file gave: its content facts and its lines' fate. */
export interface FileOutcome<F extends LogFile = LogFile> {
  readonly file: F;
  readonly storedSha1: string;
  readonly contentBytes: number;
  readonly contentSha256?: string;
  readonly head: Buffer;
  readonly damage?: string;
  readonly lines: number;
  readonly events: number;
  readonly outsideInterval: number;
  readonly invalidCourseIds: number;
  readonly dropped: Record<string, number>;
  readonly samples: Record<string, LineSample[]>;
}

/** A file as it was stored: what a day's fingerprint is made of. */
export interface StoredFile<F extends LogFile = LogFile> {
  readonly file: F;
  readonly storedSha1: string;
}

function storedFile<F extends LogFile>(entry: SpooledLog<F>): StoredFile<F> {
  return { file: entry.file, storedSha1: entry.content.storedSha1 };
}

export interface ReadEventsResult<F extends LogFile> {
  readonly files: FileOutcome<F>[];
  readonly eventsByDay: Record<string, number>;
}

export interface ReadEventsOptions<F extends LogFile = LogFile> {
  readonly interval?: DateInterval;
  /** Given: the events are kept, replacing the days it returns (see Engine.ingestEvents); absent: only counted. */
  readonly publish?: (files: readonly StoredFile<F>[], eventsByDay: Record<string, number>) => DayFingerprint[];
  readonly scratchDir: string;
  readonly hashContent?: boolean;
  readonly progress?: Progress;
}

/**
 * Decompresses the files (checking each gzip stream and keeping the readable part of a damaged one), has the engine
 * parse their events, and counts every line; with `publish` the engine keeps the events.
 */
export async function readEvents<F extends LogFile>(
  source: LogSource,
  engine: Engine,
  files: readonly F[],
  options: ReadEventsOptions<F>,
): Promise<ReadEventsResult<F>> {
  const progress = options.progress ?? silentProgress;
  const spool = await Spool.create(options.scratchDir);
  try {
    progress.start('reading', files.length);
    const spooled: SpooledLog<F>[] = await spool.add(source, files, {
      hashContent: options.hashContent,
      onFile: () => progress.advance(),
    });
    progress.finish();
    progress.start('parsing', 1);
    const { publish } = options;
    const parsed = await engine.ingestEvents(spooled, {
      interval: options.interval,
      ...(publish ? { publish: (eventsByDay: Record<string, number>) => publish(spooled.map(storedFile), eventsByDay) } : {}),
    });
    progress.finish();
    const byIndex = new Map(parsed.files.map((stats) => [stats.index, stats]));
    const outcomes = await Promise.all(
      spooled.map(async (entry): Promise<FileOutcome<F>> => {
        const stats = byIndex.get(entry.index);
        const samples = stats ? await locateSamples(entry.path, stats.samples) : {};
        return {
          file: entry.file,
          ...entry.content,
          lines: stats?.lines ?? 0,
          events: stats?.events ?? 0,
          outsideInterval: stats?.outsideInterval ?? 0,
          invalidCourseIds: stats?.invalidCourseIds ?? 0,
          dropped: stats?.dropped ?? {},
          samples,
        };
      }),
    );
    return { files: outcomes, eventsByDay: parsed.eventsByDay };
  } finally {
    await spool.dispose();
  }
}

import { ContentLengthMismatch } from '../engine/engine-error.js';
import type { DayFingerprint, Engine, HeldFile, ParsedFileStats, ParseResult } from '../engine/engine.js';
import type { DateInterval } from './interval.js';
import { locateSamples } from './line-locator.js';
import type { LogFile, LogSource } from './log-source.js';
import { silentProgress, type Progress } from './progress.js';
import type { StoredContentReport } from './log-content.js';
import { Spool, type SpoolOptions, type SpoolResult, type SpooledLog, type UnreadableLog } from './spool.js';

/** The progress phase in which the engine parses the files (this thread is free meanwhile). */
export const PARSING_PHASE = 'parsing';

/** What reading one file gave: its content facts and its lines' fate. */
export interface FileOutcome<F extends LogFile = LogFile> extends Omit<ParsedFileStats, 'index'> {
  readonly file: F;
  readonly storedSha1: string;
  readonly contentBytes: number;
  readonly contentSha256?: string;
  readonly head?: Buffer;
  readonly damage?: string;
}

/** A file as it was stored: what a day's fingerprint is made of. */
export interface StoredFile<F extends LogFile = LogFile> {
  readonly file: F;
  readonly storedSha1: string;
}

function storedFile<F extends LogFile>(entry: SpooledLog<F>): StoredFile<F> {
  return { file: entry.file, storedSha1: entry.content.storedSha1 };
}

/** The content hash a file is known by: its S3 ETag when it has one (no download needed), else the sha1 read. */
export function contentIdOf(stored: StoredFile): string {
  return stored.file.versionIsContentHash && stored.file.version ? `etag:${stored.file.version}` : stored.storedSha1;
}

export interface ReadEventsResult<F extends LogFile> {
  readonly files: FileOutcome<F>[];
  /** Files that could not be read at all; the others were. */
  readonly unreadable: UnreadableLog<F>[];
  readonly eventsByDay: Record<string, number>;
}

export interface KeepReadEvents<F extends LogFile> {
  /** Files whose held events go first (changed or vanished), by uri. */
  readonly drop: readonly string[];
  /** Given what was read, the days to record as complete (see KeepEvents.days). */
  readonly days: (read: readonly StoredFile<F>[], unreadable: readonly F[], eventsByDay: Record<string, number>) => DayFingerprint[];
}

export interface ReadEventsOptions<F extends LogFile = LogFile> {
  readonly interval?: DateInterval;
  /** Given: the engine keeps the events (see Engine.ingestEvents); absent: they are only counted. */
  readonly keep?: KeepReadEvents<F>;
  readonly scratchDir: string;
  readonly hashContent?: boolean;
  readonly progress?: Progress;
}

/**
 * Decompresses the files (checking each gzip stream and keeping the readable part of a damaged one), has the engine
 * parse their events, and counts every line; with `keep` the engine keeps the events. A file that cannot be read at
 * all is reported and the others go on.
 */
export async function readEvents<F extends LogFile>(
  source: LogSource,
  engine: Engine,
  files: readonly F[],
  options: ReadEventsOptions<F>,
): Promise<ReadEventsResult<F>> {
  // Loading hands the stored files to the engine, which decompresses them itself (each stream checked here first).
  // A file the engine reads to another length is decompressed here on a second try; if the engine fails on a file
  // (a gzip it cannot read), every file is. An audit hashes the content, so it always decompresses here.
  if (!options.hashContent) {
    const spoolOptions = spoolOptionsOf(options);
    try {
      return await readSpooled(source, engine, files, options, (spool) => spool.addStored(source, files, spoolOptions));
    } catch (error) {
      if (error instanceof ContentLengthMismatch) {
        const decompress = new Set(error.indexes);
        try {
          return await readSpooled(source, engine, files, options, (spool) => spool.addStored(source, files, { ...spoolOptions, decompress }));
        } catch {
          // the next try decompresses every file
        }
      }
    }
  }
  return readSpooled(source, engine, files, options, (spool) => spool.add(source, files, spoolOptionsOf(options)));
}

function spoolOptionsOf(options: Pick<ReadEventsOptions, 'hashContent' | 'progress'>): SpoolOptions {
  const progress = options.progress ?? silentProgress;
  return { hashContent: options.hashContent, onFile: () => progress.advance() };
}

async function readSpooled<F extends LogFile, C extends StoredContentReport>(
  source: LogSource,
  engine: Engine,
  files: readonly F[],
  options: ReadEventsOptions<F>,
  place: (spool: Spool) => Promise<SpoolResult<F, C>>,
): Promise<ReadEventsResult<F>> {
  const progress = options.progress ?? silentProgress;
  const spool = await Spool.create(options.scratchDir);
  try {
    progress.start('reading', files.length);
    const { spooled, unreadable } = await place(spool);
    progress.finish();
    const { keep } = options;
    const held: HeldFile[] = [];
    for (const entry of spooled) held[entry.index] = heldFile(storedFile(entry));
    const toParse = spooled.map((entry) => ({ index: entry.index, path: entry.path, gzipContentBytes: entry.content.gzipContentBytes }));
    let parsed: ParseResult;
    try {
      parsed = await engine.ingestEvents(toParse, {
        interval: options.interval,
        onParsing: () => progress.start(PARSING_PHASE, 1),
        ...(keep
          ? {
              keep: {
                files: held,
                drop: keep.drop,
                days: (eventsByDay: Record<string, number>) => keep.days(spooled.map(storedFile), unreadable.map((entry) => entry.file), eventsByDay),
              },
            }
          : {}),
      });
    } finally {
      // Whatever happens: a bar left running would keep the process alive.
      progress.finish();
    }
    const byIndex = new Map(parsed.files.map((stats) => [stats.index, stats]));
    const outcomes = await Promise.all(
      spooled.map(async (entry): Promise<FileOutcome<F>> => {
        const stats = byIndex.get(entry.index);
        const samples = stats ? await locateSamples(entry.path, stats.samples) : {};
        const { gzipContentBytes: _checkedLength, ...content } = entry.content;
        return {
          file: entry.file,
          ...content,
          lines: stats?.lines ?? 0,
          events: stats?.events ?? 0,
          outsideInterval: stats?.outsideInterval ?? 0,
          invalidCourseIds: stats?.invalidCourseIds ?? 0,
          dropped: stats?.dropped ?? {},
          samples,
        };
      }),
    );
    return { files: outcomes, unreadable, eventsByDay: parsed.eventsByDay };
  } finally {
    await spool.dispose();
  }
}

function heldFile(stored: StoredFile): HeldFile {
  const day = (stored.file as { day?: string | null }).day;
  return { uri: stored.file.uri, contentId: contentIdOf(stored), nameDay: day ?? null };
}

import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import { copyLogContent, stageStoredContent, type ContentReport, type StoredContentReport } from './log-content.js';
import type { LogFile, LogSource } from './log-source.js';

export interface SpooledLog<F extends LogFile = LogFile, C extends ContentReport = ContentReport> {
  readonly index: number;
  readonly file: F;
  /** The content on local disk: decompressed, or as stored (named `.gz` when it is gzip) for the engine to read. */
  readonly path: string;
  readonly content: C;
}

/** A file that could not be read at all (it vanished, access was refused): reported, and the rest go on. */
export interface UnreadableLog<F extends LogFile = LogFile> {
  readonly index: number;
  readonly file: F;
  readonly error: string;
}

export interface SpoolResult<F extends LogFile, C extends ContentReport = ContentReport> {
  readonly spooled: SpooledLog<F, C>[];
  readonly unreadable: UnreadableLog<F>[];
}

export interface SpoolOptions {
  readonly hashContent?: boolean;
  /** Files read at once (zlib runs off the main thread): one per core, and one more to cover the writes. */
  readonly concurrency?: number;
  readonly onFile?: (file: LogFile) => void;
}

/** A scratch folder of decompressed logs that the engine reads in parallel; removed by `dispose()`. */
export class Spool {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * A fresh spool under `parent`. Spools left by a run that was killed are removed first: the engine's lock means
   * no other run is using this data directory.
   */
  static async create(parent: string): Promise<Spool> {
    await mkdir(parent, { recursive: true });
    for (const entry of await readdir(parent)) {
      if (entry.startsWith('spool-')) await rm(path.join(parent, entry), { recursive: true, force: true });
    }
    return new Spool(await mkdtemp(path.join(parent, 'spool-')));
  }

  /** Decompresses the files into the spool (checking each gzip stream and salvaging a damaged one's readable part). */
  add<F extends LogFile>(source: LogSource, files: readonly F[], options: SpoolOptions = {}): Promise<SpoolResult<F>> {
    return this.#each(files, options, (file, index) => {
      const target = path.join(this.dir, `${index}.log`);
      return copyLogContent(source, file, target, { hashContent: options.hashContent }).then((content) => ({ path: target, content }));
    });
  }

  /**
   * Places the files in the spool as stored (see stageStoredContent), named `.gz` when they are gzip: the engine
   * decompresses them itself, several times faster than writing a decompressed copy. A file whose stream is damaged,
   * or whose index is in `decompress`, is decompressed into the spool instead (as `add` does).
   */
  addStored<F extends LogFile>(
    source: LogSource,
    files: readonly F[],
    options: SpoolOptions & { readonly decompress?: ReadonlySet<number> } = {},
  ): Promise<SpoolResult<F, StoredContentReport>> {
    return this.#each(files, options, async (file, index) => {
      const staged = path.join(this.dir, `${index}.stored`);
      const content = options.decompress?.has(index) ? undefined : await stageStoredContent(source, file, staged);
      if (content === undefined) {
        await rm(staged, { force: true });
        const target = path.join(this.dir, `${index}.log`);
        return { path: target, content: await copyLogContent(source, file, target, { hashContent: options.hashContent }) };
      }
      const target = path.join(this.dir, content.gzip ? `${index}.log.gz` : `${index}.log`);
      await rename(staged, target);
      return { path: target, content };
    });
  }

  async #each<F extends LogFile, C extends ContentReport>(
    files: readonly F[],
    options: SpoolOptions,
    place: (file: F, index: number) => Promise<{ path: string; content: C }>,
  ): Promise<SpoolResult<F, C>> {
    const results = await pMap(
      files,
      async (file, index): Promise<SpooledLog<F, C> | UnreadableLog<F>> => {
        try {
          return { index, file, ...(await place(file, index)) };
        } catch (error) {
          return { index, file, error: (error as Error).message };
        } finally {
          options.onFile?.(file);
        }
      },
      { concurrency: options.concurrency ?? availableParallelism() + 1 },
    );
    return {
      spooled: results.filter((result): result is SpooledLog<F, C> => 'path' in result),
      unreadable: results.filter((result): result is UnreadableLog<F> => 'error' in result),
    };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

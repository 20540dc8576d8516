import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import { copyLogContent, type ContentReport } from './log-content.js';
import type { LogFile, LogSource } from './log-source.js';

export interface SpooledLog<F extends LogFile = LogFile> {
  readonly index: number;
  readonly file: F;
  /** The decompressed content on local disk. */
  readonly path: string;
  readonly content: ContentReport;
}

/** A file that could not be read at all (it vanished, access was refused): reported, and the rest go on. */
export interface UnreadableLog<F extends LogFile = LogFile> {
  readonly index: number;
  readonly file: F;
  readonly error: string;
}

export interface SpoolResult<F extends LogFile> {
  readonly spooled: SpooledLog<F>[];
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

  async add<F extends LogFile>(source: LogSource, files: readonly F[], options: SpoolOptions = {}): Promise<SpoolResult<F>> {
    const results = await pMap(
      files,
      async (file, index): Promise<SpooledLog<F> | UnreadableLog<F>> => {
        const target = path.join(this.dir, `${index}.log`);
        try {
          const content = await copyLogContent(source, file, target, { hashContent: options.hashContent });
          return { index, file, path: target, content };
        } catch (error) {
          return { index, file, error: (error as Error).message };
        } finally {
          options.onFile?.(file);
        }
      },
      { concurrency: options.concurrency ?? availableParallelism() + 1 },
    );
    return {
      spooled: results.filter((result): result is SpooledLog<F> => 'path' in result),
      unreadable: results.filter((result): result is UnreadableLog<F> => 'error' in result),
    };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
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

  static async create(parent: string): Promise<Spool> {
    await mkdir(parent, { recursive: true });
    return new Spool(await mkdtemp(path.join(parent, 'spool-')));
  }

  async add<F extends LogFile>(source: LogSource, files: readonly F[], options: SpoolOptions = {}): Promise<SpooledLog<F>[]> {
    return pMap(
      files,
      async (file, index) => {
        const target = path.join(this.dir, `${index}.log`);
        const content = await copyLogContent(source, file, target, { hashContent: options.hashContent });
        options.onFile?.(file);
        return { index, file, path: target, content };
      },
      { concurrency: options.concurrency ?? availableParallelism() + 1 },
    );
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

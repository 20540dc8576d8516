import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { groupOf, type LogFile, type LogSource } from './log-source.js';

export class LocalSource implements LogSource {
  readonly uri: string;
  readonly #root: string;
  readonly #singleFile: boolean;

  private constructor(root: string, singleFile: boolean) {
    this.#root = root;
    this.#singleFile = singleFile;
    this.uri = root;
  }

  static async create(location: string): Promise<LocalSource> {
    const root = path.resolve(location);
    let info;
    try {
      info = await stat(root);
    } catch (error) {
      throw new Error(`cannot read the log source ${location}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
    }
    return new LocalSource(root, info.isFile());
  }

  async list(): Promise<LogFile[]> {
    if (this.#singleFile) {
      const info = await stat(this.#root);
      const name = path.basename(this.#root);
      return [{ uri: this.#root, relativePath: name, group: '.', size: info.size, version: String(info.mtimeMs), explicit: true }];
    }
    const entries = await readdir(this.#root, { recursive: true, withFileTypes: true });
    const files: LogFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const absolute = path.join(entry.parentPath, entry.name);
      const relativePath = path.relative(this.#root, absolute).split(path.sep).join('/');
      const { size, mtimeMs } = await stat(absolute);
      files.push({ uri: absolute, relativePath, group: groupOf(relativePath), size, version: String(mtimeMs) });
    }
    return files.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  }

  async open(file: LogFile): Promise<Readable> {
    return createReadStream(file.uri, { highWaterMark: 1 << 20 });
  }

  localPath(file: LogFile): string {
    return file.uri;
  }
}

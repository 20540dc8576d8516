import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogFile } from './log-source.js';
import { contentIdOf, type StoredFile } from './read-events.js';

interface CachedHash {
  readonly size: number;
  readonly version: string;
  readonly sha1: string;
}

/**
 * The content hashes of files, as far as they are known without reading anything: S3 objects by their ETag, local
 * files by the sha1 remembered when they were last read, as long as their size and modification time are the same.
 * A file with no known hash is read (and its hash remembered by `rememberHashes`).
 */
export class FileHashes {
  readonly #cacheFile: string;
  readonly #cache: Record<string, CachedHash>;

  private constructor(cacheFile: string, cache: Record<string, CachedHash>) {
    this.#cacheFile = cacheFile;
    this.#cache = cache;
  }

  static async open(cacheFile: string): Promise<FileHashes> {
    let cache: Record<string, CachedHash> = {};
    try {
      cache = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, CachedHash>;
    } catch {
      // no cache yet, or an unreadable one: every file counts as unknown and is read
    }
    return new FileHashes(cacheFile, cache);
  }

  /** The content id of a file if it is known without reading it. */
  known(file: LogFile): string | undefined {
    if (file.versionIsContentHash && file.version) return `etag:${file.version}`;
    const cached = this.#cache[file.uri];
    return cached && file.version !== undefined && cached.size === file.size && cached.version === file.version ? cached.sha1 : undefined;
  }

  /** Remembers the hashes of files just read. */
  async remember(read: readonly StoredFile[]): Promise<void> {
    let changed = false;
    for (const stored of read) {
      if (stored.file.version === undefined || stored.file.versionIsContentHash) continue;
      this.#cache[stored.file.uri] = { size: stored.file.size, version: stored.file.version, sha1: contentIdOf(stored) };
      changed = true;
    }
    if (!changed) return;
    await mkdir(path.dirname(this.#cacheFile), { recursive: true });
    const temporary = `${this.#cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.#cache));
    await rename(temporary, this.#cacheFile);
  }
}

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { LogFile, LogSource } from './log-source.js';
import type { StoredFile } from './read-events.js';

interface CachedHash {
  readonly size: number;
  readonly version: string;
  readonly sha1: string;
}

/**
 * The stored-content hash of each file, without parsing anything: S3 objects are known by their ETag; local files
 * are hashed once and remembered by size and modification time in `cacheFile`, so a run over a long history reads
 * only the files that are new or changed.
 */
export async function hashLogFiles<F extends LogFile>(
  source: LogSource,
  files: readonly F[],
  cacheFile: string,
): Promise<StoredFile<F>[]> {
  const cache = await readCache(cacheFile);
  let changed = false;
  const stored = await pMap(
    files,
    async (file) => {
      if (file.versionIsContentHash) return { file, storedSha1: '' };
      const cached = cache[file.uri];
      if (cached && file.version !== undefined && cached.size === file.size && cached.version === file.version) {
        return { file, storedSha1: cached.sha1 };
      }
      const sha1 = await hashStream(source, file);
      if (file.version !== undefined) {
        cache[file.uri] = { size: file.size, version: file.version, sha1 };
        changed = true;
      }
      return { file, storedSha1: sha1 };
    },
    { concurrency: 4 },
  );
  if (changed) await writeCache(cacheFile, cache);
  return stored;
}

async function hashStream(source: LogSource, file: LogFile): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of await source.open(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readCache(cacheFile: string): Promise<Record<string, CachedHash>> {
  try {
    return JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, CachedHash>;
  } catch {
    return {};
  }
}

async function writeCache(cacheFile: string, cache: Record<string, CachedHash>): Promise<void> {
  await mkdir(path.dirname(cacheFile), { recursive: true });
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cache));
  await rename(temporary, cacheFile);
}

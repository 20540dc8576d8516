import { createHash } from 'node:crypto';
import { copyFile, link, open, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { LogFile, LogSource } from './log-source.js';

export const HEAD_BYTES = 4096;
/**
 * Large chunks keep the per-chunk overhead (callbacks, writes) small next to zlib's own work; beyond a few hundred
 * KiB each output chunk is memory outside the JavaScript heap that costs collections (1 GiB inflated: 0.87 CPU-s with
 * 1 MiB chunks, 0.75 with 256 KiB, 1.06 with 16 KiB).
 */
const CHUNK_BYTES = 1 << 18;

/** What reading one file found, besides its lines. */
export interface ContentReport {
  readonly gzip: boolean;
  /** sha1 of the stored bytes: with name and size, the fingerprint that tells whether a file changed. */
  readonly storedSha1: string;
  /** Bytes after decompression (of the readable part, when damaged). */
  readonly contentBytes: number;
  /** sha256 of the decompressed content, when asked for (the audit compares contents across files). */
  readonly contentSha256?: string;
  /**
   * The first HEAD_BYTES bytes of the content, to find files that are a prefix of another; absent when the file was
   * staged compressed (the engine decompresses it).
   */
  readonly head?: Buffer;
  /** Why the gzip stream is damaged; its readable part was still delivered. */
  readonly damage?: string;
}

export interface ReadOptions {
  readonly hashContent?: boolean;
  /** Stop after this many content bytes (prefix checks). */
  readonly limit?: number;
}

type ContentSink = (chunk: Buffer) => Promise<void> | void;

/**
 * Copies a log file's decompressed content to `destination`. A truncated or corrupt gzip is read a second time in
 * salvage mode, so that everything before the damage is still delivered; the damage is reported.
 */
export async function copyLogContent(
  source: LogSource,
  file: LogFile,
  destination: string,
  options: ReadOptions = {},
): Promise<ContentReport> {
  return readSalvaging(source, file, options, async (consume) => {
    const handle = await open(destination, 'w');
    try {
      return await consume(async (chunk) => {
        await handle.write(chunk);
      });
    } finally {
      await handle.close();
    }
  });
}

/** Whether content starts with the gzip magic bytes. */
export function isGzipStart(bytes: Buffer | undefined): boolean {
  return bytes !== undefined && bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Whether a stream failed because zlib found the gzip data damaged (not because the file could not be read). */
function isZlibFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/** A file staged as stored, for the engine to decompress: what Lantern checks the engine's reading against. */
export interface StoredContentReport extends ContentReport {
  /** For a gzip file, its content length (checked here): a stream the engine reads differently reads to another. */
  readonly gzipContentBytes?: number;
}

/**
 * Stages a log file for the engine to decompress: its stored bytes at `destination` (a hard link to a local gzip
 * file, else a copy, so that a file rotated or appended to meanwhile reads as it was hashed), read once for their sha1.
 * A gzip file is also inflated here with the output thrown away, because zlib checks each stream's CRC and the
 * engine's reader does not: a damaged stream, or header fields the engine cannot read, give `undefined`, and the
 * caller decompresses that file itself.
 */
export async function stageStoredContent(source: LogSource, file: LogFile, destination: string): Promise<StoredContentReport | undefined> {
  const local = source.localPath(file);
  const storedHash = createHash('sha1');
  const stored = (await source.open(file))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let handle: FileHandle | undefined;
  try {
    const first = await stored.next();
    const gzip = isGzipStart(first.value);
    if (gzip && (first.value.length < 4 || (first.value[3]! & UNREADABLE_HEADER_FLAGS) !== 0)) return undefined;
    if (local === undefined || !gzip) handle = await open(destination, 'w');
    async function* storedChunks(): AsyncGenerator<Buffer> {
      for (let next = first; !next.done; next = await stored.next()) {
        storedHash.update(next.value);
        await handle?.write(next.value);
        yield next.value;
      }
    }
    let contentBytes = 0;
    const count = new Writable({
      write(chunk: Buffer, _encoding, done) {
        contentBytes += chunk.length;
        done();
      },
    });
    if (!gzip) {
      await pipeline(Readable.from(storedChunks()), count);
      return { gzip, storedSha1: storedHash.digest('hex'), contentBytes };
    }
    try {
      await pipeline(Readable.from(storedChunks()), zlib.createGunzip({ chunkSize: CHUNK_BYTES }), count);
    } catch (error) {
      if (isZlibFailure(error)) return undefined;
      throw error;
    }
    await handle?.close();
    handle = undefined;
    if (local !== undefined) await linkOrCopy(local, destination);
    return { gzip, storedSha1: storedHash.digest('hex'), contentBytes, gzipContentBytes: contentBytes };
  } catch (error) {
    throw new Error(`cannot read ${file.uri}: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle?.close();
    await stored.return?.();
  }
}

/** FHCRC and FCOMMENT: header fields DuckDB's gzip reader refuses. */
const UNREADABLE_HEADER_FLAGS = 0x02 | 0x10;

/** A hard link pins the file as it is (not as a later rotation leaves its name); across file systems, a copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Reads a file's decompressed content without keeping it: for fingerprints and prefix checks. */
export async function inspectLogContent(source: LogSource, file: LogFile, options: ReadOptions = {}): Promise<ContentReport> {
  return readSalvaging(source, file, options, (consume) => consume(() => undefined));
}

type Consumer = (consume: (sink: ContentSink) => Promise<ContentReport>) => Promise<ContentReport>;

async function readSalvaging(source: LogSource, file: LogFile, options: ReadOptions, withSink: Consumer) {
  try {
    return await withSink((sink) => readOnce(source, file, options, sink, false));
  } catch (error) {
    if (!(error instanceof GzipDamage)) throw error;
    const salvaged = await withSink((sink) => readOnce(source, file, options, sink, true));
    return { ...salvaged, damage: error.message };
  }
}

class GzipDamage extends Error {}

async function readOnce(
  source: LogSource,
  file: LogFile,
  options: ReadOptions,
  sink: ContentSink,
  salvage: boolean,
): Promise<ContentReport> {
  const storedHash = createHash('sha1');
  const contentHash = options.hashContent ? createHash('sha256') : undefined;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const stored = (await source.open(file))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await stored.next();
  const gzip = isGzipStart(first.value);

  async function* storedChunks(): AsyncGenerator<Buffer> {
    for (let next = first; !next.done; next = await stored.next()) {
      storedHash.update(next.value);
      yield next.value;
    }
  }

  let contentBytes = 0;
  let reachedLimit = false;
  const head: Buffer[] = [];
  let headLength = 0;
  async function consume(content: AsyncIterable<Buffer>): Promise<void> {
    for await (const whole of content) {
      const chunk = whole.subarray(0, Math.max(0, limit - contentBytes));
      if (chunk.length === 0) {
        reachedLimit = true;
        break;
      }
      contentBytes += chunk.length;
      contentHash?.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(part);
        headLength += part.length;
      }
      await sink(chunk);
    }
  }

  try {
    if (gzip) {
      const gunzip = zlib.createGunzip({ chunkSize: CHUNK_BYTES, ...(salvage ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {}) });
      await pipeline(Readable.from(storedChunks()), gunzip, consume);
    } else {
      await consume(storedChunks());
    }
  } catch (error) {
    if (reachedLimit) return report();
    const isZlib = isZlibFailure(error);
    if (isZlib && !salvage) throw new GzipDamage(describeDamage(error as NodeJS.ErrnoException));
    if (!isZlib) throw new Error(`cannot read ${file.uri}: ${(error as Error).message}`, { cause: error });
    // In salvage mode the damage ends the content; what came before it has been delivered.
  }
  return report();

  function report(): ContentReport {
    return {
    gzip,
    storedSha1: storedHash.digest('hex'),
    contentBytes,
    ...(contentHash ? { contentSha256: contentHash.digest('hex') } : {}),
      head: Buffer.concat(head),
    };
  }
}

function describeDamage(error: NodeJS.ErrnoException): string {
  if (error.code === 'Z_BUF_ERROR') return 'truncated gzip: the stream ends before its end marker';
  return `corrupt gzip: ${error.message}`;
}

/** The sha256 of the first `length` bytes of a file's content (to confirm that one file is a prefix of another). */
export async function contentPrefixSha256(source: LogSource, file: LogFile, length: number): Promise<string> {
  const report = await inspectLogContent(source, file, { hashContent: true, limit: length });
  return report.contentSha256!;
}

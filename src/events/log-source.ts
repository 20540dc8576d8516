import type { Readable } from 'node:stream';

/** One file in a tracking-log source, as listed (nothing read yet). */
export interface LogFile {
  /** Where it is, for people: a local path or `s3://bucket/key`. */
  readonly uri: string;
  /** Its path below the source root, with `/` separators. */
  readonly relativePath: string;
  /** The server group: the first folder below the root (`.` for files at the root). */
  readonly group: string;
  readonly size: number;
  /**
   * What changes when the content does, known from the listing alone: an S3 object's ETag (a content hash) or a
   * local file's modification time. Lets a run skip hashing files it has hashed before.
   */
  readonly version?: string;
  /** True when `version` is itself a hash of the content (S3 ETags), so the file need not be read to fingerprint it. */
  readonly versionIsContentHash?: boolean;
  /** Named directly by the user (a single-file source): taken whatever its name. */
  readonly explicit?: boolean;
}

/** A folder tree, a single file or a bucket prefix of tracking logs. */
export interface LogSource {
  readonly uri: string;
  list(): Promise<LogFile[]>;
  /** The file's stored bytes (still compressed when it is a .gz). */
  open(file: LogFile): Promise<Readable>;
  /** A local path DuckDB can read directly, when the file is on this machine. */
  localPath(file: LogFile): string | undefined;
}

export function groupOf(relativePath: string): string {
  const slash = relativePath.indexOf('/');
  return slash === -1 ? '.' : relativePath.slice(0, slash);
}

/** The source, listed at most once: `lantern run` without an interval takes it from the listing, then syncs. */
export function listedOnce(source: LogSource): LogSource {
  let listing: Promise<LogFile[]> | undefined;
  return {
    uri: source.uri,
    list: () => (listing ??= source.list()),
    open: (file) => source.open(file),
    localPath: (file) => source.localPath(file),
  };
}

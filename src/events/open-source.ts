import { LocalSource } from './local-source.js';
import type { LogSource } from './log-source.js';
import type { S3SourceOptions } from './s3-source.js';

/** A local folder or file, or `s3://bucket/prefix`. */
export async function openLogSource(location: string, options: S3SourceOptions = {}): Promise<LogSource> {
  if (location.startsWith('s3://')) {
    // The AWS SDK is loaded only for an S3 source, so that local runs do not pay for it.
    const { S3Source } = await import('./s3-source.js');
    return new S3Source(location, options);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new Error(`unsupported log source "${location}": use a local path or s3://bucket/prefix`);
  }
  return LocalSource.create(location);
}

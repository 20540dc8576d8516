import { S3Client } from '@aws-sdk/client-s3';

export interface S3Options {
  /** An S3-compatible endpoint (MinIO, Ceph, s3rver); credentials come from the SDK's default chain. */
  readonly endpoint?: string;
  readonly region?: string;
}

export interface S3Location {
  readonly bucket: string;
  /** The key or key prefix, without the leading slash; "" for the whole bucket. */
  readonly key: string;
}

/** A client for AWS S3 or, with an endpoint, an S3-compatible store (path-style addressing). */
export function createS3Client(options: S3Options = {}): S3Client {
  return new S3Client({
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
  });
}

/** `s3://bucket/key` split; `what` names the setting in the error. */
export function parseS3Url(url: string, what: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new Error(`invalid ${what} "${url}": expected s3://bucket/key`);
  return { bucket: match[1]!, key: match[2]! };
}

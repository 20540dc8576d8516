import type { S3ClientConfig } from '@aws-sdk/client-s3';

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

/**
 * The settings of a client for AWS S3 or, with an endpoint, an S3-compatible store (path-style addressing). Only the
 * S3 modules import the SDK itself, and they are loaded when an s3:// location is met.
 */
export function s3ClientConfig(options: S3Options = {}): S3ClientConfig {
  return {
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
  };
}

/** `s3://bucket/key` split; `what` names the setting in the error. */
export function parseS3Url(url: string, what: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new Error(`invalid ${what} "${url}": expected s3://bucket/key`);
  return { bucket: match[1]!, key: match[2]! };
}

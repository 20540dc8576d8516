import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

export interface S3ObjectOptions {
  /** An S3-compatible endpoint (MinIO, Ceph, s3rver); credentials come from the SDK's default chain. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** The text of one object, `s3://bucket/key`. */
export async function readS3Text(url: string, options: S3ObjectOptions = {}): Promise<string> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!match) throw new Error(`"${url}" is not an S3 object URL: expected s3://bucket/key`);
  const client = new S3Client({
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
  });
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
    if (!response.Body) throw new Error('the object has no body');
    return await response.Body.transformToString('utf8');
  } catch (error) {
    throw new Error(`cannot read ${url}: ${(error as Error).message}`, { cause: error });
  } finally {
    client.destroy();
  }
}

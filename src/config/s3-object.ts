import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parseS3Url, s3ClientConfig, type S3Options } from './s3-client.js';

/** The text of one object, `s3://bucket/key`. */
export async function readS3Text(url: string, options: S3Options = {}): Promise<string> {
  const { bucket, key } = parseS3Url(url, 'S3 object URL');
  const client = new S3Client(s3ClientConfig(options));
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error('the object has no body');
    return await response.Body.transformToString('utf8');
  } catch (error) {
    throw new Error(`cannot read ${url}: ${(error as Error).message}`, { cause: error });
  } finally {
    client.destroy();
  }
}

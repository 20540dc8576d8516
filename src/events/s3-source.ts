import { GetObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { parseS3Url, s3ClientConfig, type S3Options } from '../config/s3-client.js';
import type { Readable } from 'node:stream';
import { groupOf, type LogFile, type LogSource } from './log-source.js';

export type S3SourceOptions = S3Options;

/** `s3://bucket/prefix`: every object below the prefix, listed with the AWS SDK. */
export class S3Source implements LogSource {
  readonly uri: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(uri: string, options: S3SourceOptions = {}) {
    const location = parseS3Url(uri, 'S3 source');
    this.uri = uri;
    this.#bucket = location.bucket;
    this.#prefix = location.key;
    this.#client = new S3Client(s3ClientConfig(options));
  }

  async list(): Promise<LogFile[]> {
    const files: LogFile[] = [];
    const rootPrefix = this.#prefix === '' || this.#prefix.endsWith('/') ? this.#prefix : `${this.#prefix}/`;
    try {
      for await (const page of paginateListObjectsV2({ client: this.#client }, { Bucket: this.#bucket, Prefix: this.#prefix })) {
        for (const object of page.Contents ?? []) {
          if (!object.Key || object.Key.endsWith('/')) continue;
          const relativePath = object.Key.startsWith(rootPrefix) ? object.Key.slice(rootPrefix.length) : object.Key;
          files.push({
            uri: `s3://${this.#bucket}/${object.Key}`,
            relativePath,
            group: groupOf(relativePath),
            size: object.Size ?? 0,
            ...(object.ETag ? { version: object.ETag.replaceAll('"', ''), versionIsContentHash: true } : {}),
          });
        }
      }
    } catch (error) {
      throw new Error(`cannot list the log source ${this.uri}: ${(error as Error).message}`, { cause: error });
    }
    return files.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  }

  async open(file: LogFile): Promise<Readable> {
    const key = file.uri.slice(`s3://${this.#bucket}/`.length);
    const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
    return response.Body as Readable;
  }

  localPath(): undefined {
    return undefined;
  }

  close(): void {
    this.#client.destroy();
  }
}

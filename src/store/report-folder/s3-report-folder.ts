import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { parseS3Url, s3ClientConfig, type S3Options } from '../../config/s3-client.js';
import type { DownloadLinkOptions, ReportFolder, StoredReportFile } from './report-folder.js';

/** `s3://bucket/prefix`: one object per file (an S3 PUT replaces an object atomically). */
export class S3ReportFolder implements ReportFolder {
  readonly location: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(location: string, options: S3Options) {
    const { bucket, key } = parseS3Url(location, 'report folder');
    this.location = location;
    this.#bucket = bucket;
    this.#prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
    this.#client = new S3Client(s3ClientConfig(options));
  }

  async write(name: string, text: string): Promise<StoredReportFile> {
    await this.#send('write', name, () =>
      this.#client.send(new PutObjectCommand({ Bucket: this.#bucket, Key: this.#key(name), Body: text, ContentType: 'text/csv; charset=utf-8' })),
    );
    return (await this.stat(name))!;
  }

  async stat(name: string): Promise<StoredReportFile | undefined> {
    try {
      const head = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }));
      return { name, location: `s3://${this.#bucket}/${this.#key(name)}`, size: head.ContentLength ?? 0, lastModified: head.LastModified ?? new Date(0) };
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw new Error(`cannot read s3://${this.#bucket}/${this.#key(name)}: ${(error as Error).message}`, { cause: error });
    }
  }

  async open(name: string): Promise<Readable> {
    const response = await this.#send('write', name, () => this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) })));
    return response.Body as Readable;
  }

  async downloadLink(name: string, options: DownloadLinkOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.#bucket,
      Key: this.#key(name),
      ResponseContentDisposition: `attachment; filename=${options.fileName}`,
    });
    return getSignedUrl(this.#client, command, { expiresIn: options.expiresIn });
  }

  close(): void {
    this.#client.destroy();
  }

  #key(name: string): string {
    return `${this.#prefix}${name}`;
  }

  async #send<T>(action: 'read' | 'write', name: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new Error(`cannot ${action} s3://${this.#bucket}/${this.#key(name)}: ${(error as Error).message}`, { cause: error });
    }
  }
}

import type { Readable } from 'node:stream';
import { parseS3Url, type S3Options } from '../../config/s3-client.js';
import { LocalReportFolder } from './local-report-folder.js';

/** A report file as stored: what the data API shows beside its download link. */
export interface StoredReportFile {
  readonly name: string;
  /** A local path or `s3://bucket/key`. */
  readonly location: string;
  readonly size: number;
  readonly lastModified: Date;
}

export interface DownloadLinkOptions {
  /** Seconds the link stays valid. */
  readonly expiresIn: number;
  /** The name the browser saves the file as. */
  readonly fileName: string;
}

/**
 * Where report files (the problem response CSVs) are kept: a local folder or an S3 prefix. Writes are atomic: a
 * reader sees the previous file or the new one, never half of one.
 */
export interface ReportFolder {
  readonly location: string;
  write(name: string, text: string): Promise<StoredReportFile>;
  /** The file, or undefined when it does not exist. */
  stat(name: string): Promise<StoredReportFile | undefined>;
  open(name: string): Promise<Readable>;
  /** A link that needs no credentials (S3 presigned); undefined when the folder cannot make one (a local folder). */
  downloadLink(name: string, options: DownloadLinkOptions): Promise<string | undefined>;
  close(): void;
}

/** A local folder (created when missing) or `s3://bucket/prefix`. */
export function openReportFolder(location: string, s3: S3Options = {}): ReportFolder {
  return location.startsWith('s3://') ? new DeferredS3ReportFolder(location, s3) : new LocalReportFolder(location);
}

/** An S3ReportFolder made on first use, so that runs without S3 do not load the AWS SDK. */
class DeferredS3ReportFolder implements ReportFolder {
  readonly location: string;
  readonly #s3: S3Options;
  #folder: Promise<ReportFolder> | undefined;

  constructor(location: string, s3: S3Options) {
    // A wrong URL fails here, as it does in S3ReportFolder's constructor.
    parseS3Url(location, 'report folder');
    this.location = location;
    this.#s3 = s3;
  }

  async write(name: string, text: string): Promise<StoredReportFile> {
    return (await this.#load()).write(name, text);
  }

  async stat(name: string): Promise<StoredReportFile | undefined> {
    return (await this.#load()).stat(name);
  }

  async open(name: string): Promise<Readable> {
    return (await this.#load()).open(name);
  }

  async downloadLink(name: string, options: DownloadLinkOptions): Promise<string | undefined> {
    return (await this.#load()).downloadLink(name, options);
  }

  close(): void {
    void this.#folder?.then(
      (folder) => folder.close(),
      () => {},
    );
  }

  #load(): Promise<ReportFolder> {
    this.#folder ??= import('./s3-report-folder.js').then(({ S3ReportFolder }) => new S3ReportFolder(this.location, this.#s3));
    return this.#folder;
  }
}

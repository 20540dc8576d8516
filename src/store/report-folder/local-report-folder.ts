import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ReportFolder, StoredReportFile } from './report-folder.js';

export class LocalReportFolder implements ReportFolder {
  readonly location: string;

  constructor(location: string) {
    this.location = path.resolve(location);
  }

  async write(name: string, text: string): Promise<StoredReportFile> {
    await mkdir(this.location, { recursive: true });
    const file = this.#path(name);
    const staging = path.join(this.location, `.${name}.${process.pid}.tmp`);
    await writeFile(staging, text, 'utf8');
    await rename(staging, file);
    return (await this.stat(name))!;
  }

  async stat(name: string): Promise<StoredReportFile | undefined> {
    const file = this.#path(name);
    try {
      const info = await stat(file);
      return info.isFile() ? { name, location: file, size: info.size, lastModified: info.mtime } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async open(name: string): Promise<Readable> {
    return createReadStream(this.#path(name));
  }

  async downloadLink(): Promise<undefined> {
    return undefined;
  }

  close(): void {}

  #path(name: string): string {
    if (name !== path.basename(name) || name.startsWith('.')) throw new Error(`invalid report file name "${name}"`);
    return path.join(this.location, name);
  }
}

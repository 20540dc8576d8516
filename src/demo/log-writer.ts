import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import zlib from 'node:zlib';
import { addDays } from '../events/interval.js';

const NEWLINE = Buffer.from('\n');
const FLUSH_BYTES = 1 << 20;

/**
 * One server group's tracking.log, rotated daily a few minutes after midnight as logrotate does: the file named for a
 * day also holds the first minutes of the next day, which is why readers widen their interval.
 */
export class RotatingLogWriter {
  readonly files: string[] = [];
  readonly #dir: string;
  readonly #rotationDelayMinutes: (day: string) => number;
  #day: string;
  #end = 0;
  #gzip: zlib.Gzip | undefined;
  #output: WriteStream | undefined;

  constructor(dir: string, firstDay: string, rotationDelayMinutes: (day: string) => number) {
    this.#dir = dir;
    this.#day = addDays(firstDay, -1);
    this.#rotationDelayMinutes = rotationDelayMinutes;
  }

  #pending: Buffer[] = [];
  #pendingBytes = 0;

  async write(time: number, line: Buffer): Promise<void> {
    while (this.#gzip === undefined || time >= this.#end) await this.#rotate();
    this.#pending.push(line, NEWLINE);
    this.#pendingBytes += line.length + 1;
    if (this.#pendingBytes >= FLUSH_BYTES) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (!this.#gzip || this.#pendingBytes === 0) return;
    const ok = this.#gzip.write(Buffer.concat(this.#pending));
    this.#pending = [];
    this.#pendingBytes = 0;
    if (!ok) await once(this.#gzip, 'drain');
  }

  /** Rotates until the file for `lastDay` is written and closed. */
  async close(lastDay: string): Promise<void> {
    while (this.#day < lastDay) await this.#rotate();
    await this.#closeCurrent();
  }

  async #rotate(): Promise<void> {
    await this.#closeCurrent();
    this.#day = addDays(this.#day, 1);
    this.#end = Date.parse(`${addDays(this.#day, 1)}T00:00:00Z`) + this.#rotationDelayMinutes(this.#day) * 60_000;
    await mkdir(this.#dir, { recursive: true });
    const name = `tracking.log-${this.#day.replaceAll('-', '')}-${Math.floor(this.#end / 1000)}.gz`;
    const file = path.join(this.#dir, name);
    this.files.push(file);
    this.#gzip = zlib.createGzip({ level: 6 });
    this.#output = createWriteStream(file);
    this.#gzip.pipe(this.#output);
  }

  async #closeCurrent(): Promise<void> {
    if (!this.#gzip || !this.#output) return;
    await this.#flush();
    const closed = once(this.#output, 'close');
    this.#gzip.end();
    await closed;
    this.#gzip = undefined;
    this.#output = undefined;
  }
}

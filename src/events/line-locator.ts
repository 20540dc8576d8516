import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { LineSample } from '../engine/engine.js';
import { isGzipStart } from './log-content.js';

/** Fills in the line numbers of sample lines by finding their text in the file (decompressed, or gzip as stored). */
export async function locateSamples(
  contentPath: string,
  samples: Record<string, LineSample[]>,
): Promise<Record<string, LineSample[]>> {
  const wanted = new Map<string, LineSample[]>();
  for (const list of Object.values(samples)) {
    for (const sample of list) if (sample.line === undefined) wanted.set(sample.text, []);
  }
  const found = new Map<string, number[]>();
  if (wanted.size > 0) {
    try {
      const lines = createInterface({ input: await contentOf(contentPath), crlfDelay: Number.POSITIVE_INFINITY });
      let number = 0;
      for await (const line of lines) {
        number += 1;
        const text = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (wanted.has(text)) (found.get(text) ?? found.set(text, []).get(text)!).push(number);
      }
    } catch {
      // Line numbers are a convenience: samples not found keep their text only.
    }
  }
  const used = new Map<string, number>();
  const located: Record<string, LineSample[]> = {};
  for (const [reason, list] of Object.entries(samples)) {
    located[reason] = list.map((sample) => {
      if (sample.line !== undefined) return sample;
      const numbers = found.get(sample.text) ?? [];
      const next = used.get(sample.text) ?? 0;
      used.set(sample.text, next + 1);
      return numbers[next] === undefined ? sample : { ...sample, line: numbers[next] };
    });
  }
  return located;
}

async function contentOf(file: string): Promise<Readable> {
  const handle = await open(file);
  const magic = Buffer.alloc(2);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const stored = createReadStream(file);
  if (!isGzipStart(magic)) return stored;
  // Only files whose gzip read to its full length get here: the stream is sound.
  const gunzip = createGunzip();
  stored.on('error', (error) => gunzip.destroy(error));
  return stored.pipe(gunzip);
}

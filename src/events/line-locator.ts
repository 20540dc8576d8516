import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LineSample } from '../engine/engine.js';

/** Fills in the line numbers of sample lines by finding their text in the decompressed file. */
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
    const lines = createInterface({ input: createReadStream(contentPath), crlfDelay: Number.POSITIVE_INFINITY });
    let number = 0;
    for await (const line of lines) {
      number += 1;
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (wanted.has(text)) (found.get(text) ?? found.set(text, []).get(text)!).push(number);
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

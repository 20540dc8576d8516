import { createReadStream } from 'node:fs';

/** The values of a file of JSON lines (one JSON text per line), read in large chunks rather than line by line. */
export async function readJsonLines<T>(file: string): Promise<T[]> {
  const values: T[] = [];
  let partial = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 22 }) as AsyncIterable<string>) {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line !== '') values.push(JSON.parse(line) as T);
  }
  if (partial !== '') values.push(JSON.parse(partial) as T);
  return values;
}

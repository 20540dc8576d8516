import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { jsonLinesFile } from '../../src/engine/duckdb/json-lines.js';
import { tempDir } from '../helpers/temp.js';

it('reads every line of a file larger than its read chunks, multi-byte characters across their edges included', async () => {
  const file = path.join(await tempDir(), 'rows.jsonl');
  // About 9 MB of rows: lines and two-, three- and four-byte characters fall across the 64 KiB chunk boundaries.
  const rows = Array.from({ length: 60_000 }, (_, index) => ({ index, text: `é€😀 ${'x'.repeat(index % 251)}`, nested: { list: [index, null] } }));
  await writeFile(file, rows.map((row) => JSON.stringify(row)).join('\n'));
  const read = jsonLinesFile(file, rows.length);
  expect([...read]).toEqual(rows);
  // Read and parsed as iterated: a second pass reads the same rows, as new objects.
  const [first] = read;
  expect([...read]).toEqual(rows);
  expect([...read][0]).not.toBe(first);
});

it('reads lines longer than a read chunk, and a last line without a line break', async () => {
  const file = path.join(await tempDir(), 'long.jsonl');
  const rows = [{ text: 'é'.repeat(150_000) }, { text: 'short' }, { text: '😀'.repeat(70_000) }, { text: 'last, with no line break' }];
  await writeFile(file, rows.map((row) => JSON.stringify(row)).join('\n'));
  expect([...jsonLinesFile(file, rows.length)]).toEqual(rows);
});

it('reads an empty file as no rows, and skips the newline at the end', async () => {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'empty.jsonl'), '');
  await writeFile(path.join(dir, 'two.jsonl'), '{"a":1}\n{"a":2}\n');
  expect([...jsonLinesFile(path.join(dir, 'empty.jsonl'), 0)]).toEqual([]);
  expect([...jsonLinesFile(path.join(dir, 'two.jsonl'), 2)]).toEqual([{ a: 1 }, { a: 2 }]);
});

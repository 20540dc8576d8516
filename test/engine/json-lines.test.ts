import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readJsonLines } from '../../src/engine/duckdb/json-lines.js';
import { tempDir } from '../helpers/temp.js';

it('reads every line of a file larger than its read chunks, multi-byte characters across their edges included', async () => {
  const file = path.join(await tempDir(), 'rows.jsonl');
  // About 9 MB of rows: lines and two-, three- and four-byte characters fall across the 4 MiB chunk boundaries.
  const rows = Array.from({ length: 60_000 }, (_, index) => ({ index, text: `é€😀 ${'x'.repeat(index % 251)}`, nested: { list: [index, null] } }));
  await writeFile(file, rows.map((row) => JSON.stringify(row)).join('\n'));
  expect(await readJsonLines(file)).toEqual(rows);
});

it('reads an empty file as no rows, and skips the newline at the end', async () => {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'empty.jsonl'), '');
  await writeFile(path.join(dir, 'two.jsonl'), '{"a":1}\n{"a":2}\n');
  expect(await readJsonLines(path.join(dir, 'empty.jsonl'))).toEqual([]);
  expect(await readJsonLines(path.join(dir, 'two.jsonl'))).toEqual([{ a: 1 }, { a: 2 }]);
});

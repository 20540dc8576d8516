import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine, ImportColumn } from '../../src/engine/engine.js';

// importRows: rows from JavaScript (the LMS tables, the course structure) as the columns' types read them.

const COLUMNS: ImportColumn[] = [
  { name: 'label', type: 'varchar' },
  { name: 'count', type: 'bigint' },
  { name: 'ratio', type: 'double' },
];

let engine: Engine;
beforeEach(async () => {
  engine = await createEngine({ dataDir: ':memory:', threads: 2 });
});
afterEach(() => engine.close());

const imported = (table: string) =>
  engine.query<{ label: string | null; count: string | null; ratio: number | null }>(
    `select label, count::varchar as count, ratio from ${table} order by rowid`,
  );

it('keeps every value as its column reads it, batch after batch', async () => {
  const rows = await engine.importRows('values_in', COLUMNS, [
    [
      { label: 'a "quoted" text, with a line\nbreak and ünïcode', count: 12, ratio: 0.5 },
      { label: null, count: undefined, ratio: null },
    ],
    [],
    [{ label: 7, count: '9007199254740993', ratio: '2.25' }],
    [{ label: 'extra keys', count: 1n, ratio: Number.NaN, ignored: { nested: [1, 2] } }],
    [{ label: true, count: -3, ratio: Number.NEGATIVE_INFINITY }],
  ]);
  expect(rows).toBe(5);
  const read = await imported('values_in');
  expect(read.slice(0, 3)).toEqual([
    { label: 'a "quoted" text, with a line\nbreak and ünïcode', count: '12', ratio: 0.5 },
    { label: null, count: null, ratio: null },
    // Beyond 2^53: the whole number arrives intact.
    { label: '7', count: '9007199254740993', ratio: 2.25 },
  ]);
  expect(read[3]!.label).toBe('extra keys');
  expect(read[3]!.count).toBe('1');
  expect(Number.isNaN(read[3]!.ratio)).toBe(true);
  expect(read[4]).toEqual({ label: 'true', count: '-3', ratio: Number.NEGATIVE_INFINITY });
});

it('refuses a value that is not a whole number for a bigint column', async () => {
  await expect(engine.importRows('bad_count', COLUMNS, [[{ label: 'x', count: 2.5, ratio: 1 }]])).rejects.toThrow(/importing rows into bad_count/);
  await expect(engine.importRows('bad_text', COLUMNS, [[{ label: 'x', count: 'twelve', ratio: 1 }]])).rejects.toThrow(/importing rows into bad_text/);
});

it('imports into a session of its own, where other sessions do not see the table', async () => {
  const session = await engine.fork();
  try {
    await session.importRows('private_rows', COLUMNS, [[{ label: 'mine', count: 1, ratio: 1 }]]);
    expect(await session.query('select label from private_rows')).toEqual([{ label: 'mine' }]);
    await expect(engine.query('select label from private_rows')).rejects.toThrow();
  } finally {
    await session.close();
  }
});

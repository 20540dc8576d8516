import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { tempDir } from '../helpers/temp.js';

// queryJson: the rows of a select, in its order and with its values.

let engine: Engine;
beforeEach(async () => {
  engine = await createEngine({ dataDir: ':memory:', threads: 4 });
});
afterEach(() => engine.close());

it('keeps the order of a sorted select', async () => {
  // Scrambled first, so that insertion order cannot pass for the sorted order.
  await engine.materialize('numbers', 'select (n * 7919) % 45007 as n from range(45007) as t(n)');
  const rows = await engine.queryJson<{ n: number; label: string }>(
    `select n, 'n' || n as label from numbers where n % 2 = 1 or n < 3 order by n desc`,
  );
  const expected = [...Array(45007).keys()].filter((n) => n % 2 === 1 || n < 3).reverse();
  expect(rows.length).toBe(expected.length);
  expect([...rows].map((row) => row.n)).toEqual(expected);
  expect([...rows][0]).toEqual({ n: 45005, label: 'n45005' });
});

it('returns typed values, JSON parsed, and no rows for an empty select', async () => {
  const [row] = await engine.queryJson(
    `select 'a"b' as text, true as flag, 9007199254740991 as big, 1.5 as ratio, null as nothing, '{"k": [1, 2]}'::json as document`,
  );
  expect(row).toEqual({ text: 'a"b', flag: true, big: 9007199254740991, ratio: 1.5, nothing: null, document: { k: [1, 2] } });
  const none = await engine.queryJson('select 1 as n where false');
  expect([...none]).toEqual([]);
  expect(none.length).toBe(0);
});

it('keeps a result file while the engine is open, none after it closes or for a failed select, and clears those of a killed run', async () => {
  const dataDir = path.join(await tempDir(), 'data');
  const onDisk = await createEngine({ dataDir });
  const scratch = path.join(dataDir, 'tmp');
  const results = async () => (await readdir(scratch)).filter((name) => name.startsWith('result-'));
  try {
    const fork = await onDisk.fork();
    const rows = await fork.queryJson('select 42 as n');
    await expect(fork.queryJson('select no_such_column')).rejects.toThrow(/no_such_column/);
    await fork.close();
    // Read when iterated: a task's rows are published after its session closed.
    expect([...rows]).toEqual([{ n: 42 }]);
    expect(await results()).toHaveLength(1);
    await writeFile(path.join(scratch, 'result-left-by-a-killed-run.jsonl'), '{"n":1}\n');
  } finally {
    await onDisk.close();
  }
  expect(await results()).toEqual(['result-left-by-a-killed-run.jsonl']);
  const reopened = await createEngine({ dataDir });
  await reopened.close();
  expect(await results()).toEqual([]);
});

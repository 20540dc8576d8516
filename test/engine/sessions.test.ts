import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';

// Sessions (forks) of one engine: they see the engine's scratch tables and the tables shared among them, keep their
// own scratch tables and event scope, and a shared table is made once for all who ask for the same one.

let engine: Engine;
beforeEach(async () => {
  engine = await createEngine({ dataDir: ':memory:' });
});
afterEach(() => engine.close());

// Each making draws a new random number: the same number read twice means the table was made once.
const drawn = 'select random() as made, $value as value';
const read = async (session: Engine) => (await session.query<{ made: number; value: number }>('select made, value from shared'))[0]!;

it('makes a shared table once for every session that asks for the same one, and again for another', async () => {
  const [first, second] = await Promise.all([engine.fork(), engine.fork()]);
  await Promise.all([first.share('shared', drawn, { value: 1 }), second.share('shared', drawn, { value: 1 })]);
  const once = await read(first);
  await first.share('shared', drawn, { value: 1 });
  expect(await read(second)).toEqual(once);
  await second.scopeEvents({ start: '2026-09-01', end: '2026-09-08' });
  await second.share('shared', drawn, { value: 1 });
  const rescoped = await read(first);
  expect(rescoped.made).not.toBe(once.made);
  await first.share('shared', drawn, { value: 2 });
  expect(await read(engine)).toMatchObject({ value: 2 });
  expect((await read(engine)).made).not.toBe(rescoped.made);
  // Asked for the first making again, it is made again rather than taken for the one that replaced it.
  await first.share('shared', drawn, { value: 1 });
  expect(await read(second)).toMatchObject({ value: 1 });
  await first.close();
  await second.close();
});

it('keeps a session\'s scratch tables its own and its event scope apart from the others\'', async () => {
  await engine.materialize('engine_input', 'select 7 as n');
  const [first, second] = await Promise.all([engine.fork(), engine.fork()]);
  await first.materialize('own', 'select n * 2 as n from engine_input');
  expect(await first.query('select n from own')).toEqual([{ n: 14 }]);
  await expect(second.query('select n from own')).rejects.toThrow(/own/);
  await first.scopeEvents({ start: '2026-09-01', end: '2026-09-08' });
  const scope = "select cast(getvariable('events_files_until') as varchar) as until";
  expect(await first.query(scope)).toEqual([{ until: '2026-09-07' }]);
  expect(await second.query(scope)).toEqual([{ until: '9999-12-31' }]);
  await first.close();
  expect(await second.query('select n from engine_input')).toEqual([{ n: 7 }]);
  await second.close();
});

it('runs one thread fewer per session computing at once, at least one, for all its sessions, and gives them back', async () => {
  const fiveThreads = await createEngine({ dataDir: ':memory:', threads: 5 });
  const fork = await fiveThreads.fork();
  const threads = async (session: Engine) => Number((await session.query<{ threads: bigint }>(`select current_setting('threads') as threads`))[0]!.threads);
  try {
    await fiveThreads.computeAtOnce(2);
    expect(await threads(fork)).toBe(3);
    await fiveThreads.computeAtOnce(8);
    expect(await threads(fiveThreads)).toBe(1);
    await fork.computeAtOnce(1);
    expect(await threads(fiveThreads)).toBe(5);
    await fork.computeAtOnce(3);
    await fiveThreads.computeAtOnce(0);
    expect(await threads(fork)).toBe(5);
  } finally {
    await fork.close();
    await fiveThreads.close();
  }
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { runTasks, type ReportsPublisher } from '../../src/reports/runner/run-tasks.js';
import type { ReportTask, TaskOutput } from '../../src/reports/runner/task.js';

// Tasks run side by side, each in an engine session of its own that sees the run's shared inputs; publishes take
// turns, a task that requires another starts after it, and the outcomes come back in task order.

let engine: Engine;
beforeEach(async () => {
  engine = await createEngine({ dataDir: ':memory:' });
});
afterEach(() => engine.close());

const params = { interval: { start: '2026-09-01', end: '2026-09-02' }, endDate: '2026-09-02', weeks: 1, date: '2026-09-02' };

function task(name: string, compute: ReportTask['compute'], requires?: string[]): ReportTask {
  return {
    name,
    description: name,
    inputs: {},
    ...(requires ? { requires } : {}),
    sqlFiles: [],
    moduleUrl: import.meta.url,
    significantParams: () => ({}),
    outputs: () => [name],
    compute,
  };
}

function recordingPublisher(log: string[]): ReportsPublisher {
  let publishing = 0;
  return {
    readMarker: async () => undefined,
    publish: async (outputs: readonly TaskOutput[]) => {
      publishing += 1;
      log.push(`publish ${outputs[0]?.table ?? 'nothing'} (${publishing} at once)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      publishing -= 1;
    },
  };
}

it('computes two tasks at once, in sessions that share the inputs but not their scratch tables', async () => {
  await engine.importRows('run_input', [{ name: 'n', type: 'bigint' }], [[{ n: 41 }]]);
  let release: () => void = () => {};
  const secondStarted = new Promise<void>((resolve) => {
    release = resolve;
  });
  const log: string[] = [];
  const first = task('first', async ({ engine: session }) => {
    await session.materialize('mine', 'select n + 1 as n from run_input');
    // Sequential tasks would never get here: the second task must start while this one is still computing.
    await secondStarted;
    const [row] = await session.query<{ n: bigint }>('select n from mine');
    return [{ table: 'first', rows: [{ n: Number(row!.n) }] }];
  });
  const second = task('second', async ({ engine: session }) => {
    release();
    await expect(session.query('select * from mine')).rejects.toThrow(/mine/);
    const [row] = await session.query<{ n: bigint }>('select n from run_input');
    return [{ table: 'second', rows: [{ n: Number(row!.n) }] }];
  });
  const report = await runTasks({ tasks: [first, second], params, engine, publisher: recordingPublisher(log), events: { dataDir: '/nonexistent' } });
  expect(report.outcomes.map((outcome) => [outcome.task, outcome.status, outcome.rows])).toEqual([
    ['first', 'ran', { first: 1 }],
    ['second', 'ran', { second: 1 }],
  ]);
  expect(log).toHaveLength(2);
  expect(log.every((line) => line.endsWith('(1 at once)'))).toBe(true);
  // The engine itself is still open and usable after its sessions closed.
  expect(await engine.query('select 1 as one')).toEqual([{ one: 1 }]);
});

it('starts a task after the tasks it requires, and keeps the outcomes in task order', async () => {
  const order: string[] = [];
  const slow = task('slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push('slow done');
    return [];
  });
  const fast = task('fast', async () => {
    order.push('fast done');
    return [];
  });
  const dependent = task('dependent', async () => {
    order.push('dependent started');
    return [];
  }, ['slow']);
  const report = await runTasks({ tasks: [slow, fast, dependent], params, engine, publisher: recordingPublisher([]), events: { dataDir: '/nonexistent' } });
  expect(order.indexOf('dependent started')).toBeGreaterThan(order.indexOf('slow done'));
  expect(order[0]).toBe('fast done');
  expect(report.outcomes.map((outcome) => outcome.task)).toEqual(['slow', 'fast', 'dependent']);
});

it('blocks a task whose required task failed', async () => {
  const failing = task('failing', async () => {
    throw new Error('the LMS went away');
  });
  const dependent = task('dependent', async () => [{ table: 'dependent', rows: [] }], ['failing']);
  const report = await runTasks({ tasks: [failing, dependent], params, engine, publisher: recordingPublisher([]), events: { dataDir: '/nonexistent' } });
  expect(report.outcomes.map((outcome) => [outcome.task, outcome.status, outcome.reason])).toEqual([
    ['failing', 'failed', 'the LMS went away'],
    ['dependent', 'blocked-by-upstream', 'the task it requires did not publish: failing'],
  ]);
});

it('frees a task\'s place once it has computed, so that others compute while it waits to publish', async () => {
  let thirdComputed: () => void = () => {};
  const third = new Promise<void>((resolve) => {
    thirdComputed = resolve;
  });
  const published: string[] = [];
  const publisher: ReportsPublisher = {
    readMarker: async () => undefined,
    publish: async (outputs) => {
      // The first publish waits for the third task to have computed: with places held until published, it never would.
      if (published.length === 0) await third;
      published.push(outputs[0]!.table);
    },
  };
  const quick = (name: string, after?: () => void) =>
    task(name, async () => {
      after?.();
      return [{ table: name, rows: [] }];
    });
  const report = await runTasks({ tasks: [quick('one'), quick('two'), quick('three', () => thirdComputed())], params, engine, publisher, events: { dataDir: '/nonexistent' } });
  expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['ran', 'ran', 'ran']);
  // Publishes take turns in the order the tasks finished computing.
  expect([...published].sort()).toEqual(['one', 'three', 'two']);
});

it('runs the engine on fewer threads while tasks compute side by side, and on all of them for a task alone', async () => {
  const fourThreads = await createEngine({ dataDir: ':memory:', threads: 4 });
  const threads = async (session: Engine) => Number((await session.query<{ n: bigint }>(`select current_setting('threads') as n`))[0]!.n);
  const seen = (name: string) => task(name, async ({ engine: session }) => [{ table: name, rows: [{ threads: await threads(session) }] }]);
  const run = async (tasks: ReportTask[]) => {
    const outputs: TaskOutput[] = [];
    const publisher: ReportsPublisher = { readMarker: async () => undefined, publish: async (published) => void outputs.push(...published) };
    await runTasks({ tasks, params, engine: fourThreads, publisher, events: { dataDir: '/nonexistent' } });
    return outputs.flatMap((output) => [...output.rows]);
  };
  try {
    expect(await run([seen('one'), seen('two')])).toEqual([{ threads: 2 }, { threads: 2 }]);
    expect(await threads(fourThreads)).toBe(4);
    expect(await run([seen('alone')])).toEqual([{ threads: 4 }]);
  } finally {
    await fourThreads.close();
  }
});

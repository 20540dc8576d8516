import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { loadEvents } from '../../src/events/event-loader.js';
import { parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import type { LogSource } from '../../src/events/log-source.js';
import { trackingLine, writeLogs } from '../helpers/load.js';
import { tempDir } from '../helpers/temp.js';

const day = (date: string, sessions: string[]) =>
  sessions.map((session) => trackingLine({ session, time: `${date}T12:00:00+00:00` })).join('\n');

describe('the events table', () => {
  let dir: string;
  let engine: Engine;
  let source: LogSource;
  const counts = async () =>
    Object.fromEntries(
      (await engine.query<{ day: string; n: bigint }>(`select strftime(date, '%Y-%m-%d') as day, count(*) as n from events group by 1 order by 1`)).map(
        (row) => [row.day, Number(row.n)],
      ),
    );

  beforeAll(async () => {
    dir = await tempDir();
    await writeLogs(path.join(dir, 'logs'), {
      'a/tracking.log-20140502.gz': day('2014-05-02', ['a', 'b', 'c']),
      'a/tracking.log-20140503.gz': day('2014-05-03', ['d', 'e']),
    });
    engine = await createEngine({ dataDir: path.join(dir, 'data') });
    source = await openLogSource(path.join(dir, 'logs'));
    await loadEvents(source, engine, { interval: parseInterval('2014-05-02-2014-05-04'), dataDir: dir });
  });
  afterAll(() => engine.close());

  it('holds each day once, and a re-load replaces a day instead of adding to it', async () => {
    expect(await counts()).toEqual({ '2014-05-02': 3, '2014-05-03': 2 });
    await writeLogs(path.join(dir, 'logs'), { 'a/tracking.log-20140503.gz': day('2014-05-03', ['d', 'e', 'f', 'g']) });
    await loadEvents(source, engine, { interval: parseInterval('2014-05-03'), dataDir: dir });
    expect(await counts()).toEqual({ '2014-05-02': 3, '2014-05-03': 4 });
    const [recorded] = await engine.query<{ events: bigint }>(`select events from event_days where date = '2014-05-03'`);
    expect(recorded?.events).toBe(4n);
  });

  it('leaves the previous events intact when a load fails before it commits', async () => {
    await writeLogs(path.join(dir, 'logs'), { 'a/tracking.log-20140502.gz': day('2014-05-02', ['x']) });
    const failingIngest: Engine['ingestEvents'] = (files, options) =>
      engine.ingestEvents(files, {
        ...options,
        keep: {
          ...options.keep!,
          days: () => {
            throw new Error('killed while publishing');
          },
        },
      });
    const failing = new Proxy(engine, {
      get: (target, property) => {
        if (property === 'ingestEvents') return failingIngest;
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(loadEvents(source, failing, { interval: parseInterval('2014-05-02'), dataDir: dir })).rejects.toThrow(/killed while publishing/);
    expect(await counts()).toEqual({ '2014-05-02': 3, '2014-05-03': 4 });
    const [rows] = await engine.query<{ n: bigint }>('select count(*) as n from event_rows');
    expect(rows?.n).toBe(7n);
  });
});

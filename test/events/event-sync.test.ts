import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { loadEvents } from '../../src/events/event-loader.js';
import { expandInterval, parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { trackingLine, writeLogs } from '../helpers/load.js';
import { tempDir } from '../helpers/temp.js';

// What the events table holds follows the source, whatever was read before.

const at = (time: string, session: string, fields: Record<string, unknown> = {}) => trackingLine({ session, time, ...fields });
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

async function setUp(files: Record<string, string>) {
  const dir = await tempDir();
  await writeLogs(path.join(dir, 'logs'), files);
  const engine = await createEngine({ dataDir: path.join(dir, 'data') });
  engines.push(engine);
  const sessions = async () =>
    (await engine.query<{ session: string }>('select session from events order by session')).map((row) => row.session);
  return { dir, engine, sessions };
}

describe('syncing the events table with its source', () => {
  it('drops the events of a file that vanished, and keeps the other copy of a line two server groups both logged', async () => {
    const shared = at('2014-05-02T10:00:00Z', 'shared');
    const { dir, engine, sessions } = await setUp({
      'a/tracking.log-20140502.gz': [shared, at('2014-05-02T11:00:00Z', 'only-a')].join('\n'),
      'b/tracking.log-20140502.gz': [shared, at('2014-05-02T12:00:00Z', 'only-b')].join('\n'),
    });
    const interval = parseInterval('2014-05-02');
    const first = await loadEvents(await openLogSource(path.join(dir, 'logs')), engine, { interval, dataDir: dir });
    expect(first.totals.dropped).toEqual({ duplicate: 1 });
    expect(await sessions()).toEqual(['only-a', 'only-b', 'shared']);
    await rm(path.join(dir, 'logs', 'a'), { recursive: true });
    const second = await loadEvents(await openLogSource(path.join(dir, 'logs')), engine, { interval, dataDir: dir });
    expect(second.droppedFiles).toEqual([path.join(dir, 'logs', 'a', 'tracking.log-20140502.gz')]);
    expect(second.files).toEqual([]);
    expect(await sessions()).toEqual(['only-b', 'shared']);
  });

  it('replaces the events of a single-file source when another file is given', async () => {
    const { dir, engine, sessions } = await setUp({
      'one.log': at('2014-05-02T10:00:00Z', 'from-one'),
      'two.log': at('2014-05-02T10:00:00Z', 'from-two'),
    });
    const interval = parseInterval('2014-05-02');
    await loadEvents(await openLogSource(path.join(dir, 'logs', 'one.log')), engine, { interval, dataDir: dir });
    expect(await sessions()).toEqual(['from-one']);
    await loadEvents(await openLogSource(path.join(dir, 'logs', 'two.log')), engine, { interval, dataDir: dir });
    expect(await sessions()).toEqual(['from-two']);
  });

  it('shows a report only the files named in its window, so earlier runs over other days change nothing', async () => {
    const { dir, engine, sessions } = await setUp({
      'a/tracking.log-20240105.gz': at('2024-01-05T10:00:00Z', 'on-time'),
      // A file named weeks later holding an event of 2024-01-05 (a clock or a sync gone wrong).
      'a/tracking.log-20240120.gz': at('2024-01-05T11:00:00Z', 'stamped-early'),
    });
    const source = await openLogSource(path.join(dir, 'logs'));
    const early = parseInterval('2024-01-01-2024-01-10');
    await loadEvents(source, engine, { interval: early, dataDir: dir });
    await engine.scopeEvents(expandInterval(early, 2));
    const before = await sessions();
    await engine.scopeEvents(undefined);
    await loadEvents(source, engine, { interval: parseInterval('2024-01-15-2024-01-25'), dataDir: dir });
    await engine.scopeEvents(expandInterval(early, 2));
    expect(await sessions()).toEqual(before);
    expect(before).toEqual(['on-time']);
    await engine.scopeEvents(undefined);
    expect(await sessions()).toEqual(['on-time', 'stamped-early']);
  });

  it('reads everything again when the held events were parsed by another version', async () => {
    const { dir, engine } = await setUp({ 'a/tracking.log-20140502.gz': at('2014-05-02T10:00:00Z', 'x') });
    const interval = parseInterval('2014-05-02');
    await loadEvents(await openLogSource(path.join(dir, 'logs')), engine, { interval, dataDir: dir });
    await engine.run(`update event_settings set value = 'an older parser' where name = 'parser_version'`);
    await engine.close();
    engines.pop();
    const reopened = await createEngine({ dataDir: path.join(dir, 'data') });
    engines.push(reopened);
    expect(await reopened.heldFiles()).toEqual([]);
    const again = await loadEvents(await openLogSource(path.join(dir, 'logs')), reopened, { interval, dataDir: dir });
    expect(again.files).toHaveLength(1);
    expect(again.days[0]).toMatchObject({ date: '2014-05-02', events: 1, reason: 'new' });
  });

  it('gives the same events and days when read in batches of one file each, a duplicate line across batches counted once', async () => {
    const shared = at('2014-05-03T09:00:00Z', 'shared');
    const files = {
      'a/tracking.log-20140502.gz': [at('2014-05-02T10:00:00Z', 'a1'), shared].join('\n'),
      'a/tracking.log-20140503.gz': [at('2014-05-03T10:00:00Z', 'a2'), at('2014-05-04T00:30:00Z', 'late')].join('\n'),
      'b/tracking.log-20140503.gz': [shared, at('2014-05-03T11:00:00Z', 'b1')].join('\n'),
    };
    const whole = await setUp(files);
    const batched = await setUp(files);
    const interval = parseInterval('2014-05-02-2014-05-05');
    const one = await loadEvents(await openLogSource(path.join(whole.dir, 'logs')), whole.engine, { interval, dataDir: whole.dir });
    const many = await loadEvents(await openLogSource(path.join(batched.dir, 'logs')), batched.engine, { interval, dataDir: batched.dir, batchBytes: 1 });
    expect(many.files).toHaveLength(3);
    expect(await batched.sessions()).toEqual(await whole.sessions());
    expect(await batched.sessions()).toEqual(['a1', 'a2', 'b1', 'late', 'shared']);
    expect(many.days.map(({ date, events, fingerprint }) => [date, events, fingerprint])).toEqual(one.days.map(({ date, events, fingerprint }) => [date, events, fingerprint]));
    expect((await batched.engine.eventDays(interval)).map((day) => [day.date, day.events])).toEqual([
      ['2014-05-02', 1],
      ['2014-05-03', 3],
      ['2014-05-04', 1],
    ]);
  });
});

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { loadEvents } from '../../src/events/event-loader.js';
import { parseInterval } from '../../src/events/interval.js';
import type { LogSource } from '../../src/events/log-source.js';
import { openLogSource } from '../../src/events/open-source.js';
import { trackingLine, writeLogs } from '../helpers/load.js';
import { tempDir } from '../helpers/temp.js';

// A file that vanishes between the listing and its reading is reported; the others are loaded, and the days it could
// hold stay incomplete, so the next run reads it.

const day = (date: string, sessions: string[]) => sessions.map((session) => trackingLine({ session, time: `${date}T12:00:00+00:00` })).join('\n');
let dir: string;
let engine: Engine;
afterAll(() => engine?.close());

beforeAll(async () => {
  dir = await tempDir();
  await writeLogs(path.join(dir, 'logs'), {
    'a/tracking.log-20140502.gz': day('2014-05-02', ['a', 'b']),
    'a/tracking.log-20140510.gz': day('2014-05-10', ['c']),
  });
  engine = await createEngine({ dataDir: path.join(dir, 'data') });
});

it('reports a file it cannot read, loads the rest, and reads it on the next run', async () => {
  const real = await openLogSource(path.join(dir, 'logs'));
  const flaky: LogSource = {
    uri: real.uri,
    list: () => real.list(),
    localPath: (file) => real.localPath(file),
    open: async (file) => {
      if (file.relativePath.endsWith('20140502.gz')) throw new Error(`ENOENT: no such file, open '${file.uri}'`);
      return real.open(file);
    },
  };
  const interval = parseInterval('2014-05-01-2014-05-12');
  const first = await loadEvents(flaky, engine, { interval, dataDir: dir });
  expect(first.unreadable.map((entry) => [entry.file.relativePath, entry.error])).toEqual([
    ['a/tracking.log-20140502.gz', expect.stringMatching(/ENOENT/)],
  ]);
  expect(first.totals.events).toBe(1);
  const recorded = (await engine.eventDays(interval)).map((entry) => entry.date);
  expect(recorded).not.toContain('2014-05-02');
  expect(recorded).toContain('2014-05-10');

  const second = await loadEvents(real, engine, { interval, dataDir: dir });
  expect(second.files.map((file) => file.file.relativePath)).toEqual(['a/tracking.log-20140502.gz']);
  expect(second.days.find((entry) => entry.date === '2014-05-02')).toMatchObject({ events: 2, reason: 'new' });
  expect((await engine.eventDays(interval)).map((entry) => entry.date)).toHaveLength(11);
});

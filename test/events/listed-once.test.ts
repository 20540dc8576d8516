import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { listedOnce, type LogFile, type LogSource } from '../../src/events/log-source.js';

it('lists the source once however often it is asked, and reads through it', async () => {
  const file: LogFile = { uri: '/logs/a/tracking.log', relativePath: 'a/tracking.log', group: 'a', size: 3 };
  let listings = 0;
  const source: LogSource = {
    uri: '/logs',
    list: async () => (listings++, [file]),
    open: async () => Readable.from(['abc']),
    localPath: (asked) => asked.uri,
  };
  const once = listedOnce(source);
  const [first, second] = await Promise.all([once.list(), once.list()]);
  expect(await once.list()).toBe(first);
  expect(second).toBe(first);
  expect(listings).toBe(1);
  expect(once.uri).toBe('/logs');
  expect(once.localPath(file)).toBe('/logs/a/tracking.log');
  expect((await (await once.open(file)).toArray()).join('')).toBe('abc');
});

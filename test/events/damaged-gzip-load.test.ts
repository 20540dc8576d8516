import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import type { LoadReport } from '../../src/events/event-loader.js';
import { loadInto, trackingLine } from '../helpers/load.js';
import { tempDir } from '../helpers/temp.js';

// Loading hands gzip files to the engine as stored, and the engine's gzip reader does not notice a truncated or
// corrupt stream: every file whose lines do not add up to its trailer's length is read again through zlib, which
// reports the damage and salvages the readable part. Sound files of every shape stay on the fast path.

const LINES = 4000;
const lines = (prefix: string, count = LINES) =>
  Array.from({ length: count }, (_, index) => trackingLine({ session: `${prefix}-${index}`, time: `2014-05-02T12:${String(index % 60).padStart(2, '0')}:00+00:00` }));
const whole = (prefix: string) => `${lines(prefix).join('\n')}\n`;

const healthy = gzipSync(whole('healthy'));
const truncated = gzipSync(whole('truncated')).subarray(0, Math.floor(gzipSync(whole('truncated')).length * 0.6));
const corrupt = Buffer.from(gzipSync(whole('corrupt')));
corrupt.fill(0x55, Math.floor(corrupt.length / 2), Math.floor(corrupt.length / 2) + 64);
const twoMembers = Buffer.concat([gzipSync(whole('first-member')), gzipSync(whole('second-member'))]);
// CRLF line breaks, blank and comment lines, and no line break after the last line.
const odd = gzipSync(['# a comment', '', trackingLine({ session: 'odd-1' }), '   ', trackingLine({ session: 'odd-2' })].join('\r\n'));

/** The complete lines of a damaged stream's readable part, decompressed independently of Lantern. */
function readableLines(stored: Buffer): number {
  const content = gunzipSync(stored, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  return content.split('\n').length - 1;
}

let engine: Engine;
let report: LoadReport;
afterAll(() => engine?.close());

beforeAll(async () => {
  const dir = await tempDir();
  const logs = path.join(dir, 'logs', 'a');
  await mkdir(logs, { recursive: true });
  const files: Record<string, Buffer> = {
    'tracking.log-20140501.gz': healthy,
    'tracking.log-20140502.gz': truncated,
    'tracking.log-20140503.gz': corrupt,
    'tracking.log-20140504.gz': twoMembers,
    'tracking.log-20140505.gz': odd,
    'tracking.log-20140506': Buffer.from(whole('plain')),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(logs, name), bytes);
  ({ engine, report } = await loadInto(path.join(dir, 'logs'), '2014-05-01-2014-05-08', dir));
});

const outcome = (day: string) => report.files.find((file) => file.file.relativePath.includes(day))!;

it('keeps every line of sound files, whatever their shape', () => {
  expect(outcome('20140501')).toMatchObject({ lines: LINES, events: LINES, dropped: {} });
  expect(outcome('20140501').damage).toBeUndefined();
  expect(outcome('20140504')).toMatchObject({ lines: 2 * LINES, events: 2 * LINES, dropped: {} });
  expect(outcome('20140505')).toMatchObject({ lines: 2, events: 2, dropped: {} });
  expect(outcome('20140506')).toMatchObject({ lines: LINES, events: LINES, dropped: {} });
});

it('reports a truncated gzip and keeps the lines before the damage', () => {
  const file = outcome('20140502');
  expect(file.damage).toMatch(/truncated gzip/);
  const complete = readableLines(truncated);
  expect(complete).toBeGreaterThan(LINES / 4);
  expect(file.events).toBe(complete);
  // The partial line the damage cut off is counted and dropped, not lost.
  expect(file.lines - file.events).toBeLessThanOrEqual(1);
});

it('reports a corrupt gzip instead of silently keeping part of it', () => {
  const file = outcome('20140503');
  expect(file.damage).toMatch(/corrupt gzip/);
  expect(file.events).toBeLessThan(LINES);
  expect(file.lines).toBe(file.events + Object.values(file.dropped).reduce((sum, count) => sum + count, 0));
});

it('holds exactly the events the report counts', async () => {
  const [row] = await engine.query<{ events: bigint }>('select count(*) as events from events');
  expect(Number(row!.events)).toBe(report.totals.events + report.totals.outsideInterval);
  expect(report.totals.events).toBe(4 * LINES + 2 + outcome('20140502').events + outcome('20140503').events);
});

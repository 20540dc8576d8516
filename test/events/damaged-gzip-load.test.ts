import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import type { LoadReport } from '../../src/events/event-loader.js';
import { loadInto, trackingLine } from '../helpers/load.js';
import { tempDir } from '../helpers/temp.js';

// Loading hands gzip files to the engine as stored, and the engine's gzip reader does not notice a truncated or
// corrupt stream: zlib checks each stream first (a damaged one is decompressed by Lantern, which reports the damage and
// salvages the readable part), and a file the engine reads to another length, or cannot read, is read again through
// zlib. Whatever the path, every line is counted once.

const LINES = 4000;
const lines = (prefix: string, count = LINES) =>
  Array.from({ length: count }, (_, index) => trackingLine({ session: `${prefix}-${index}`, time: `2014-05-02T12:${String(index % 60).padStart(2, '0')}:00+00:00` }));
const whole = (prefix: string) => `${lines(prefix).join('\n')}\n`;

const healthy = gzipSync(whole('healthy'));
const truncated = gzipSync(whole('truncated')).subarray(0, Math.floor(gzipSync(whole('truncated')).length * 0.6));
const corrupt = Buffer.from(gzipSync(whole('corrupt')));
corrupt.fill(0x55, Math.floor(corrupt.length / 2), Math.floor(corrupt.length / 2) + 64);
const twoMembers = Buffer.concat([gzipSync(whole('first-member')), gzipSync(whole('second-member'))]);
// One flipped bit inside the compressed data: often the same length, but not the same CRC.
const flipped = Buffer.from(gzipSync(whole('flipped')));
flipped[Math.floor(flipped.length * 0.7)]! ^= 0x04;
// Zero bytes after the stream (a block-padded copy): zlib reads past them, DuckDB's reader fails on them.
const padded = Buffer.concat([gzipSync(whole('padded')), Buffer.alloc(512)]);
// A header comment (FCOMMENT), which DuckDB's reader refuses.
const commented = (() => {
  const plain = gzipSync(whole('commented'));
  const header = Buffer.from(plain.subarray(0, 10));
  header[3]! |= 0x10;
  return Buffer.concat([header, Buffer.from('rotated by logrotate\0'), plain.subarray(10)]);
})();
// Only a gzip header: nothing readable.
const headerOnly = gzipSync(whole('header-only')).subarray(0, 10);
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
    'tracking.log-20140507.gz': flipped,
    'tracking.log-20140508.gz': padded,
    'tracking.log-20140509.gz': commented,
    'tracking.log-20140510.gz': headerOnly,
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(logs, name), bytes);
  ({ engine, report } = await loadInto(path.join(dir, 'logs'), '2014-05-01-2014-05-12', dir));
});

const outcome = (day: string) => report.files.find((file) => file.file.relativePath.includes(day))!;

it('keeps every line of sound files, whatever their shape', () => {
  expect(outcome('20140501')).toMatchObject({ lines: LINES, events: LINES, dropped: {} });
  expect(outcome('20140501').damage).toBeUndefined();
  expect(outcome('20140504')).toMatchObject({ lines: 2 * LINES, events: 2 * LINES, dropped: {} });
  expect(outcome('20140505')).toMatchObject({ lines: 2, events: 2, dropped: {} });
  expect(outcome('20140506')).toMatchObject({ lines: LINES, events: LINES, dropped: {} });
  for (const day of ['20140508', '20140509']) {
    expect(outcome(day)).toMatchObject({ lines: LINES, events: LINES, dropped: {} });
    expect(outcome(day).damage).toBeUndefined();
  }
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

it('reports a stream whose CRC does not match, even when it keeps its length', () => {
  expect(outcome('20140507').damage).toMatch(/corrupt gzip/);
  expect(outcome('20140507').events).toBeLessThan(LINES);
});

it('reports a file that holds nothing but a gzip header', () => {
  expect(outcome('20140510')).toMatchObject({ lines: 0, events: 0 });
  expect(outcome('20140510').damage).toMatch(/truncated gzip/);
});

it('holds exactly the events the report counts', async () => {
  const [row] = await engine.query<{ events: bigint }>('select count(*) as events from events');
  expect(Number(row!.events)).toBe(report.totals.events + report.totals.outsideInterval);
  const damaged = ['20140502', '20140503', '20140507'].map((day) => outcome(day).events);
  expect(report.totals.events).toBe(6 * LINES + 2 + damaged.reduce((sum, events) => sum + events, 0));
});

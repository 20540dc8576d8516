import type { Random } from './random.js';
import type { TrackingLogEvent } from './tracking-events.js';

/**
 * The kinds of damaged or unusual lines real tracking logs hold, and what the parser should make of each. Extra lines
 * are added next to real events, so the events themselves are never lost.
 */
export const BAD_LINE_KINDS = {
  truncated: 'invalid_json',
  garbage: 'invalid_json',
  missing_time: 'missing_time',
  invalid_time: 'invalid_time',
  missing_event_type: 'missing_event_type',
  invalid_encoding: 'invalid_encoding',
  duplicate: 'duplicate',
  syslog_prefix: null,
  blank: null,
  comment: null,
} as const;

export type BadLineKind = keyof typeof BAD_LINE_KINDS;

const GARBAGE = [
  'Traceback (most recent call last):',
  'GET /heartbeat HTTP/1.1 200',
  '[Errno 28] No space left on device',
  'null',
];

/** An extra line to write after `line` (the JSON of `event`); `null` kinds are skipped or tolerated by the parser. */
export function badLineFor(random: Random, kind: BadLineKind, event: TrackingLogEvent, line: string): Buffer {
  switch (kind) {
    case 'truncated':
      return Buffer.from(line.slice(0, random.int(1, line.length - 2)));
    case 'garbage':
      return Buffer.from(random.pick(GARBAGE));
    case 'missing_time': {
      const { time: _time, ...rest } = event;
      return Buffer.from(JSON.stringify({ ...rest, session: `${rest.session}-x` }));
    }
    case 'invalid_time':
      return Buffer.from(JSON.stringify({ ...event, time: 'yesterday at noon' }));
    case 'missing_event_type': {
      const { event_type: _type, ...rest } = event;
      return Buffer.from(JSON.stringify(rest));
    }
    case 'invalid_encoding':
      return Buffer.concat([Buffer.from('{"username": "'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('", "time": "2020-01-01"}')]);
    case 'duplicate':
      return Buffer.from(line);
    case 'syslog_prefix':
      return Buffer.from(`Nov 29 10:00:00 app-1 tracking: ${JSON.stringify({ ...event, session: `${event.session as string}-relay` })}`);
    case 'blank':
      return Buffer.from('   ');
    case 'comment':
      return Buffer.from('# rotated by logrotate');
  }
}

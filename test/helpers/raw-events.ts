import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A tracking-log line as JSON.parse gives it, with the fields the tests compute expectations from. */
export interface RawEvent {
  time: string;
  username?: string;
  event_type: string;
  event_source?: string;
  ip?: string;
  context?: { user_id?: number; course_id?: string };
  event?: unknown;
}

/**
 * Every well-formed event of a generated site's gzipped logs (`logs/<group>/<file>`), read in plain TypeScript so
 * that tests compute their expectations independently of the engine's parser. Bad lines are left out: the parser's
 * own tests cover those.
 */
export async function readRawEvents(logs: string): Promise<RawEvent[]> {
  const events: RawEvent[] = [];
  for (const group of await readdir(logs)) {
    for (const name of await readdir(path.join(logs, group))) {
      for (const line of gunzipSync(await readFile(path.join(logs, group, name))).toString('utf8').split('\n')) {
        try {
          const event = JSON.parse(line) as RawEvent;
          if (typeof event.time === 'string' && typeof event.event_type === 'string' && !Number.isNaN(Date.parse(event.time))) events.push(event);
        } catch {
          // a bad line
        }
      }
    }
  }
  return events;
}

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { loadEvents, type LoadReport } from '../../src/events/event-loader.js';
import { parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';

/** Writes files (gzipped when the name ends .gz) under `dir`. */
export async function writeLogs(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), { recursive: true });
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    await writeFile(target, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
  }
}

/** Loads a source into a fresh in-memory engine. */
export async function loadInto(source: string, interval: string, dataDir: string): Promise<{ engine: Engine; report: LoadReport }> {
  const engine = await createEngine({ dataDir: ':memory:' });
  const report = await loadEvents(await openLogSource(source), engine, { interval: parseInterval(interval), dataDir });
  return { engine, report };
}

/** A tracking-log line in the edX format, with overridable fields. */
export function trackingLine(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    username: 'learner',
    event_type: 'play_video',
    event_source: 'browser',
    ip: '31.13.64.10',
    agent: 'Mozilla/5.0',
    host: 'lms.example.com',
    session: 'abc',
    page: null,
    time: '2014-05-02T16:44:35.901775+00:00',
    context: { user_id: 7, course_id: 'edX/DemoX/Demo_Course', org_id: 'edX', path: '/event' },
    event: '{"id": "v1", "currentTime": 0}',
    ...fields,
  });
}

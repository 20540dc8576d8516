import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { openLogSource } from '../../src/events/open-source.js';
import { addDays, daysOf, parseInterval } from '../../src/events/interval.js';
import { engagementTask } from '../../src/reports/engagement/engagement-task.js';
import { engagementTimeline } from '../../src/api/queries/engagement-timeline.js';
import { runTasks, type RunReport } from '../../src/reports/runner/run-tasks.js';
import { storePublisher } from '../../src/reports/runner/store-publisher.js';
import type { RunParams } from '../../src/reports/runner/task.js';
import { openStore } from '../../src/store/open-store.js';
import { asComparableRows, expectedRows } from '../helpers/expected-rows.js';
import { placeConformanceLog, storeRows } from '../helpers/pipeline.js';
import { readRawEvents, type RawEvent } from '../helpers/raw-events.js';
import { tempDir } from '../helpers/temp.js';

// The engagement task against the legacy acceptance fixture (../shared/conformance), then against a generated site
// whose expected counts and ranges are computed here from the raw log lines, in plain TypeScript.

const storeUrl = (dir: string) => `sqlite:${path.join(dir, 'reports.sqlite')}`;

/** Runs the engagement task alone, as `lantern run engagement` would: logs in `dir/logs`, reports in `dir/reports.sqlite`. */
async function runEngagement(dir: string, params: RunParams): Promise<RunReport> {
  const store = await openStore(storeUrl(dir), { migrate: true });
  try {
    const dataDir = path.join(dir, 'data');
    const engine = await createEngine({ dataDir });
    try {
      return await runTasks({
        tasks: [engagementTask],
        params,
        engine,
        publisher: storePublisher(store),
        source: await openLogSource(path.join(dir, 'logs')),
        events: { dataDir },
      });
    } finally {
      await engine.close();
    }
  } finally {
    await store.close();
  }
}

const runParams = (interval: string, date: string): RunParams => ({ interval: parseInterval(interval), endDate: date, weeks: 1, date });

/** Numbers compared by value: the legacy CSV writes 0 and 0.0 (and 6.0 for 6) as Python printed them. */
const byValue = (cell: string | null) => (cell === null ? null : String(Number(cell)));

describe('module engagement (ModuleEngagementWorkflowTask --date 2015-04-17)', () => {
  let dir: string;
  let report: RunReport;

  beforeAll(async () => {
    dir = await tempDir();
    for (const day of daysOf({ start: '2015-04-02', end: '2015-04-17' })) {
      const fixture = day === '2015-04-13' || day === '2015-04-16'
        ? `module_engagement_acceptance_tracking_${day.replaceAll('-', '')}.log`
        : 'module_engagement_acceptance_empty.log';
      await placeConformanceLog(dir, fixture, `tracking.log-${day.replaceAll('-', '')}.gz`);
    }
    report = await runEngagement(dir, runParams('2015-04-02-2015-04-17', '2015-04-17'));
  });

  it('runs and publishes both tables', () => {
    expect(report.outcomes).toMatchObject([
      { task: 'engagement', status: 'ran', rows: { module_engagement: 17, module_engagement_metric_ranges: 34 } },
    ]);
  });

  it('reproduces module_engagement', async () => {
    const expected = expectedRows('module_engagement.csv');
    expect(asComparableRows(await storeRows(dir, 'module_engagement'), expected.columns)).toEqual(expected.rows);
  });

  it('reproduces module_engagement_metric_ranges (NULL for infinity)', async () => {
    const expected = expectedRows('module_engagement_metric_ranges.csv');
    const floats = ['low_value', 'high_value'].map((column) => expected.columns.indexOf(column));
    const normalized = (rows: (string | null)[][]) =>
      rows.map((row) => row.map((cell, index) => (floats.includes(index) ? byValue(cell) : cell))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(normalized(asComparableRows(await storeRows(dir, 'module_engagement_metric_ranges'), expected.columns))).toEqual(normalized(expected.rows));
  });

  it('is up to date on a second run with the same inputs', async () => {
    const again = await runEngagement(dir, runParams('2015-04-02-2015-04-17', '2015-04-17'));
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(['up-to-date']);
  });

  it("serves a learner's engagement timeline with the gap days as zeros", async () => {
    const store = await openStore(storeUrl(dir));
    try {
      expect(await engagementTimeline(store.db, 'edX/DemoX/Demo_Course', 'honor')).toEqual([
        { date: '2015-04-13', problems_attempted: 0, problems_completed: 0, discussion_contributions: 0, videos_viewed: 1 },
        { date: '2015-04-14', problems_attempted: 0, problems_completed: 0, discussion_contributions: 0, videos_viewed: 0 },
        { date: '2015-04-15', problems_attempted: 0, problems_completed: 0, discussion_contributions: 0, videos_viewed: 0 },
        { date: '2015-04-16', problems_attempted: 3, problems_completed: 2, discussion_contributions: 6, videos_viewed: 2 },
      ]);
      expect(await engagementTimeline(store.db, 'edX/DemoX/Demo_Course', 'staff')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});



describe('interactions without a course or an entity', () => {
  it('counts none of them, and counts the others', async () => {
    const dir = await tempDir();
    const course = 'course-v1:X+Y+Z';
    const line = (fields: Record<string, unknown>) =>
      JSON.stringify({ username: 'ada', time: '2026-09-01T10:00:00+00:00', host: 'lms', ...fields });
    const lines = [
      // no course: neither in the context nor in the page
      line({ event_type: 'play_video', event_source: 'browser', page: 'https://lms/dashboard', context: {}, event: JSON.stringify({ id: 'v1' }) }),
      // no entity: an empty problem_id, a blank video id, a forum post without commentable_id
      line({ event_type: 'problem_check', event_source: 'server', context: { course_id: course }, event: { problem_id: '', success: 'correct' } }),
      line({ event_type: 'play_video', event_source: 'browser', context: { course_id: course }, event: JSON.stringify({ id: '  ' }) }),
      line({ event_type: 'edx.forum.thread.created', event_source: 'server', context: { course_id: course }, event: {} }),
      // counted
      line({ event_type: 'play_video', event_source: 'browser', context: { course_id: course }, event: JSON.stringify({ id: 'v2' }) }),
    ];
    await mkdir(path.join(dir, 'logs', 'edxapp'), { recursive: true });
    await writeFile(path.join(dir, 'logs', 'edxapp', 'tracking.log-20260901'), `${lines.join('\n')}\n`);
    const report = await runEngagement(dir, runParams('2026-09-01-2026-09-02', '2026-09-02'));
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['ran']);
    expect(await storeRows(dir, 'module_engagement')).toEqual([
      expect.objectContaining({ course_id: course, username: 'ada', date: '2026-09-01', entity_type: 'video', entity_id: 'v2', event: 'viewed', count: 1 }),
    ]);
  });
});

const utcDay = (time: string) => new Date(time).toISOString().slice(0, 10);

/** The payload as an object; a JSON-encoded string is decoded, anything else (key=value browser forms) is empty. */
function payloadOf(event: RawEvent): Record<string, unknown> {
  let payload = event.event;
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload || '{}');
    } catch {
      return {};
    }
  }
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
}

/** What each raw event counts as, by the legacy rules, written out here independently of the SQL. */
function interactions(event: RawEvent): { course: string; user: string; day: string; entity: string; id: string; action: string }[] {
  const user = event.username?.trim();
  const course = event.context?.course_id;
  if (!user || user.length > 30 || !course) return [];
  const payload = payloadOf(event);
  const base = { course, user, day: utcDay(event.time) };
  if (event.event_type === 'problem_check' && event.event_source === 'server') {
    const id = String(payload.problem_id);
    return [
      { ...base, entity: 'problem', id, action: 'attempted' },
      ...(payload.success === 'correct' ? [{ ...base, entity: 'problem', id, action: 'completed' }] : []),
    ];
  }
  if (event.event_type === 'play_video') return [{ ...base, entity: 'video', id: String(payload.id).trim(), action: 'viewed' }];
  if (event.event_type.startsWith('edx.forum.') && event.event_type.endsWith('.created')) {
    return [{ ...base, entity: 'discussion', id: String(payload.commentable_id), action: 'contributed' }];
  }
  return [];
}

/** numpy.percentile(values, percent) with its default linear interpolation; an infinite neighbour gives infinity. */
function percentile(sorted: readonly number[], percent: number): number {
  const position = (percent / 100) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  if (sorted[above] === Infinity) return Infinity;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The legacy ranges of one metric's values: [low, normal, high] as [type, low, high], infinity as null. */
function legacyRanges(values: readonly number[]): [string, number | null, number | null][] {
  if (values.length === 0) return [['normal', 0, null]];
  const sorted = [...values].sort((a, b) => a - b);
  const low = percentile(sorted, 15);
  const high = percentile(sorted, 85);
  const shown = (value: number) => (value === Infinity ? null : Number(value.toPrecision(12)));
  const ranges: [string, number | null, number | null][] = [];
  if (low > 0) ranges.push(['low', 0, shown(low)]);
  if (low === high) ranges.push(['normal', shown(low), null]);
  else ranges.push(['normal', shown(low), shown(high)], ['high', shown(high), null]);
  return ranges;
}

describe('module engagement of a generated site', () => {
  let dir: string;
  let events: RawEvent[];
  const start = '2026-09-07';
  const end = addDays(start, 12);

  beforeAll(async () => {
    dir = await tempDir();
    await generateSite({ out: dir, courses: 2, learners: 80, days: 12, start, seed: 11 });
    events = await readRawEvents(path.join(dir, 'logs'));
    const report = await runEngagement(dir, runParams(`${start}-${end}`, end));
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['ran']);
  });

  it('counts every interaction of every learner per day, entity and action', async () => {
    const expected = new Map<string, number>();
    for (const item of events.flatMap(interactions)) {
      if (item.day < start || item.day >= end) continue;
      const key = [item.course, item.user, item.day, item.entity, item.id, item.action].join(' ');
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = await storeRows(dir, 'module_engagement');
    const actual = new Map(rows.map((row) => [[row.course_id, row.username, row.date, row.entity_type, row.entity_id, row.event].join(' '), row.count]));
    expect(actual).toEqual(expected);
    for (const entity of ['problem', 'video', 'discussion']) expect(rows.some((row) => row.entity_type === entity)).toBe(true);
    expect(rows.some((row) => row.event === 'completed')).toBe(true);
  });

  it("splits each course's week into the legacy percentile ranges", async () => {
    const weekStart = addDays(end, -7);
    const learners = new Map<string, { attempts: number; attempted: Set<string>; completed: Set<string>; videos: Set<string>; posts: number }>();
    for (const item of events.flatMap(interactions)) {
      if (item.day < weekStart || item.day >= end) continue;
      const key = `${item.course} ${item.user}`;
      const learner = learners.get(key) ?? { attempts: 0, attempted: new Set(), completed: new Set(), videos: new Set(), posts: 0 };
      learners.set(key, learner);
      if (item.action === 'attempted') {
        learner.attempts += 1;
        learner.attempted.add(item.id);
      }
      if (item.action === 'completed') learner.completed.add(item.id);
      if (item.action === 'viewed') learner.videos.add(item.id);
      if (item.action === 'contributed') learner.posts += 1;
    }
    const expected: (string | number | null)[][] = [];
    for (const course of new Set([...learners.keys()].map((key) => key.split(' ')[0]!))) {
      const ofCourse = [...learners].filter(([key]) => key.startsWith(`${course} `)).map(([, learner]) => learner);
      const metrics: Record<string, number[]> = {
        problem_attempts: ofCourse.map((learner) => learner.attempts),
        problems_attempted: ofCourse.map((learner) => learner.attempted.size),
        problems_completed: ofCourse.map((learner) => learner.completed.size),
        problem_attempts_per_completed: ofCourse
          .filter((learner) => learner.attempts > 0)
          .map((learner) => (learner.completed.size > 0 ? learner.attempts / learner.completed.size : Infinity)),
        videos_viewed: ofCourse.map((learner) => learner.videos.size),
        discussion_contributions: ofCourse.map((learner) => learner.posts),
      };
      for (const [metric, values] of Object.entries(metrics)) {
        for (const [type, low, high] of legacyRanges(values)) expected.push([course, weekStart, end, metric, type, low, high]);
      }
    }
    const rows = await storeRows(dir, 'module_engagement_metric_ranges');
    const actual = rows.map((row) => [row.course_id, row.start_date, row.end_date, row.metric, row.range_type, row.low_value, row.high_value]);
    const sorted = (list: unknown[][]) => list.map((row) => JSON.stringify(row)).sort();
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(rows.some((row) => row.range_type === 'high')).toBe(true);
  });
});

describe('module engagement when a day of logs arrives', () => {
  it('keeps the published rows of the days whose events did not change, and ends as one run over all the logs', async () => {
    const START = '2026-03-02';
    const END = addDays(START, 9);
    const params = runParams(`${START}-${END}`, END);
    const [incremental, whole] = [await tempDir(), await tempDir()];
    await generateSite({ out: incremental, courses: 2, learners: 120, days: 9, start: START, seed: 4 });
    const logs = path.join(incremental, 'logs');
    const stamp = addDays(END, -1).replaceAll('-', '');
    const lastDay: string[] = [];
    for (const group of await readdir(logs)) for (const name of await readdir(path.join(logs, group))) if (name.includes(`-${stamp}`)) lastDay.push(path.join(group, name));
    expect(lastDay.length).toBeGreaterThan(0);
    // The arriving file also holds a late event of an old day, outside that day's window of files: one more play of
    // a video a learner played that day.
    const oldDay = addDays(START, 2);
    const [oldFile] = (await readdir(path.join(logs, 'edxapp-01'))).filter((name) => name.includes(`-${oldDay.replaceAll('-', '')}`));
    const played = gunzipSync(await readFile(path.join(logs, 'edxapp-01', oldFile!))).toString().split('\n').find((line) => line.includes('"play_video"'))!;
    const late = played.replace(/"time":"[^"]+"/, `"time":"${oldDay}T23:59:59.123456+00:00"`);
    const arriving = path.join(logs, lastDay[0]!);
    await writeFile(arriving, gzipSync(Buffer.concat([gunzipSync(await readFile(arriving)), Buffer.from(`${late}\n`)])));
    await cp(logs, path.join(whole, 'logs'), { recursive: true });
    await mkdir(path.join(incremental, 'later'));
    for (const file of lastDay) await rename(path.join(logs, file), path.join(incremental, 'later', file.replace('/', '__')));

    const first = await runEngagement(incremental, params);
    expect(first.outcomes[0]).toMatchObject({ status: 'ran' });
    expect(first.outcomes[0]!.notes.some((note) => note.includes('kept as published'))).toBe(false);
    for (const file of lastDay) await rename(path.join(incremental, 'later', file.replace('/', '__')), path.join(logs, file));
    const arrived = await runEngagement(incremental, params);
    expect(arrived.outcomes[0]).toMatchObject({ status: 'ran' });
    // The days whose files (the day's own and its neighbours', which can hold its events) did not change are kept.
    const kept = arrived.outcomes[0]!.notes.find((note) => note.includes('kept as published'));
    expect(kept).toMatch(/^module_engagement before 2026-03-\d\d kept as published/);
    expect(kept).toBe(`module_engagement before ${oldDay} kept as published: the events of those days did not change`);

    expect((await runEngagement(whole, params)).outcomes[0]).toMatchObject({ status: 'ran' });
    const contents = async (dir: string) =>
      (await storeRows(dir, 'module_engagement')).map(({ id: _id, created: _created, ...row }) => JSON.stringify(row)).sort();
    const expected = await contents(whole);
    expect(expected.length).toBeGreaterThan(100);
    expect(await contents(incremental)).toEqual(expected);
    // Its run reports the rows the table holds, those kept included.
    expect(arrived.outcomes[0]!.rows).toMatchObject({ module_engagement: expected.length });
    const ranges = async (dir: string) =>
      (await storeRows(dir, 'module_engagement_metric_ranges')).map(({ id: _id, created: _created, ...row }) => JSON.stringify(row)).sort();
    expect(await ranges(incremental)).toEqual(await ranges(whole));
  });
});

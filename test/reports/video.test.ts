import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { addDays, parseInterval, type DateInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { runTasks, type RunReport } from '../../src/reports/runner/run-tasks.js';
import { storePublisher } from '../../src/reports/runner/store-publisher.js';
import { videoTask } from '../../src/reports/video/video-task.js';
import { openStore } from '../../src/store/open-store.js';
import { asComparableRows, expectedRows } from '../helpers/expected-rows.js';
import { placeConformanceLog, storeRows } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

/** Runs the video task alone, as `lantern run` would: logs under `dir/logs`, reports in `dir/reports.sqlite`. */
async function runVideo(dir: string, interval: DateInterval): Promise<RunReport> {
  const store = await openStore(`sqlite:${path.join(dir, 'reports.sqlite')}`, { migrate: true });
  try {
    const engine = await createEngine({ dataDir: path.join(dir, 'data') });
    try {
      return await runTasks({
        tasks: [videoTask],
        params: { interval, endDate: interval.end, weeks: 1, date: '2026-11-29' },
        engine,
        publisher: storePublisher(store),
        source: await openLogSource(path.join(dir, 'logs')),
        events: { dataDir: path.join(dir, 'data') },
      });
    } finally {
      await engine.close();
    }
  } finally {
    await store.close();
  }
}

async function expectTable(dir: string, table: string) {
  const expected = expectedRows(`${table}.csv`);
  expect(asComparableRows(await storeRows(dir, table), expected.columns)).toEqual(expected.rows);
}

describe('video (InsertToMysqlAllVideoTask) conformance', () => {
  let dir: string;
  let report: RunReport;
  beforeAll(async () => {
    dir = await tempDir();
    await placeConformanceLog(dir, 'video_timeline.log', 'tracking.log-20140502.gz');
    report = await runVideo(dir, parseInterval('2014-05-01-2014-05-06'));
  });

  it('runs and publishes both tables', () => {
    expect(report.outcomes[0]).toMatchObject({ task: 'video', status: 'ran', rows: { video: 4, video_timeline: 10 } });
  });

  it('reproduces video', () => expectTable(dir, 'video'));
  it('reproduces video_timeline', () => expectTable(dir, 'video_timeline'));
});

// The reports of a generated site against a plain TypeScript reading of the raw log lines: the legacy pairing of
// plays with the next event, written out here independently of the task's SQL.

interface PlayerEvent {
  time: string;
  action: string;
  user: number;
  video: string;
  position: number;
  oldTime: number | null;
  duration: number;
}

const MOBILE_ACTIONS: Record<string, string> = {
  'edx.video.played': 'play_video',
  'edx.video.paused': 'pause_video',
  'edx.video.stopped': 'stop_video',
  'edx.video.position.changed': 'seek_video',
};

async function readPlayerEvents(logs: string, interval: DateInterval): Promise<PlayerEvent[]> {
  const events: PlayerEvent[] = [];
  for (const group of await readdir(logs)) {
    for (const name of await readdir(path.join(logs, group))) {
      for (const line of gunzipSync(await readFile(path.join(logs, group, name))).toString('utf8').split('\n')) {
        if (!line.includes('video')) continue;
        const raw = JSON.parse(line) as { time: string; event_type: string; context: { user_id: number; course_id: string }; event: unknown };
        const action = MOBILE_ACTIONS[raw.event_type] ?? raw.event_type;
        const day = new Date(raw.time).toISOString().slice(0, 10);
        if (!['play_video', 'pause_video', 'seek_video', 'stop_video'].includes(action) || day < interval.start || day >= interval.end) continue;
        const payload = (typeof raw.event === 'string' ? JSON.parse(raw.event) : raw.event) as Record<string, number | string>;
        const seek = action === 'seek_video';
        events.push({
          time: raw.time,
          action,
          user: raw.context.user_id,
          video: `${raw.context.course_id}|${payload.id}`,
          position: Number(seek ? payload.new_time : payload.currentTime),
          oldTime: seek ? Number(payload.old_time) : null,
          duration: Number(payload.duration),
        });
      }
    }
  }
  return events;
}

/** Viewings: each play ends at the next event; after a seek that ended one, the next play starts at its target. */
function viewingsOf(events: PlayerEvent[]) {
  const byKey = new Map<string, PlayerEvent[]>();
  for (const event of events) {
    const key = `${event.user} ${event.video}`;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  const viewings: { user: number; video: string; start: number; end: number; duration: number }[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.time.localeCompare(b.time) || a.action.localeCompare(b.action) || a.position - b.position);
    let open: PlayerEvent | null = null;
    let lastEnd: PlayerEvent | null = null;
    for (const event of list) {
      if (event.action === 'play_video') {
        open = { ...event, position: lastEnd?.action === 'seek_video' ? lastEnd.position : event.position };
        lastEnd = null;
      } else if (open) {
        const end = event.action === 'seek_video' ? event.oldTime! : event.position;
        if (end <= open.duration + 1 && end - open.position >= 0.25) {
          viewings.push({ user: open.user, video: open.video, start: open.position, end, duration: open.duration });
        }
        open = null;
        lastEnd = event;
      }
    }
  }
  return viewings;
}

describe('video on a generated site', () => {
  const start = '2026-09-07';
  const interval = { start, end: addDays(start, 6) };
  let dir: string;
  let report: RunReport;
  let expected: Map<string, { duration: number; atStart: Set<number>; atEnd: Set<number>; views: number; users: Map<number, Set<number>> }>;

  beforeAll(async () => {
    dir = await tempDir();
    await generateSite({ out: dir, courses: 2, learners: 120, days: 7, start, seed: 11 });
    const viewings = viewingsOf(await readPlayerEvents(path.join(dir, 'logs'), interval));
    expected = new Map();
    for (const viewing of viewings) {
      const video = expected.get(viewing.video) ?? { duration: 0, atStart: new Set(), atEnd: new Set(), views: 0, users: new Map() };
      video.duration = Math.max(video.duration, viewing.duration);
      for (let segment = Math.floor(viewing.start / 5); segment <= Math.floor(viewing.end / 5); segment += 1) {
        video.views += 1;
        video.users.set(segment, (video.users.get(segment) ?? new Set()).add(viewing.user));
      }
      expected.set(viewing.video, video);
    }
    for (const video of expected.values()) {
      const endSegment = Math.floor(Math.floor(Math.max(video.duration - 30, video.duration * 0.95)) / 5);
      video.atStart = video.users.get(0) ?? new Set();
      video.atEnd = video.users.get(endSegment) ?? new Set();
    }
    report = await runVideo(dir, interval);
  });

  it('finds the videos that were watched, with their durations', async () => {
    expect(report.outcomes[0]).toMatchObject({ task: 'video', status: 'ran' });
    expect(expected.size).toBeGreaterThan(10);
    const rows = await storeRows(dir, 'video');
    expect(Object.fromEntries(rows.map((row) => [row.pipeline_video_id, row.duration]))).toEqual(
      Object.fromEntries([...expected].map(([video, stats]) => [video, stats.duration])),
    );
  });

  it('counts viewers at the start and at the end, and the seconds viewed', async () => {
    const rows = await storeRows(dir, 'video');
    expect(Object.fromEntries(rows.map((row) => [row.pipeline_video_id, [row.users_at_start, row.users_at_end, row.total_viewed_seconds]]))).toEqual(
      Object.fromEntries([...expected].map(([video, stats]) => [video, [stats.atStart.size, stats.atEnd.size, stats.views * 5]])),
    );
  });

  it('counts viewers per segment', async () => {
    const rows = await storeRows(dir, 'video_timeline');
    expect(rows.length).toBe([...expected.values()].reduce((total, stats) => total + stats.users.size, 0));
    for (const row of rows) {
      expect(row.num_users).toBe(expected.get(row.pipeline_video_id as string)!.users.get(row.segment as number)?.size);
    }
  });
});

/** A video event of 2014-05-02 10:00:<second> in edX/DemoX/Demo_Course, as a browser (or, named edx.video.*, mobile) logs it. */
const player = (event_type: string, payload: Record<string, unknown> | string | null, second: number, user: number | null = 7) =>
  JSON.stringify({
    username: 'learner',
    event_type,
    event_source: event_type.startsWith('edx.video.') ? 'mobile' : 'browser',
    time: `2014-05-02T10:00:${String(second).padStart(2, '0')}.000000+00:00`,
    page: 'http://lms/courses/edX/DemoX/Demo_Course/courseware/',
    context: { user_id: user, course_id: 'edX/DemoX/Demo_Course', path: '/event' },
    // Browser events carry their payload JSON-encoded, mobile ones as an object.
    event: payload === null || typeof payload === 'string' || event_type.startsWith('edx.video.') ? payload : JSON.stringify(payload),
  });

async function runVideoOn(lines: readonly string[]): Promise<{ dir: string; report: RunReport }> {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'logs', 'lms-1'), { recursive: true });
  await writeFile(path.join(dir, 'logs', 'lms-1', 'tracking.log-20140502.gz'), gzipSync(`${lines.join('\n')}\n`));
  return { dir, report: await runVideo(dir, parseInterval('2014-05-02')) };
}

describe('video with malformed events', () => {
  const id = 'i4x-edX-DemoX-video-good';

  it('counts each bad event and bad viewing in the notes and publishes the good viewing', async () => {
    const { dir, report } = await runVideoOn([
      player('play_video', { id, currentTime: 0, duration: 60 }, 1),
      player('pause_video', { id, currentTime: 12, duration: 60 }, 2),
      player('play_video', { id: 'v-negative', currentTime: -5 }, 3),
      player('play_video', { id: 'v-nan', currentTime: 'NaN' }, 4),
      player('seek_video', { id: 'v-huge', old_time: 3, new_time: 50000 }, 5),
      player('play_video', { id: 'v-text', currentTime: 'soon' }, 6),
      player('stop_video', { id: 'v-missing' }, 7),
      player('pause_video', { currentTime: 3 }, 8),
      player('play_video', { id: 'v-anonymous', currentTime: 3 }, 9, null),
      player('play_video', { id: 'v-twice', currentTime: 1 }, 10),
      player('play_video', { id: 'v-twice', currentTime: 2 }, 11),
      player('pause_video', { id: 'v-twice', currentTime: 2.1 }, 12),
      player('play_video', { id: 'v-long', currentTime: 1, duration: 10 }, 13),
      player('stop_video', { id: 'v-long', currentTime: 30, duration: 10 }, 14),
      player('pause_video', { id: 'v-null', currentTime: null }, 16),
      player('pause_video', 'id=v-text-payload', 17),
      player('stop_video', null, 18),
      player('play_video', { id: 'v-never-ended', currentTime: 0 }, 19),
      player('edx.video.played', { id: 'v-mobile', current_time: 0, duration: 30 }, 20),
      player('edx.video.paused', { id: 'v-mobile', current_time: 10, duration: 30 }, 21),
      '{"event_type": "play_video", "time": "2014-05-02T10:00:15+00:00", "event": "{\\"id\\": ',
    ]);
    expect(report.outcomes[0]).toMatchObject({ task: 'video', status: 'ran', rows: { video: 2, video_timeline: 6 } });
    expect(report.outcomes[0]!.notes).toEqual([
      '1 video events dropped: huge time offset',
      '1 video events dropped: invalid time offset',
      '1 video events dropped: missing module id',
      '2 video events dropped: missing time offset',
      '1 video events dropped: missing user id',
      '1 video events dropped: nan time offset',
      '1 video events dropped: negative time offset',
      '2 video events dropped: unreadable payload',
      '1 video plays make no viewing: ends after video end',
      '1 video plays make no viewing: never ended',
      '1 video plays make no viewing: played again before ending',
      '1 video plays make no viewing: too short',
    ]);
    expect(asComparableRows(await storeRows(dir, 'video'), ['encoded_module_id', 'duration', 'users_at_start', 'users_at_end', 'total_viewed_seconds'])).toEqual([
      [id, '60', '1', '0', '15'],
      ['v-mobile', '30', '1', '0', '15'],
    ]);
  });

  it('tells an offset logged as null (none) from one not logged (a pause at 0)', async () => {
    const { report } = await runVideoOn([
      // Paused without a currentTime: at 0, so this play (from 4) ends before it starts.
      player('play_video', { id: 'v-absent', currentTime: 4 }, 1),
      player('pause_video', { id: 'v-absent' }, 2),
      player('edx.video.paused', { id: 'v-mobile-absent' }, 3),
      // A null currentTime is an offset missing, even where a mobile current_time follows it.
      player('pause_video', { id: 'v-null', currentTime: null }, 4),
      player('edx.video.paused', { id: 'v-mobile-null', currentTime: null, current_time: 10 }, 5),
      player('edx.video.paused', { id: 'v-mobile-null-2', current_time: null }, 6),
      player('seek_video', { id: 'v-seek', old_time: null, new_time: 5 }, 7),
      player('seek_video', { id: 'v-seek', old_time: 1 }, 8),
      // currentTime is the browser's name only: a browser event's current_time is not read.
      player('pause_video', { id: 'v-browser', current_time: 10 }, 9),
      player('stop_video', { id: 'v-browser', currentTime: { at: 3 }, duration: 'long' }, 10),
    ]);
    expect(report.outcomes[0]!.notes).toEqual([
      '1 video events dropped: invalid time offset',
      '5 video events dropped: missing time offset',
      '1 video plays make no viewing: ends before start',
      'no video viewings in the interval: the video tables are empty',
    ]);
  });
});

describe('video durations and last segments', () => {
  it('ends a video of unknown duration where its viewers drop off', async () => {
    const lines: string[] = [];
    for (let user = 1; user <= 20; user += 1) {
      lines.push(player('play_video', { id: 'v-dropoff', currentTime: 0 }, 1, user), player('pause_video', { id: 'v-dropoff', currentTime: 12 }, 2, user));
    }
    lines.push(player('play_video', { id: 'v-dropoff', currentTime: 0 }, 1, 21), player('pause_video', { id: 'v-dropoff', currentTime: 30 }, 2, 21));
    const { dir } = await runVideoOn(lines);
    // Segment 3 has 1 viewer, at most 5% of segment 2's 21: segment 2 is the last, and the video is taken to end at 14 s.
    expect(asComparableRows(await storeRows(dir, 'video_timeline'), ['segment', 'num_users', 'num_views'])).toEqual([
      ['0', '21', '21'],
      ['1', '21', '21'],
      ['2', '21', '21'],
    ]);
    expect(await storeRows(dir, 'video')).toEqual([
      expect.objectContaining({ duration: 14, users_at_start: 21, users_at_end: 21, total_viewed_seconds: 315 }),
    ]);
  });

  it('leaves out segments past a known duration only when its last segment was watched', async () => {
    const { dir } = await runVideoOn([
      player('play_video', { id: 'v-watched-end', currentTime: 0, duration: 9 }, 1),
      player('pause_video', { id: 'v-watched-end', currentTime: 10, duration: 9 }, 2),
      player('play_video', { id: 'v-skipped-end', currentTime: 15, duration: 14.9 }, 3),
      player('pause_video', { id: 'v-skipped-end', currentTime: 15.9, duration: 14.9 }, 4),
    ]);
    expect(asComparableRows(await storeRows(dir, 'video_timeline'), ['pipeline_video_id', 'segment'])).toEqual([
      ['edX/DemoX/Demo_Course|v-skipped-end', '3'],
      ['edX/DemoX/Demo_Course|v-watched-end', '0'],
      ['edX/DemoX/Demo_Course|v-watched-end', '1'],
    ]);
    expect(asComparableRows(await storeRows(dir, 'video'), ['encoded_module_id', 'duration', 'users_at_start', 'users_at_end', 'total_viewed_seconds'])).toEqual([
      ['v-skipped-end', '14', '0', '0', '5'],
      ['v-watched-end', '9', '1', '1', '10'],
    ]);
  });
});

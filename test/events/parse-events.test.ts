import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { DROP_REASONS } from '../../src/events/drop-reasons.js';
import type { LoadReport } from '../../src/events/event-loader.js';
import { loadInto, trackingLine, writeLogs } from '../helpers/load.js';
import { CONFORMANCE_INPUT, tempDir } from '../helpers/temp.js';

interface EventRow {
  time: string;
  date: string;
  username: string | null;
  user_id: bigint | null;
  course_id: string | null;
  org_id: string | null;
  event_type: string;
  session: string | null;
  payload_type: string;
}

const ROWS = `select strftime(time, '%Y-%m-%dT%H:%M:%S.%f') as time, strftime(date, '%Y-%m-%d') as date, username, user_id,
  course_id, org_id, event_type, session, json_type(event) as payload_type from events order by session`;

describe('parsing tracking-log lines', () => {
  let engine: Engine;
  let report: LoadReport;
  let rows: EventRow[];

  beforeAll(async () => {
    const dir = await tempDir();
    const line = (session: string, fields: Record<string, unknown> = {}) => trackingLine({ session, ...fields });
    const context = (extra: Record<string, unknown>) => ({ user_id: 7, org_id: 'edX', path: '/event', ...extra });
    await writeLogs(path.join(dir, 'logs'), {
      'app1/tracking.log-20140502.gz': [
        line('01-context-slash'),
        line('02-context-new', { context: context({ course_id: 'course-v1:edX+DemoX+Demo_2014' }) }),
        line('03-enrollment-payload', {
          event_type: 'edx.course.enrollment.activated',
          context: context({ course_id: '' }),
          event: { course_id: 'course-v1:MITx+6.002x+2014_T1', user_id: 7, mode: 'honor' },
        }),
        line('04-implicit-url', {
          event_type: '/courses/course-v1:edX+DemoX+Demo_2014/courseware/abc/def/',
          event_source: 'server',
          context: context({ course_id: '' }),
        }),
        line('05-browser-page', { context: context({}), page: 'https://lms.example.com/courses/edX/Open_DemoX/edx_demo_course/courseware/x/' }),
        line('06-xblock-url', {
          event_type: '/xblock/block-v1:edX+DemoX+Demo_2014+type@problem+block@123abc/handler/xmodule_handler/problem_get',
          event_source: 'server',
          context: context({}),
        }),
        line('07-invalid-course', { context: context({ course_id: 'not a course id' }) }),
        line('08-offset-time', { time: '2014-05-02T23:30:00.5-02:00' }),
        line('09-zulu-time', { time: '2014-05-02T10:00:00Z' }),
        line('10-payload-object', { event: { id: 'v1', currentTime: 3 } }),
        line('11-payload-keyvalue', { event: 'input_abc_2_1=choice_1' }),
        `Apr 30 10:00:00 app1 tracking: ${line('12-syslog-prefix')}`,
        line('13-string-user-id', { username: 'padded\n', context: { ...context({}), user_id: '42', course_id: ' edX/DemoX/Demo_Course ' } }),
        '',
        '   ',
        '# a comment line',
        line('14-duplicate'),
        line('14-duplicate'),
        line('15-no-time', { time: undefined }),
        line('16-bad-time', { time: 'yesterday' }),
        line('17-no-type', { event_type: undefined }),
        '{"username": "cut", "event_type": "play_vi',
        'not json at all',
        line('18-outside-interval', { time: '2014-05-09T00:00:00+00:00' }),
        line('20-payload-encoded', { event: JSON.stringify({ id: 'v2', currentTime: 4 }) }),
        line('21-payload-encoded-array', { event: '[1, 2]' }),
        line('22-payload-not-json', { event: '{"id": "v3", cut' }),
        line('23-payload-empty', { event: '' }),
      ].join('\n'),
      'app2/tracking.log-20140503.gz': [line('14-duplicate'), line('19-other-group', { time: '2014-05-03T01:00:00+00:00' })].join('\n'),
    });
    ({ engine, report } = await loadInto(path.join(dir, 'logs'), '2014-05-01-2014-05-06', dir));
    rows = await engine.query<EventRow>(ROWS);
  });
  afterAll(() => engine.close());

  const row = (session: string) => rows.find((entry) => entry.session === session);

  it('takes the course from the context, in both key forms', () => {
    expect(row('01-context-slash')).toMatchObject({ course_id: 'edX/DemoX/Demo_Course', org_id: 'edX' });
    expect(row('02-context-new')?.course_id).toBe('course-v1:edX+DemoX+Demo_2014');
  });

  it('takes the course from the payload of enrollment events', () => {
    expect(row('03-enrollment-payload')?.course_id).toBe('course-v1:MITx+6.002x+2014_T1');
  });

  it('takes the course from the URL of implicit events, browser pages and xblock handlers', () => {
    expect(row('04-implicit-url')?.course_id).toBe('course-v1:edX+DemoX+Demo_2014');
    expect(row('05-browser-page')?.course_id).toBe('edX/Open_DemoX/edx_demo_course');
    expect(row('06-xblock-url')?.course_id).toBe('course-v1:edX+DemoX+Demo_2014');
  });

  it('keeps an event with an invalid course id, without a course, and counts it', () => {
    expect(row('07-invalid-course')).toMatchObject({ course_id: null, org_id: 'edX' });
    expect(report.totals.invalidCourseIds).toBe(1);
  });

  it('normalises any offset to UTC, and the date is the UTC date', () => {
    expect(row('08-offset-time')).toMatchObject({ time: '2014-05-03T01:30:00.500000', date: '2014-05-03' });
    expect(row('09-zulu-time')).toMatchObject({ time: '2014-05-02T10:00:00.000000', date: '2014-05-02' });
  });

  it('reads the payload as an object or a JSON-encoded string, and keeps other strings as strings', () => {
    expect(row('01-context-slash')?.payload_type).toBe('OBJECT');
    expect(row('10-payload-object')?.payload_type).toBe('OBJECT');
    expect(row('11-payload-keyvalue')?.payload_type).toBe('VARCHAR');
    expect(row('20-payload-encoded')).toMatchObject({ payload_type: 'OBJECT' });
    expect(row('21-payload-encoded-array')?.payload_type).toBe('ARRAY');
    // Text that only looks like JSON stays the string it was; an empty payload is an empty object.
    expect(row('22-payload-not-json')?.payload_type).toBe('VARCHAR');
    expect(row('23-payload-empty')?.payload_type).toBe('OBJECT');
  });

  it('tolerates a prefix before the first {, strips usernames and reads string user ids', () => {
    expect(row('12-syslog-prefix')).toBeDefined();
    expect(row('13-string-user-id')).toMatchObject({ username: 'padded', user_id: 42n, course_id: 'edX/DemoX/Demo_Course' });
  });

  it('counts a line found in two files once', () => {
    expect(rows.filter((entry) => entry.session === '14-duplicate')).toHaveLength(1);
    expect(report.totals.dropped.duplicate).toBe(2);
  });

  it('drops bad lines under their reason, skips blank and comment lines, and samples them with line numbers', () => {
    expect(report.totals.dropped).toEqual({ duplicate: 2, missing_time: 1, invalid_time: 1, missing_event_type: 1, invalid_json: 2 });
    for (const reason of Object.keys(report.totals.dropped)) expect(DROP_REASONS).toHaveProperty(reason);
    const first = report.files.find((file) => file.file.group === 'app1')!;
    expect(first.lines).toBe(25);
    expect(first.samples.invalid_json?.map((sample) => sample.line).sort()).toEqual([22, 23]);
    expect(first.samples.missing_time?.[0]?.line).toBe(19);
  });

  it('counts the events of the interval by their own time, and keeps the others for their own days', () => {
    expect(row('18-outside-interval')?.date).toBe('2014-05-09');
    expect(report.totals.outsideInterval).toBe(1);
    const inside = rows.filter((entry) => entry.date >= '2014-05-01' && entry.date < '2014-05-06');
    expect(report.totals.events).toBe(inside.length);
    expect(inside).toHaveLength(19);
    expect(report.days.reduce((sum, day) => sum + day.events, 0)).toBe(19);
  });
});

describe('the conformance inputs', () => {
  it('reads video_timeline.log, whose comment and blank lines are skipped, not counted', async () => {
    const dir = await tempDir();
    await copyFile(path.join(CONFORMANCE_INPUT, 'video_timeline.log'), path.join(dir, 'tracking.log-20140502'));
    const { engine, report } = await loadInto(path.join(dir, 'tracking.log-20140502'), '2014-05-01-2014-05-06', dir);
    try {
      expect(report.totals).toMatchObject({ lines: 18, events: 18, dropped: {} });
      const [counts] = await engine.query<{ users: bigint; videos: bigint }>(
        `select count(distinct user_id) as users, count(distinct event ->> '$.id') as videos from events`,
      );
      expect(counts).toEqual({ users: 3n, videos: 4n });
    } finally {
      await engine.close();
    }
  });

  it('reads every event of the enrollment fixture with its payload course id', async () => {
    const dir = await tempDir();
    await writeLogs(dir, { 'tracking.log-20140730.gz': await import('node:fs/promises').then((fs) => fs.readFile(path.join(CONFORMANCE_INPUT, 'enrollment_trends_tracking.log'))) });
    const { engine, report } = await loadInto(dir, '2014-07-30-2014-08-07', dir);
    try {
      expect(report.totals).toMatchObject({ lines: 15, events: 15, dropped: {} });
      const modes = await engine.query<{ mode: string; n: bigint }>(`select event ->> '$.mode' as mode, count(*) as n from events group by 1 order by 1`);
      expect(modes.length).toBeGreaterThan(1);
      const [missing] = await engine.query<{ n: bigint }>(`select count(*) as n from events where course_id is null`);
      expect(missing?.n).toBe(0n);
    } finally {
      await engine.close();
    }
  });
});

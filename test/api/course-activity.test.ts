import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';

let fixture: ApiFixture;
beforeEach(async () => {
  fixture = await apiFixture();
});
afterEach(async () => {
  await fixture.close();
});

const week = (start: string, end: string, counts: Record<string, number>, course = DEMO_COURSE) =>
  Object.entries(counts).map(([label, count]) => ({ course_id: course, interval_start: `${start} 00:00:00`, interval_end: `${end} 00:00:00`, label, count }));

describe('GET courses/{id}/recent_activity/ (the legacy assertions)', () => {
  beforeEach(async () => {
    await fixture.insert('course_activity', week('2013-12-25', '2014-01-01', { ACTIVE: 1 }));
    await fixture.insert('course_activity', week('2014-01-01', '2014-01-08', { POSTED_FORUM: 100, ATTEMPTED_PROBLEM: 200, ACTIVE: 300, PLAYED_VIDEO: 400 }));
  });

  it('answers the latest week of any activity by default, with ISO datetimes', async () => {
    const response = await fixture.get(`/api/v0/courses/${DEMO_COURSE}/recent_activity`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ course_id: DEMO_COURSE, interval_start: '2014-01-01T00:00:00Z', interval_end: '2014-01-08T00:00:00Z', activity_type: 'any', count: 300 });
  });

  it('takes activity_type in any case, or the legacy label', async () => {
    const count = async (query: string) => (await fixture.get(`/api/v0/courses/${DEMO_COURSE}/recent_activity/${query}`)).json().count as number;
    expect(await count('?activity_type=ANY')).toBe(300);
    expect(await count('?activity_type=any')).toBe(300);
    expect(await count('?activity_type=played_video')).toBe(400);
    expect(await count('?label=played_video')).toBe(400);
    expect(await count('?activity_type=attempted_problem')).toBe(200);
    expect(await count('?activity_type=posted_forum')).toBe(100);
  });

  it('is 404 for an unknown type or course and for a path without a course; 200 with the id quote_plus-encoded; 401 without a key', async () => {
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/recent_activity/?activity_type=missing_activity_type`)).statusCode).toBe(404);
    expect((await fixture.get('/api/v0/courses/foo/recent_activity/')).statusCode).toBe(404);
    expect((await fixture.get('/api/v0/courses/recent_activity/')).statusCode).toBe(404);
    expect((await fixture.get(`/api/v0/courses/${encodeURIComponent(DEMO_COURSE)}/recent_activity/`)).statusCode).toBe(200);
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/recent_activity/`, {})).statusCode).toBe(401);
  });
});

describe('GET courses/{id}/activity/', () => {
  beforeEach(async () => {
    await fixture.insert('course_activity', week('2014-01-01', '2014-01-08', { ACTIVE: 300, PLAYED_VIDEO: 400 }));
    await fixture.insert('course_activity', week('2014-01-08', '2014-01-15', { ACTIVE: 30, ATTEMPTED_PROBLEM: 20, POSTED_FORUM: 10 }));
    await fixture.insert('course_activity', week('2014-01-08', '2014-01-15', { ACTIVE: 99 }, NEW_COURSE));
  });

  it('answers the latest week by default: one item per week, types lower-cased, ACTIVE as any, missing types left out', async () => {
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/activity/`)).json()).toEqual([
      { interval_start: '2014-01-08T000000', interval_end: '2014-01-15T000000', course_id: DEMO_COURSE, any: 30, attempted_problem: 20, posted_forum: 10, created: '2014-12-10T193146' },
    ]);
  });

  it('filters interval_start >= start_date and interval_end < end_date (two weeks in both formats)', async () => {
    for (const query of ['?start_date=2014-01-01&end_date=2014-01-16', '?start_date=2014-01-01T000000&end_date=2014-01-16T000000']) {
      const items = (await fixture.get(`/api/v0/courses/${DEMO_COURSE}/activity/${query}`)).json() as { interval_start: string; any: number; played_video?: number }[];
      expect(items.map((item) => [item.interval_start, item.any, item.played_video])).toEqual([
        ['2014-01-01T000000', 300, 400],
        ['2014-01-08T000000', 30, undefined],
      ]);
    }
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/activity/?start_date=2014-01-01&end_date=2014-01-15`)).json()).toHaveLength(1);
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/activity/?start_date=2014-02-01`)).statusCode).toBe(404);
  });

  it('answers CSV named engagement-activity', async () => {
    const response = await fixture.get(`/api/v0/courses/${DEMO_COURSE}/activity/`, { authorization: 'Token test-key', accept: 'text/csv' });
    expect(response.headers['content-disposition']).toBe('attachment; filename=edX-DemoX-Demo_Course--engagement-activity.csv');
    expect(response.body).toBe(
      'any,attempted_problem,course_id,created,interval_end,interval_start,posted_forum\r\n' +
        '30,20,edX/DemoX/Demo_Course,2014-12-10T193146,2014-01-15T000000,2014-01-08T000000,10\r\n',
    );
  });
});

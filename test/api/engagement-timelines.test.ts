import { afterEach, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const USERNAME = 'ed_xavier';
const url = (courseId?: string, username = USERNAME) =>
  `/api/v0/engagement_timelines/${encodeURIComponent(username)}/${courseId === undefined ? '' : `?course_id=${encodeURIComponent(courseId)}`}`;

let fixture: ApiFixture;
afterEach(() => fixture?.close());

/** Activity of ed_xavier in the demo course on 2015-05-26 and 2015-05-28 (none on the 27th). */
async function withEngagement(options?: Parameters<typeof apiFixture>[0]) {
  fixture = await apiFixture(options);
  const row = (date: string, entity_type: string, entity_id: string, event: string, count: number) => ({
    course_id: DEMO_COURSE, username: USERNAME, date, entity_type, entity_id, event, count,
  });
  await fixture.insert('module_engagement', [
    row('2015-05-26', 'problem', 'p1', 'attempted', 3),
    row('2015-05-26', 'problem', 'p2', 'attempted', 1),
    row('2015-05-26', 'problem', 'p1', 'completed', 1),
    row('2015-05-26', 'video', 'v1', 'viewed', 4),
    row('2015-05-28', 'discussion', 'd1', 'contributed', 2),
    row('2015-05-28', 'discussion', 'd2', 'contributed', 3),
  ]);
}

describe('GET /api/v0/engagement_timelines/{username}/', () => {
  it('lists every day from the first to the last active one, the gap days as zeros', async () => {
    await withEngagement();
    const response = await fixture.get(url(DEMO_COURSE));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      days: [
        { date: '2015-05-26', problems_attempted: 2, problems_completed: 1, discussion_contributions: 0, videos_viewed: 1 },
        { date: '2015-05-27', problems_attempted: 0, problems_completed: 0, discussion_contributions: 0, videos_viewed: 0 },
        { date: '2015-05-28', problems_attempted: 0, problems_completed: 0, discussion_contributions: 5, videos_viewed: 0 },
      ],
    });
  });

  it('answers CSV with one line per day', async () => {
    await withEngagement();
    const response = await fixture.get(`${url(DEMO_COURSE)}&format=csv`);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.split('\r\n')).toEqual([
      'date,discussion_contributions,problems_attempted,problems_completed,videos_viewed',
      '2015-05-26,0,2,1,1',
      '2015-05-27,0,0,0,0',
      '2015-05-28,5,0,0,0',
      '',
    ]);
  });

  it('answers 400 course_not_specified without course_id', async () => {
    await withEngagement();
    const response = await fixture.get(url());
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error_code: 'course_not_specified', developer_message: 'Course id/key not specified.' });
  });

  it('answers 400 course_key_malformed for a course id that is not a key', async () => {
    await withEngagement();
    const response = await fixture.get(url('not a course'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error_code: 'course_key_malformed', developer_message: 'Course id/key not a course malformed.' });
  });

  it('answers 404 no_learner_engagement_timeline (the legacy code) for a learner without engagement in the course', async () => {
    await withEngagement();
    expect((await fixture.get(url(NEW_COURSE))).json()).toMatchObject({ error_code: 'no_learner_engagement_timeline' });
    expect((await fixture.get(url(DEMO_COURSE, 'someone.else'))).statusCode).toBe(404);
  });

  it('answers 401 without a key and 403 for a course the key may not read', async () => {
    await withEngagement({ scope: { courses: [NEW_COURSE], orgs: null } });
    expect((await fixture.get(url(DEMO_COURSE), {})).statusCode).toBe(401);
    expect((await fixture.get(url(DEMO_COURSE))).json()).toMatchObject({ error_code: 'course_not_permitted' });
  });
});

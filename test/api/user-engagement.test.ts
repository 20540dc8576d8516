import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const NOW = new Date('2016-06-15T12:00:00Z');
const RECENT = '2016-06-13 08:00:00';
const OLD = '2016-05-01 08:00:00';
const url = (courseId: string) => `/api/v0/courses/${courseId}/user_engagement/`;

let fixture: ApiFixture;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(async () => {
  vi.useRealTimers();
  await fixture?.close();
});

/**
 * user1: videos and problems, some in the last week (the legacy assertion's numbers; videos_last_week counts the one
 * recent video row, not its 2 views); user2: one forum post this week.
 */
async function withEngagement(options?: Parameters<typeof apiFixture>[0]) {
  fixture = await apiFixture(options);
  const row = (username: string, entity_type: string, event: string, count: number, created: string) => ({
    course_id: DEMO_COURSE, username, date: created.slice(0, 10), entity_type, entity_id: `${entity_type}-${count}`, event, count, created,
  });
  await fixture.insert('module_engagement', [
    row('user1', 'video', 'viewed', 1, OLD),
    row('user1', 'video', 'viewed', 2, RECENT),
    row('user1', 'problem', 'attempted', 4, RECENT),
    row('user1', 'problem', 'completed', 4, OLD),
    row('user2', 'discussion', 'contributed', 1, RECENT),
  ]);
}

describe('GET /api/v0/courses/{course_id}/user_engagement/', () => {
  it('sums each learner\'s engagement overall and over the last 7 days; sums over no rows are null', async () => {
    await withEngagement();
    const response = await fixture.get(url(DEMO_COURSE));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        username: 'user1',
        videos_overall: 3,
        videos_last_week: 1,
        problems_overall: 8,
        problems_last_week: 4,
        correct_problems_overall: 4,
        correct_problems_last_week: null,
        problems_attempts_overall: 4,
        problems_attempts_last_week: 4,
        forum_posts_overall: null,
        forum_posts_last_week: null,
        date_last_active: '2016-06-13',
      },
      {
        username: 'user2',
        videos_overall: null,
        videos_last_week: null,
        problems_overall: null,
        problems_last_week: null,
        correct_problems_overall: null,
        correct_problems_last_week: null,
        problems_attempts_overall: null,
        problems_attempts_last_week: null,
        forum_posts_overall: 1,
        forum_posts_last_week: 1,
        date_last_active: '2016-06-13',
      },
    ]);
  });

  it('answers 404 for a course without engagement', async () => {
    await withEngagement();
    expect((await fixture.get(url(NEW_COURSE))).json()).toMatchObject({ error_code: 'not_found' });
  });

  it('answers 401 without a key and 403 for a course the key may not read', async () => {
    await withEngagement({ scope: { courses: [NEW_COURSE], orgs: null } });
    expect((await fixture.get(url(DEMO_COURSE), {})).statusCode).toBe(401);
    expect((await fixture.get(url(DEMO_COURSE))).json()).toMatchObject({ error_code: 'course_not_permitted' });
  });
});

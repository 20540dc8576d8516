import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setApiKey } from '../../src/store/api-keys.js';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';
import { seedEveryTable, urlFor } from './seed-every-table.js';

// A key limited to READABLE must never see OTHER, on any route: routes are taken from the OpenAPI document, so a new
// route without a case here fails the test.
const READABLE = NEW_COURSE;
const OTHER = DEMO_COURSE;
const UNKEYED = new Set(['/status/', '/health/', '/report-downloads/{course_id}/{report_name}/', '/authenticated/']);
const LIST_VIEWS = new Set(['/api/v0/course_summaries/', '/api/v0/programs/']);

let fixture: ApiFixture;

beforeAll(async () => {
  fixture = await apiFixture({ scope: { courses: [READABLE], orgs: null } });
  await seedEveryTable(fixture, READABLE);
  await seedEveryTable(fixture, OTHER);
  await setApiKey(fixture.store, 'everything', 'unlimited-key');
});
afterAll(async () => {
  await fixture.close();
});

describe('a key limited to one course', async () => {
  const routes = async () => Object.keys(((await fixture.get('/openapi.json')).json() as { paths: object }).paths).filter((route) => !UNKEYED.has(route));

  it('covers every route of the OpenAPI document', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const route of all) expect(LIST_VIEWS.has(route) || /\{(course_id|problem_id|video_id|username)\}/.test(route), route).toBe(true);
  });

  it('reads its course and is refused the other on every per-course, per-problem, per-video and per-learner route', async () => {
    for (const route of (await routes()).filter((candidate) => !LIST_VIEWS.has(candidate))) {
      expect((await fixture.get(urlFor(route, READABLE))).statusCode, `${route} for ${READABLE}`).toBe(200);
      const refused = await fixture.get(urlFor(route, OTHER));
      expect(refused.statusCode, `${route} for ${OTHER}`).toBe(403);
      expect(refused.json().error_code).toBe('course_not_permitted');
      expect((await fixture.get(urlFor(route, OTHER), { authorization: 'Token unlimited-key' })).statusCode, `${route} unlimited`).toBe(200);
    }
  });

  it('sees only its course in course_summaries and programs, by GET and by POST, even when it asks for the other', async () => {
    for (const route of LIST_VIEWS) {
      for (const query of ['', `?course_ids=${encodeURIComponent(`${OTHER},${READABLE}`)}`]) {
        const response = await fixture.get(`${route}${query}`);
        expect(response.statusCode, route).toBe(200);
        expect(response.body).toContain(READABLE);
        expect(response.body, `${route}${query}`).not.toContain(OTHER);
      }
      const payload = route.includes('programs') ? { program_ids: ['program-1'] } : { course_ids: [OTHER, READABLE] };
      const posted = await fixture.app.inject({ method: 'POST', url: route, headers: { authorization: 'Token test-key' }, payload });
      expect(posted.body).toContain(READABLE);
      expect(posted.body).not.toContain(OTHER);
      expect((await fixture.get(route, { authorization: 'Token unlimited-key' })).body).toContain(OTHER);
    }
  });
});

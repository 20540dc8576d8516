import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from '../api/api-fixture.js';
import { seedEveryTable, urlFor } from '../api/seed-every-table.js';
import { freshMysqlDatabase, freshPostgresDatabase } from '../helpers/service-databases.js';

// The data API over MariaDB and PostgreSQL answers byte for byte what it answers over SQLite, on every route.
const COURSES = [NEW_COURSE, DEMO_COURSE];
const UNKEYED = new Set(['/status/', '/health/', '/report-downloads/{course_id}/{report_name}/', '/authenticated/']);
const LIST_QUERIES = [
  '/api/v0/course_summaries/',
  '/api/v0/course_summaries/?programs=1&recent_date=2014-01-01',
  `/api/v0/course_summaries/?course_ids=${encodeURIComponent(DEMO_COURSE)}&exclude=passing_users`,
  '/api/v0/programs/',
  '/api/v0/courses/course-v1:edX+DemoX+Demo_2014/enrollment/?start_date=2013-01-01&end_date=2015-01-01',
  '/api/v0/courses/course-v1:edX+DemoX+Demo_2014/activity/?start_date=2013-01-01T000000',
];

async function seeded(storeUrl?: string): Promise<ApiFixture> {
  // The download links differ by server (their folder); their answers are checked elsewhere.
  const fixture = await apiFixture({ ...(storeUrl ? { storeUrl } : {}), downloadSigningKey: 'same', now: () => new Date('2026-01-01T00:00:00Z') });
  for (const course of COURSES) await seedEveryTable(fixture, course);
  return fixture;
}

describe.each([
  ['MariaDB', freshMysqlDatabase],
  ['PostgreSQL', freshPostgresDatabase],
])('the data API over %s', (_name, freshDatabase) => {
  let reference: ApiFixture;
  let server: ApiFixture;
  beforeAll(async () => {
    reference = await seeded();
    server = await seeded(await freshDatabase());
  });
  afterAll(async () => {
    await reference?.close();
    await server?.close();
  });

  it('answers every route as over SQLite', async () => {
    const routes = Object.keys(((await reference.get('/openapi.json')).json() as { paths: object }).paths).filter(
      (route) => !UNKEYED.has(route) && route.includes('{') && !route.includes('{report_name}'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(17);
    const urls = [...routes.flatMap((route) => COURSES.map((course) => urlFor(route, course))), ...LIST_QUERIES];
    for (const url of urls) {
      const expected = await reference.get(url);
      expect(expected.statusCode, url).toBe(200);
      const actual = await server.get(url);
      expect(actual.statusCode, url).toBe(200);
      expect(actual.body, url).toBe(expected.body);
      const csv = await server.get(url, { authorization: 'Token test-key', accept: 'text/csv' });
      expect(csv.body, `${url} as CSV`).toBe((await reference.get(url, { authorization: 'Token test-key', accept: 'text/csv' })).body);
    }
  });

  it('matches course ids exactly, as SQLite does: another case is another course', async () => {
    const upper = urlFor('/api/v0/courses/{course_id}/enrollment/', NEW_COURSE.replace('edX', 'EDX'));
    expect((await server.get(upper)).statusCode).toBe(404);
    expect((await reference.get(upper)).statusCode).toBe(404);
  });

  it('checks keys and health in the store', async () => {
    expect((await server.get('/health/', {})).json().overall_status).toBe('OK');
    expect((await server.get(urlFor('/api/v0/courses/{course_id}/enrollment/', DEMO_COURSE), { authorization: 'Token wrong' })).statusCode).toBe(401);
  });
});

import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/build-api.js';
import type { StoreCapabilities } from '../../src/store/dialects/store-dialect.js';
import type { ReportsStore } from '../../src/store/reports-store.js';
import { apiFixture, CCX_COURSE, DEMO_COURSE, KEY, NEW_COURSE, SAMPLE_COURSES, type ApiFixture } from './api-fixture.js';

const URL = '/api/v0/course_summaries/';
const AUTH = { authorization: `Token ${KEY}` };
// The six modes the API lists plus no-id-professional, which it counts as professional (legacy enrollment_modes.ALL).
const STORED_MODES = ['audit', 'credit', 'honor', 'professional', 'verified', 'masters', 'no-id-professional'];
const PROGRAM_ID = '482dee71-e4b9-4b42-a47b-3e16bb69e8f2';

let fixture: ApiFixture;
afterEach(() => fixture?.close());

/** Each course with a row per stored mode: count 5, cumulative 10, change 1, passing 1. */
async function withSummaries(courseIds = SAMPLE_COURSES, availability = 'Current', scope?: Parameters<typeof apiFixture>[0]) {
  fixture = await apiFixture(scope);
  await fixture.insert(
    'course_meta_summary_enrollment',
    courseIds.flatMap((course_id) =>
      STORED_MODES.map((enrollment_mode) => ({
        course_id,
        catalog_course_title: 'Title',
        catalog_course: 'Catalog',
        start_time: '2016-10-11 00:00:00',
        end_time: '2016-12-18 00:00:00',
        pacing_type: 'instructor',
        availability,
        enrollment_mode,
        count: 5,
        cumulative_count: 10,
        count_change_7_days: 1,
        passing_users: 1,
      })),
    ),
  );
}

function post(body: object, headers: Record<string, string> = AUTH) {
  return fixture.app.inject({ method: 'POST', url: URL, headers, payload: body });
}

/** GET with the parameters in the query string, POST with them in the body: the answers must be the same. */
async function getAndPost(params: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  const got = await fixture.get(query === '' ? URL : `${URL}?${query}`);
  const posted = await post(params);
  expect(posted.statusCode).toBe(got.statusCode);
  expect(posted.body).toBe(got.body);
  // Form-encoded, as a browser form or a Django test client sends it.
  const form = await fixture.app.inject({ method: 'POST', url: URL, headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }, payload: query });
  expect(form.body).toBe(got.body);
  return got;
}

function expectedSummary(courseId: string, extra: object = {}) {
  const modeCounts = { count: 5, cumulative_count: 10, count_change_7_days: 1, passing_users: 1 };
  return {
    course_id: courseId,
    catalog_course_title: 'Title',
    catalog_course: 'Catalog',
    start_date: '2016-10-11T000000',
    end_date: '2016-12-18T000000',
    pacing_type: 'instructor',
    availability: 'Current',
    count: 35,
    cumulative_count: 70,
    count_change_7_days: 7,
    recent_count_change: null,
    passing_users: 7,
    enrollment_modes: {
      audit: modeCounts,
      credit: modeCounts,
      honor: modeCounts,
      professional: { count: 10, cumulative_count: 20, count_change_7_days: 2, passing_users: 2 },
      verified: modeCounts,
      masters: modeCounts,
    },
    created: '2014-12-10T193146',
    ...extra,
  };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('GET and POST /api/v0/course_summaries/', () => {
  it('answers 401 without a key', async () => {
    await withSummaries();
    expect((await fixture.get(URL, {})).statusCode).toBe(401);
    expect((await post({}, {})).statusCode).toBe(401);
  });

  it('summarises every course, ordered by course id, counts summed over the modes', async () => {
    await withSummaries();
    const response = await getAndPost();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([...SAMPLE_COURSES].sort().map((id) => expectedSummary(id)));
    expect((await fixture.app.inject({ method: 'POST', url: URL, headers: AUTH })).body).toBe(response.body);
  });

  it('lists the asked-for courses, from a comma list or a JSON list alike', async () => {
    await withSummaries();
    const response = await getAndPost({ course_ids: `${NEW_COURSE},${CCX_COURSE}` });
    expect(response.json()).toEqual([expectedSummary(CCX_COURSE), expectedSummary(NEW_COURSE)]);
    expect((await post({ course_ids: [NEW_COURSE, CCX_COURSE] })).body).toBe(response.body);
  });

  it.each([[['not a course']], [[DEMO_COURSE, 'not a course']]])('answers 400 course_key_malformed for %j', async (ids) => {
    await withSummaries();
    const response = await getAndPost({ course_ids: ids.join(',') });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error_code: 'course_key_malformed', developer_message: 'Course id/key not a course malformed.' });
  });

  it.each([['Not a date'], [day(1)], ['2014-02-30']])('answers 400 invalid_parameter for recent_date=%s', async (recentDate) => {
    await withSummaries();
    const response = await getAndPost({ recent_date: recentDate });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error_code: 'invalid_parameter' });
  });

  it('counts the change since recent_date (all of count when that day has no enrollment row)', async () => {
    await withSummaries();
    await fixture.insert('course_enrollment_daily', [{ course_id: DEMO_COURSE, date: day(-1), count: 21, cumulative_count: 21 }]);
    const response = await getAndPost({ recent_date: day(-1) });
    const changes = Object.fromEntries((response.json() as { course_id: string; recent_count_change: number }[]).map((item) => [item.course_id, item.recent_count_change]));
    expect(changes).toEqual({ [DEMO_COURSE]: 35 - 21, [NEW_COURSE]: 35, [CCX_COURSE]: 35 });
  });

  it('shows the availability "Starting Soon" as "Upcoming"', async () => {
    await withSummaries([DEMO_COURSE], 'Starting Soon');
    expect((await getAndPost()).json()).toEqual([expectedSummary(DEMO_COURSE, { availability: 'Upcoming' })]);
  });

  it('keeps only the keys of fields', async () => {
    await withSummaries();
    expect((await getAndPost({ fields: 'availability' })).json()).toEqual([{ availability: 'Current' }, { availability: 'Current' }, { availability: 'Current' }]);
  });

  it('leaves out the keys of exclude, also in each mode', async () => {
    await withSummaries();
    const response = await getAndPost({ exclude: 'passing_users' });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('passing_users');
  });

  it('adds the program ids when programs is asked for, an empty list for a course in no program', async () => {
    await withSummaries([DEMO_COURSE, NEW_COURSE]);
    await fixture.insert('course_program_metadata', [{ course_id: DEMO_COURSE, program_id: PROGRAM_ID, program_type: 'Demo', program_title: 'Test' }]);
    expect((await getAndPost({ programs: 'true' })).json()).toEqual([
      expectedSummary(NEW_COURSE, { programs: [] }),
      expectedSummary(DEMO_COURSE, { programs: [PROGRAM_ID] }),
    ]);
    expect((await getAndPost({ programs: '' })).body).not.toContain('programs');
    expect((await getAndPost({ programs: 'true', exclude: 'programs' })).body).not.toContain('programs');
  });

  it('answers 404 without data or for courses without rows', async () => {
    await withSummaries([]);
    expect((await getAndPost()).statusCode).toBe(404);
    await fixture.insert('course_meta_summary_enrollment', [{ course_id: DEMO_COURSE, enrollment_mode: 'audit', count: 1 }]);
    expect((await getAndPost({ course_ids: 'no/items/found' })).statusCode).toBe(404);
  });

  it('answers CSV with flattened mode columns', async () => {
    await withSummaries([DEMO_COURSE]);
    const response = await fixture.get(`${URL}?format=csv`);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.split('\r\n')[0]).toContain('enrollment_modes.audit.count');
  });

  describe('for a key limited to some courses', () => {
    it('lists only the courses the key may read, without 403', async () => {
      await withSummaries(SAMPLE_COURSES, 'Current', { scope: { courses: [NEW_COURSE], orgs: null } });
      expect((await getAndPost()).json()).toEqual([expectedSummary(NEW_COURSE)]);
      expect((await getAndPost({ course_ids: `${DEMO_COURSE},${NEW_COURSE}` })).json()).toEqual([expectedSummary(NEW_COURSE)]);
      expect((await getAndPost({ course_ids: DEMO_COURSE })).statusCode).toBe(404);
    });

    it('lists the courses of the orgs the key may read', async () => {
      await withSummaries(SAMPLE_COURSES, 'Current', { scope: { courses: null, orgs: ['edX'] } });
      expect((await getAndPost()).json()).toEqual([expectedSummary(NEW_COURSE), expectedSummary(DEMO_COURSE)]);
    });
  });

  describe('queries', () => {
    /** An API over the fixture's database that records each analytics query (key lookups and the answer cache aside). */
    async function countingApi(capabilities: Partial<StoreCapabilities> = {}) {
      const queries: string[] = [];
      const recorder: KyselyPlugin = {
        transformQuery: (args) => {
          const text = JSON.stringify(args.node);
          if (!text.includes('lantern_api_keys')) queries.push(text);
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const { store } = fixture;
      const counted: ReportsStore = {
        db: store.db.withPlugin(recorder),
        url: store.url,
        ddl: store.ddl,
        capabilities: { ...store.capabilities, ...capabilities },
        close: async () => {},
      };
      const app = await buildApi({ store: counted, rateLimit: false, responseCache: false });
      const request = async (method: 'GET' | 'POST', params: Record<string, string>) => {
        const url = method === 'GET' ? `${URL}?${new URLSearchParams(params)}` : URL;
        return app.inject({ method, url, headers: AUTH, ...(method === 'POST' ? { payload: params } : {}) });
      };
      return { queries, request, close: () => app.close() };
    }

    it.each([
      [1, { programs: 'true' }, 2],
      [500, { programs: 'true' }, 2],
      [500, { programs: 'true', recent_date: day(-1) }, 3],
      [500, {}, 1],
    ])('makes a fixed number of queries whatever the number of ids (%i ids, %j)', async (idCount, params, perRequest) => {
      await withSummaries();
      const ids = [...SAMPLE_COURSES, ...Array.from({ length: idCount - 1 }, (_, index) => `org/course/run${index}`)].slice(0, idCount);
      const api = await countingApi();
      for (const method of ['GET', 'POST'] as const) expect((await api.request(method, { ...params, course_ids: ids.join(',') })).statusCode).toBe(200);
      expect(api.queries).toHaveLength(2 * perRequest);
      await api.close();
    });

    it('splits long id lists to fit the bound-parameter limit, with the same answer', async () => {
      await withSummaries();
      await fixture.insert('course_program_metadata', [{ course_id: CCX_COURSE, program_id: PROGRAM_ID, program_type: 'Demo', program_title: 'Test' }]);
      const params = { course_ids: SAMPLE_COURSES.join(','), programs: '1', recent_date: day(-1) };
      const api = await countingApi({ maxBindParameters: 2 });
      const split = await api.request('GET', params);
      expect(split.body).toBe((await fixture.get(`${URL}?${new URLSearchParams(params)}`)).body);
      expect(api.queries).toHaveLength(2 + 2 + 3);
      await api.close();
    });
  });
});

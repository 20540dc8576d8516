import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiFixture, CREATED, DEMO_COURSE, NEW_COURSE, SAMPLE_COURSES, type ApiFixture } from './api-fixture.js';

const DAY = '2014-01-01';
const EARLIER = '2013-12-25';
const LEGACY_CREATED = '2014-12-10T193146';

let fixture: ApiFixture;
beforeEach(async () => {
  fixture = await apiFixture();
});
afterEach(async () => {
  await fixture.close();
});

/** Each enrollment endpoint with the rows it reads (one day) and the items it must answer. */
const ENDPOINTS = [
  {
    path: 'enrollment',
    slug: 'enrollment',
    seed: (course: string, date: string) => fixture.insert('course_enrollment_daily', [{ course_id: course, date, count: 203, cumulative_count: 400 }]),
    expected: (course: string, date: string) => [{ course_id: course, date, count: 203, created: LEGACY_CREATED }],
  },
  {
    path: 'enrollment/birth_year',
    slug: 'enrollment-age',
    seed: (course: string, date: string) =>
      fixture.insert('course_enrollment_birth_year_daily', [
        { course_id: course, date, birth_year: 1960, count: 5, cumulative_count: 5 },
        { course_id: course, date, birth_year: 1990, count: 7, cumulative_count: 9 },
      ]),
    expected: (course: string, date: string) => [
      { course_id: course, date, birth_year: 1960, count: 5, created: LEGACY_CREATED },
      { course_id: course, date, birth_year: 1990, count: 7, created: LEGACY_CREATED },
    ],
  },
  {
    path: 'enrollment/education',
    slug: 'enrollment-education',
    seed: (course: string, date: string) =>
      fixture.insert('course_enrollment_education_level_daily', [
        { course_id: course, date, education_level: 'bachelors', count: 3, cumulative_count: 3 },
        { course_id: course, date, education_level: null, count: 2, cumulative_count: 2 },
      ]),
    expected: (course: string, date: string) => [
      { course_id: course, date, education_level: 'bachelors', count: 3, created: LEGACY_CREATED },
      { course_id: course, date, education_level: null, count: 2, created: LEGACY_CREATED },
    ],
  },
  {
    path: 'enrollment/gender',
    slug: 'enrollment-gender',
    seed: (course: string, date: string) =>
      fixture.insert('course_enrollment_gender_daily', [
        { course_id: course, date, gender: 'f', count: 4, cumulative_count: 4 },
        { course_id: course, date, gender: 'm', count: 6, cumulative_count: 6 },
        { course_id: course, date, gender: 'u', count: 1, cumulative_count: 1 },
        { course_id: course, date, gender: null, count: 2, cumulative_count: 2 },
      ]),
    expected: (course: string, date: string) => [{ course_id: course, date, female: 4, male: 6, other: 0, unknown: 3, created: LEGACY_CREATED }],
  },
  {
    path: 'enrollment/mode',
    slug: 'enrollment_mode',
    seed: (course: string, date: string) =>
      fixture.insert('course_enrollment_mode_daily', [
        { course_id: course, date, mode: 'audit', count: 10, cumulative_count: 20 },
        { course_id: course, date, mode: 'professional', count: 1, cumulative_count: 2 },
        { course_id: course, date, mode: 'no-id-professional', count: 2, cumulative_count: 3 },
      ]),
    expected: (course: string, date: string) => [
      { course_id: course, date, count: 13, cumulative_count: 25, created: LEGACY_CREATED, audit: 10, credit: 0, honor: 0, professional: 3, verified: 0, masters: 0 },
    ],
  },
  {
    path: 'enrollment/location',
    slug: 'enrollment-location',
    seed: (course: string, date: string) =>
      fixture.insert('course_enrollment_location_current', [
        { course_id: course, date, country_code: 'US', count: 455, cumulative_count: 455 },
        { course_id: course, date, country_code: 'CA', count: 356, cumulative_count: 356 },
        { course_id: course, date, country_code: 'A1', count: 1, cumulative_count: 1 },
      ]),
    expected: (course: string, date: string) => [
      { date, course_id: course, country: { alpha2: null, alpha3: null, name: 'UNKNOWN' }, count: 1, created: LEGACY_CREATED },
      { date, course_id: course, country: { alpha2: 'CA', alpha3: 'CAN', name: 'Canada' }, count: 356, created: LEGACY_CREATED },
      { date, course_id: course, country: { alpha2: 'US', alpha3: 'USA', name: 'United States of America' }, count: 455, created: LEGACY_CREATED },
    ],
  },
] as const;

describe.each(ENDPOINTS)('GET courses/{id}/$path/', (endpoint) => {
  const url = (course: string, query = '') => `/api/v0/courses/${course}/${endpoint.path}/${query}`;

  it('answers the latest day only when no date is given, for every course key form, as it is or URL-encoded', async () => {
    for (const course of SAMPLE_COURSES) {
      await endpoint.seed(course, EARLIER);
      await endpoint.seed(course, DAY);
      for (const path of [url(course), url(encodeURIComponent(course)), url(course).replace(/\/$/, '')]) {
        const response = await fixture.get(path);
        expect(response.statusCode, path).toBe(200);
        expect(response.json(), path).toEqual(endpoint.expected(course, DAY));
      }
    }
  });

  it('filters by start_date (included) and end_date (excluded) in both date formats', async () => {
    await endpoint.seed(DEMO_COURSE, EARLIER);
    await endpoint.seed(DEMO_COURSE, DAY);
    expect((await fixture.get(url(DEMO_COURSE, '?start_date=2014-01-31'))).statusCode).toBe(404);
    expect((await fixture.get(url(DEMO_COURSE, '?end_date=2013-12-02'))).statusCode).toBe(404);
    for (const query of ['?start_date=2014-01-01&end_date=2014-01-02', '?start_date=2014-01-01T000000&end_date=2014-01-02T000000']) {
      expect((await fixture.get(url(DEMO_COURSE, query))).json()).toEqual(endpoint.expected(DEMO_COURSE, DAY));
    }
    const both = (await fixture.get(url(DEMO_COURSE, '?start_date=2013-12-25&end_date=2014-01-02'))).json() as unknown[];
    // (Location items are ordered by country first, as the legacy view left them.)
    const expected = [...endpoint.expected(DEMO_COURSE, EARLIER), ...endpoint.expected(DEMO_COURSE, DAY)];
    expect(both).toHaveLength(expected.length);
    expect(both).toEqual(expect.arrayContaining(expected));
  });

  it('answers CSV with the legacy file name when asked with Accept: text/csv, and with ?format=csv', async () => {
    await endpoint.seed(DEMO_COURSE, DAY);
    const response = await fixture.get(url(DEMO_COURSE), { authorization: 'Token test-key', accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename=edX-DemoX-Demo_Course--${endpoint.slug}.csv`);
    const [header, ...lines] = response.body.split('\r\n');
    const columns = header!.split(',');
    expect(columns).toEqual([...columns].sort());
    expect(lines).toHaveLength(endpoint.expected(DEMO_COURSE, DAY).length + 1);
    const byFormat = await fixture.get(url(DEMO_COURSE, '?format=csv'));
    expect(byFormat.body).toBe(response.body);
    expect(byFormat.headers['content-disposition']).toBeUndefined();
  });

  it('is 404 for a course without rows, 400 for an unparsable date, 401 without a key', async () => {
    await endpoint.seed(DEMO_COURSE, DAY);
    expect((await fixture.get(url('edX/DemoX/Non_Existent_Course'))).json()).toMatchObject({ error_code: 'not_found' });
    const bad = await fixture.get(url(DEMO_COURSE, '?start_date=2014-13-01'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error_code: 'invalid_parameter', developer_message: expect.stringContaining('start_date "2014-13-01"') });
    expect((await fixture.get(url(DEMO_COURSE), {})).statusCode).toBe(401);
  });
});

describe('legacy URL forms', () => {
  it('serves v1 paths as v0 (but not enrollment/birth_year, which v1 dropped), and answers malformed URLs with a coded 400', async () => {
    await fixture.insert('course_enrollment_daily', [{ course_id: DEMO_COURSE, date: DAY, count: 1, cumulative_count: 1 }]);
    await fixture.insert('course_enrollment_birth_year_daily', [{ course_id: DEMO_COURSE, date: DAY, birth_year: 1990, count: 1, cumulative_count: 1 }]);
    const v0 = await fixture.get(`/api/v0/courses/${DEMO_COURSE}/enrollment/`);
    expect((await fixture.get(`/api/v1/courses/${DEMO_COURSE}/enrollment/`)).body).toBe(v0.body);
    expect((await fixture.get(`/api/v1/courses/${DEMO_COURSE}/enrollment/birth_year/`)).statusCode).toBe(404);
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/enrollment/birth_year/`)).statusCode).toBe(200);
    const malformed = await fixture.get('/api/v0/courses/%ZZ/enrollment/');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error_code).toBe('invalid_parameter');
  });

  it('answers CSV without a file name for a course id that is not a valid key', async () => {
    await fixture.insert('course_enrollment_daily', [{ course_id: 'edX/Demo X/run', date: DAY, count: 1, cumulative_count: 1 }]);
    const response = await fixture.get(`/api/v0/courses/${encodeURIComponent('edX/Demo X/run')}/enrollment/`, { authorization: 'Token test-key', accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBeUndefined();
  });
});

describe('enrollment shapes (legacy defaults)', () => {
  it('fills every gender and mode with 0 (a single row)', async () => {
    await fixture.insert('course_enrollment_gender_daily', [{ course_id: NEW_COURSE, date: DAY, gender: 'f', count: 1, cumulative_count: 1 }]);
    await fixture.insert('course_enrollment_mode_daily', [{ course_id: NEW_COURSE, date: DAY, mode: 'audit', count: 1, cumulative_count: 100 }]);
    expect((await fixture.get(`/api/v0/courses/${NEW_COURSE}/enrollment/gender/`)).json()).toEqual([
      { course_id: NEW_COURSE, date: DAY, created: LEGACY_CREATED, female: 1, male: 0, other: 0, unknown: 0 },
    ]);
    expect((await fixture.get(`/api/v0/courses/${NEW_COURSE}/enrollment/mode/`)).json()).toEqual([
      { course_id: NEW_COURSE, date: DAY, count: 1, cumulative_count: 100, created: LEGACY_CREATED, audit: 1, credit: 0, honor: 0, professional: 0, verified: 0, masters: 0 },
    ]);
  });

  it('collapses unknown country codes into one UNKNOWN item first and leaves out older days (legacy location test)', async () => {
    const codes: [string, number][] = [['US', 455], ['CA', 356], ['', 356], ['A1', 1], ['A2', 2], ['AP', 1], ['EU', 4], ['O1', 7]];
    await fixture.insert('course_enrollment_location_current', codes.map(([code, count]) => ({ course_id: DEMO_COURSE, date: DAY, country_code: code, count, cumulative_count: count })));
    await fixture.insert('course_enrollment_location_current', [{ course_id: DEMO_COURSE, date: '2013-12-03', country_code: 'IN', count: 29, cumulative_count: 29 }]);
    const items = (await fixture.get(`/api/v0/courses/${DEMO_COURSE}/enrollment/location/`)).json() as { country: { alpha2: string | null; name: string }; count: number }[];
    expect(items.map((item) => [item.country.alpha2, item.country.name, item.count])).toEqual([
      [null, 'UNKNOWN', 371],
      ['CA', 'Canada', 356],
      ['US', 'United States of America', 455],
    ]);
  });

  it('writes created as the store holds it, in the legacy format', async () => {
    await fixture.insert('course_enrollment_daily', [{ course_id: DEMO_COURSE, date: DAY, count: 1, cumulative_count: 1, created: '2015-02-03 04:05:06' }]);
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/enrollment/`)).json()).toEqual([{ course_id: DEMO_COURSE, date: DAY, count: 1, created: '2015-02-03T040506' }]);
    expect(CREATED).toBe('2014-12-10 19:31:46');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, SAMPLE_COURSES, type ApiFixture } from './api-fixture.js';

const LEGACY_CREATED = '2014-12-10T193146';
const LATER = '2014-12-11 08:00:00';

let fixture: ApiFixture;
afterEach(async () => {
  await fixture?.close();
});

function answer(course: string, module: string, part: string, correct: number, last: number, created?: string) {
  return { course_id: course, module_id: module, part_id: part, correct, first_response_count: 0, last_response_count: last, value_id: null, answer_value_text: 'x', ...(created ? { created } : {}) };
}

function tag(course: string, module: string, name: string, value: string, total = 10, correct = 5) {
  return { course_id: course, org_id: 'edX', module_id: module, tag_name: name, tag_value: value, total_submissions: total, correct_submissions: correct };
}

const problems = (course: string) => `/api/v0/courses/${course}/problems/`;
const tagged = (course: string) => `/api/v0/courses/${course}/problems_and_tags/`;

describe('GET /api/v0/courses/{course_id}/problems/', () => {
  it.each(SAMPLE_COURSES)('averages last-response submissions over parts, per problem (%s)', async (course) => {
    fixture = await apiFixture();
    // Legacy CourseProblemsListViewTests: the rows of conformance item 7, plus another course's row.
    await fixture.insert('answer_distribution', [
      answer(course, 'm1', 'p1', 1, 100),
      answer(course, 'm2', 'p2', 1, 100, LATER),
      answer(course, 'm1', 'p3', 0, 200, LATER),
      answer(NEW_COURSE === course ? DEMO_COURSE : NEW_COURSE, 'm1', 'p1', 1, 999),
    ]);
    const response = await fixture.get(problems(course));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { module_id: 'm1', total_submissions: 150, correct_submissions: 50, part_ids: ['p1', 'p3'], created: '2014-12-11T080000' },
      { module_id: 'm2', total_submissions: 100, correct_submissions: 100, part_ids: ['p2'], created: '2014-12-11T080000' },
    ]);
  });

  it('sums every answer of a part and truncates the average, as the legacy integer division did', async () => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [
      answer(DEMO_COURSE, 'm1', 'p1', 1, 3),
      answer(DEMO_COURSE, 'm1', 'p1', 0, 4),
      answer(DEMO_COURSE, 'm1', 'p2', 1, 0),
    ]);
    expect((await fixture.get(problems(DEMO_COURSE))).json()).toEqual([
      { module_id: 'm1', total_submissions: 3, correct_submissions: 1, part_ids: ['p1', 'p2'], created: LEGACY_CREATED },
    ]);
  });

  it('answers CSV (lists joined with ", ")', async () => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [answer(DEMO_COURSE, 'm1', 'p1', 1, 10), answer(DEMO_COURSE, 'm1', 'p2', 0, 10)]);
    for (const response of [await fixture.get(`${problems(DEMO_COURSE)}?format=csv`), await fixture.get(problems(DEMO_COURSE), { authorization: 'Token test-key', accept: 'text/csv' })]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.body).toBe(`correct_submissions,created,module_id,part_ids,total_submissions\r\n5,${LEGACY_CREATED},m1,"p1, p2",10\r\n`);
    }
  });

  it('is 404 for a course without answers, 401 without a key and 403 for a course the key may not read', async () => {
    fixture = await apiFixture({ scope: { courses: [NEW_COURSE], orgs: null } });
    await fixture.insert('answer_distribution', [answer(DEMO_COURSE, 'm1', 'p1', 1, 10)]);
    expect((await fixture.get(problems(NEW_COURSE))).json()).toMatchObject({ error_code: 'not_found' });
    expect((await fixture.get(problems(DEMO_COURSE), {})).statusCode).toBe(401);
    const forbidden = await fixture.get(problems(DEMO_COURSE));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error_code: 'course_not_permitted' });
  });
});

describe('GET /api/v0/courses/{course_id}/problems_and_tags/', () => {
  it.each(SAMPLE_COURSES)('groups the tags of each problem, values sorted, created the latest (%s)', async (course) => {
    fixture = await apiFixture();
    await fixture.insert('tags_distribution', [
      tag(course, 'i4x://test/problem/2', 'difficulty', 'Hard', 20, 4),
      tag(course, 'i4x://test/problem/1', 'learning_outcome', 'Learned a few things', 10, 5),
      { ...tag(course, 'i4x://test/problem/2', 'learning_outcome', 'Zeta'), created: LATER },
      tag(course, 'i4x://test/problem/2', 'learning_outcome', 'Alpha'),
      tag(course === DEMO_COURSE ? NEW_COURSE : DEMO_COURSE, 'i4x://test/problem/3', 'difficulty', 'Easy'),
    ]);
    const response = await fixture.get(tagged(course));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        module_id: 'i4x://test/problem/2',
        total_submissions: 20,
        correct_submissions: 4,
        tags: { difficulty: ['Hard'], learning_outcome: ['Alpha', 'Zeta'] },
        created: '2014-12-11T080000',
      },
      { module_id: 'i4x://test/problem/1', total_submissions: 10, correct_submissions: 5, tags: { learning_outcome: ['Learned a few things'] }, created: LEGACY_CREATED },
    ]);
  });

  it('answers CSV with one column per tag name', async () => {
    fixture = await apiFixture();
    await fixture.insert('tags_distribution', [tag(DEMO_COURSE, 'm1', 'difficulty', 'Hard'), tag(DEMO_COURSE, 'm1', 'difficulty', 'Easy')]);
    const response = await fixture.get(`${tagged(DEMO_COURSE)}?format=csv`);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body).toBe(`correct_submissions,created,module_id,tags.difficulty,total_submissions\r\n5,${LEGACY_CREATED},m1,"Easy, Hard",10\r\n`);
  });

  it('is 404 without tags, 401 without a key and 403 for a course the key may not read', async () => {
    fixture = await apiFixture({ scope: { courses: null, orgs: ['edx'] } });
    await fixture.insert('tags_distribution', [tag(NEW_COURSE, 'm1', 'difficulty', 'Hard')]);
    expect((await fixture.get(tagged('edx/Other/Run'))).statusCode).toBe(404);
    expect((await fixture.get(tagged(NEW_COURSE), {})).statusCode).toBe(401);
    expect((await fixture.get(tagged(NEW_COURSE))).json()).toMatchObject({ error_code: 'course_not_permitted' });
  });
});

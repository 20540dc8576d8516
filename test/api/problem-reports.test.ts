import { afterEach, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const LEGACY_CREATED = '2014-12-10T193146';
const PROBLEM = 'i4x://edX/DemoX/problem/05d289c5ad3d47d48a77622c4a81ec36';
const BLOCK = 'block-v1:edX+DemoX+Demo_2014+type@problem+block@abc';

let fixture: ApiFixture;
afterEach(async () => {
  await fixture?.close();
});

interface AnswerOverrides {
  course_id?: string;
  module_id?: string;
  part_id?: string;
  correct?: number;
  value_id?: string | null;
  answer_value_text?: string | null;
  variant?: number | null;
  first_response_count?: number;
  last_response_count?: number;
}

function answer(overrides: AnswerOverrides = {}) {
  return {
    course_id: DEMO_COURSE,
    module_id: PROBLEM,
    part_id: 'p1',
    correct: 1,
    first_response_count: 1,
    last_response_count: 3,
    value_id: 'choice_1',
    answer_value_text: 'Ohio',
    answer_value_numeric: null,
    variant: null,
    problem_display_name: 'Capitals',
    question_text: 'Which state?',
    ...overrides,
  };
}

const answers = (problem: string) => `/api/v0/problems/${encodeURIComponent(problem)}/answer_distribution/`;
const grades = (problem: string) => `/api/v0/problems/${encodeURIComponent(problem)}/grade_distribution/`;
const opens = (sequential: string) => `/api/v0/problems/${encodeURIComponent(sequential)}/sequential_open_distribution/`;

describe('GET /api/v0/problems/{problem_id}/answer_distribution/', () => {
  it('sums the variants of an answer into one consolidated item (conformance item 8)', async () => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [
      answer({ variant: 123, first_response_count: 1, last_response_count: 3 }),
      answer({ variant: 345, first_response_count: 0, last_response_count: 2 }),
    ]);
    const response = await fixture.get(answers(PROBLEM));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        course_id: DEMO_COURSE,
        module_id: PROBLEM,
        part_id: 'p1',
        correct: true,
        first_response_count: 1,
        last_response_count: 5,
        value_id: 'choice_1',
        answer_value: 'Ohio',
        problem_display_name: 'Capitals',
        question_text: 'Which state?',
        variant: null,
        created: LEGACY_CREATED,
        consolidated_variant: true,
      },
    ]);
  });

  it('leaves a part whose value_id is both correct and incorrect unconsolidated, parts in order', async () => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [
      answer({ part_id: 'p2', variant: 1, correct: 1 }),
      answer({ part_id: 'p2', variant: 2, correct: 0 }),
      answer({ part_id: 'p1', variant: 7, value_id: null, answer_value_text: null }),
    ]);
    const items = (await fixture.get(answers(PROBLEM))).json() as Record<string, unknown>[];
    expect(items.map((item) => [item.part_id, item.variant, item.correct, item.consolidated_variant, item.value_id, item.answer_value])).toEqual([
      ['p1', 7, true, false, null, 'None'],
      ['p2', 1, true, false, 'choice_1', 'Ohio'],
      ['p2', 2, false, false, 'choice_1', 'Ohio'],
    ]);
  });

  it.each([
    ['[0, 100, 7, "x", "Duōshǎo"]', '[0|100|7|x|Duōshǎo]'],
    ['"a","b" <choicehint>Correct.</choicehint> o', '"a","b" Correct. o'],
    ['[{"3":"t1"},{"2":"t2"}]', '[{"3": "t1"}|{"2": "t2"}]'],
    ['<img src="doggo.png" height="100"/>', ''],
    ['<table><tr><td>(0</td><td>1/3</td><td>0)</td></tr></table>', '(0 1/3 0)'],
    ['"hello**ONEBACKSLASHQUOTE**', '"hello\\"'],
    ['**BACKSLASHSPACE**hello', '\\ hello'],
  ])('formats the answer %j as %j (conformance item 9)', async (stored, shown) => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [answer({ module_id: BLOCK, answer_value_text: stored })]);
    // The block id as the legacy URLs had it, unencoded.
    const response = await fixture.get(`/api/v0/problems/${BLOCK}/answer_distribution/`);
    expect(response.json()).toMatchObject([{ module_id: BLOCK, answer_value: shown }]);
  });

  it('answers CSV (booleans as Python wrote them)', async () => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [answer({ correct: 0 })]);
    const response = await fixture.get(`${answers(PROBLEM)}?format=csv`);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = response.body.split('\r\n');
    expect(header).toBe(
      'answer_value,consolidated_variant,correct,course_id,created,first_response_count,last_response_count,module_id,part_id,problem_display_name,question_text,value_id,variant',
    );
    expect(row).toBe(`Ohio,False,False,${DEMO_COURSE},${LEGACY_CREATED},1,3,${PROBLEM},p1,Capitals,Which state?,choice_1,`);
  });

  it('is 404 for an unknown problem and 401 without a key', async () => {
    fixture = await apiFixture();
    await fixture.insert('answer_distribution', [answer()]);
    expect((await fixture.get(answers('i4x://edX/DemoX/problem/missing'))).json()).toMatchObject({ error_code: 'not_found' });
    expect((await fixture.get(answers(PROBLEM), {})).statusCode).toBe(401);
  });

  it("keeps only the rows of the key's courses, and is 403 when none is", async () => {
    fixture = await apiFixture({ scope: { courses: [NEW_COURSE], orgs: null } });
    await fixture.insert('answer_distribution', [answer({ course_id: NEW_COURSE }), answer({ course_id: DEMO_COURSE, part_id: 'p0' }), answer({ module_id: BLOCK })]);
    expect(((await fixture.get(answers(PROBLEM))).json() as { course_id: string }[]).map((item) => item.course_id)).toEqual([NEW_COURSE]);
    expect((await fixture.get(answers(BLOCK))).json()).toMatchObject({ error_code: 'course_not_permitted' });
  });
});

describe('GET /api/v0/problems/{problem_id}/grade_distribution/', () => {
  it('lists the grades of the problem', async () => {
    fixture = await apiFixture();
    await fixture.insert('grade_distribution', [
      { module_id: PROBLEM, course_id: DEMO_COURSE, grade: 0, max_grade: 2, count: 5 },
      { module_id: PROBLEM, course_id: DEMO_COURSE, grade: 2, max_grade: 2, count: 9 },
      { module_id: BLOCK, course_id: NEW_COURSE, grade: 1, max_grade: 1, count: 1 },
    ]);
    const response = await fixture.get(grades(PROBLEM));
    expect(response.json()).toEqual([
      { module_id: PROBLEM, course_id: DEMO_COURSE, grade: 0, max_grade: 2, count: 5, created: LEGACY_CREATED },
      { module_id: PROBLEM, course_id: DEMO_COURSE, grade: 2, max_grade: 2, count: 9, created: LEGACY_CREATED },
    ]);
    const csv = await fixture.get(grades(PROBLEM), { authorization: 'Token test-key', accept: 'text/csv' });
    expect(csv.body.split('\r\n')[0]).toBe('count,course_id,created,grade,max_grade,module_id');
  });

  it('is 404 for an unknown problem, 401 without a key and 403 for a course the key may not read', async () => {
    fixture = await apiFixture({ scope: { courses: null, orgs: ['MITx'] } });
    await fixture.insert('grade_distribution', [{ module_id: PROBLEM, course_id: DEMO_COURSE, grade: 1, max_grade: 1, count: 1 }]);
    expect((await fixture.get(grades(BLOCK))).statusCode).toBe(404);
    expect((await fixture.get(grades(PROBLEM), {})).statusCode).toBe(401);
    expect((await fixture.get(grades(PROBLEM))).json()).toMatchObject({ error_code: 'course_not_permitted' });
  });
});

describe('GET /api/v0/problems/{problem_id}/sequential_open_distribution/', () => {
  const SEQUENTIAL = 'block-v1:edX+DemoX+Demo_2014+type@sequential+block@s1';

  it('lists the opens of the subsection', async () => {
    fixture = await apiFixture();
    await fixture.insert('sequential_open_distribution', [
      { module_id: SEQUENTIAL, course_id: NEW_COURSE, count: 40 },
      { module_id: `${SEQUENTIAL}x`, course_id: NEW_COURSE, count: 1 },
    ]);
    expect((await fixture.get(opens(SEQUENTIAL))).json()).toEqual([{ module_id: SEQUENTIAL, course_id: NEW_COURSE, count: 40, created: LEGACY_CREATED }]);
    expect((await fixture.get(`${opens(SEQUENTIAL)}?format=csv`)).body).toBe(`count,course_id,created,module_id\r\n40,${NEW_COURSE},${LEGACY_CREATED},${SEQUENTIAL}\r\n`);
  });

  it('is 404 for an unknown subsection, 401 without a key and 403 for a course the key may not read', async () => {
    fixture = await apiFixture({ scope: { courses: [DEMO_COURSE], orgs: null } });
    await fixture.insert('sequential_open_distribution', [{ module_id: SEQUENTIAL, course_id: NEW_COURSE, count: 40 }]);
    expect((await fixture.get(opens('i4x://edX/DemoX/sequential/none'))).statusCode).toBe(404);
    expect((await fixture.get(opens(SEQUENTIAL), {})).statusCode).toBe(401);
    expect((await fixture.get(opens(SEQUENTIAL))).statusCode).toBe(403);
  });
});

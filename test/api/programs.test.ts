import { afterEach, describe, expect, it } from 'vitest';
import { apiFixture, CCX_COURSE, DEMO_COURSE, KEY, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const URL = '/api/v0/programs/';
const AUTH = { authorization: `Token ${KEY}` };
// The legacy CourseSamples.program_ids, in order.
const [FIRST, SECOND, THIRD] = ['482dee71-e4b9-4b42-a47b-3e16bb69e8f2', '71c14f59-35d5-41f2-a017-e108d2d9f127', 'cfc6b5ee-6aa1-4c82-8421-20418c492618'];

let fixture: ApiFixture;
afterEach(() => fixture?.close());

/** FIRST holds the demo and the new course, SECOND the ccx course, THIRD the new course. */
async function withPrograms(options?: Parameters<typeof apiFixture>[0]) {
  fixture = await apiFixture(options);
  const row = (program_id: string, course_id: string) => ({ program_id, course_id, program_type: 'Demo', program_title: `Program ${program_id.slice(0, 4)}` });
  await fixture.insert('course_program_metadata', [row(FIRST, NEW_COURSE), row(FIRST, DEMO_COURSE), row(SECOND, CCX_COURSE), row(THIRD, NEW_COURSE)]);
}

function program(programId: string, courseIds: string[]) {
  return { program_id: programId, program_type: 'Demo', program_title: `Program ${programId.slice(0, 4)}`, created: '2014-12-10T193146', course_ids: courseIds };
}

/** GET with the parameters in the query string, POST with them in the body: the answers must be the same. */
async function getAndPost(params: Record<string, string> = {}) {
  const got = await fixture.get(`${URL}?${new URLSearchParams(params)}`);
  const posted = await fixture.app.inject({ method: 'POST', url: URL, headers: AUTH, payload: params });
  expect(posted.statusCode).toBe(got.statusCode);
  expect(posted.body).toBe(got.body);
  return got;
}

describe('GET and POST /api/v0/programs/', () => {
  it('answers 401 without a key', async () => {
    await withPrograms();
    expect((await fixture.get(URL, {})).statusCode).toBe(401);
  });

  it('lists every program with its courses, ordered by program id', async () => {
    await withPrograms();
    expect((await getAndPost()).json()).toEqual([program(FIRST, [NEW_COURSE, DEMO_COURSE]), program(SECOND, [CCX_COURSE]), program(THIRD, [NEW_COURSE])]);
  });

  it('lists the asked-for programs', async () => {
    await withPrograms();
    expect((await getAndPost({ program_ids: `${THIRD},${SECOND}` })).json()).toEqual([program(SECOND, [CCX_COURSE]), program(THIRD, [NEW_COURSE])]);
    expect((await getAndPost({ program_ids: 'no-such-program' })).statusCode).toBe(404);
  });

  it('applies fields and exclude', async () => {
    await withPrograms();
    expect((await getAndPost({ program_ids: SECOND, fields: 'program_id,course_ids' })).json()).toEqual([{ program_id: SECOND, course_ids: [CCX_COURSE] }]);
    expect((await getAndPost({ program_ids: SECOND, exclude: 'created,program_title' })).json()).toEqual([
      { program_id: SECOND, program_type: 'Demo', course_ids: [CCX_COURSE] },
    ]);
  });

  it('answers 404 without programs', async () => {
    fixture = await apiFixture();
    expect((await getAndPost()).statusCode).toBe(404);
  });

  it('shows a key limited to a course only that course, and only the programs holding it', async () => {
    await withPrograms({ scope: { courses: [NEW_COURSE], orgs: null } });
    expect((await getAndPost()).json()).toEqual([program(FIRST, [NEW_COURSE]), program(THIRD, [NEW_COURSE])]);
    expect((await getAndPost({ program_ids: SECOND })).statusCode).toBe(404);
  });

  it('shows a key limited to an org the courses of that org', async () => {
    await withPrograms({ scope: { courses: null, orgs: ['edx'] } });
    expect((await getAndPost()).json()).toEqual([program(SECOND, [CCX_COURSE])]);
  });
});

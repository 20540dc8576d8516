import { afterEach, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, SAMPLE_COURSES, type ApiFixture } from './api-fixture.js';

const LEGACY_CREATED = '2014-12-10T193146';

let fixture: ApiFixture;
afterEach(async () => {
  await fixture?.close();
});

function video(course: string, module: string, usersAtStart: number) {
  return {
    pipeline_video_id: `${course}|${module}`,
    course_id: course,
    encoded_module_id: module,
    duration: 500,
    segment_length: 5,
    users_at_start: usersAtStart,
    users_at_end: 10,
    total_viewed_seconds: 3000,
  };
}

const videos = (course: string) => `/api/v0/courses/${course}/videos/`;

describe('GET /api/v0/courses/{course_id}/videos/', () => {
  it.each(SAMPLE_COURSES)("lists the course's videos with the legacy keys only (%s)", async (course) => {
    fixture = await apiFixture();
    await fixture.insert('video', [video(course, 'v1', 1234), video(course, 'v2', 30), video(course === DEMO_COURSE ? NEW_COURSE : DEMO_COURSE, 'v3', 1)]);
    const response = await fixture.get(videos(course));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { pipeline_video_id: `${course}|v1`, encoded_module_id: 'v1', duration: 500, segment_length: 5, users_at_start: 1234, users_at_end: 10, created: LEGACY_CREATED },
      { pipeline_video_id: `${course}|v2`, encoded_module_id: 'v2', duration: 500, segment_length: 5, users_at_start: 30, users_at_end: 10, created: LEGACY_CREATED },
    ]);
  });

  it('ignores dates (no date filter) and answers CSV', async () => {
    fixture = await apiFixture();
    await fixture.insert('video', [video(DEMO_COURSE, 'v1', 7)]);
    expect((await fixture.get(`${videos(DEMO_COURSE)}?start_date=2030-01-01`)).statusCode).toBe(200);
    const response = await fixture.get(videos(DEMO_COURSE), { authorization: 'Token test-key', accept: 'text/csv' });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body).toBe(
      'created,duration,encoded_module_id,pipeline_video_id,segment_length,users_at_end,users_at_start\r\n' +
        `${LEGACY_CREATED},500,v1,${DEMO_COURSE}|v1,5,10,7\r\n`,
    );
  });

  it('is 404 without videos, 401 without a key and 403 for a course the key may not read', async () => {
    fixture = await apiFixture({ scope: { courses: [NEW_COURSE], orgs: null } });
    await fixture.insert('video', [video(DEMO_COURSE, 'v1', 7)]);
    expect((await fixture.get(videos(NEW_COURSE))).json()).toMatchObject({ error_code: 'not_found' });
    expect((await fixture.get(videos(DEMO_COURSE), {})).statusCode).toBe(401);
    expect((await fixture.get(videos(DEMO_COURSE))).statusCode).toBe(403);
  });
});

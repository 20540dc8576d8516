import { afterEach, describe, expect, it } from 'vitest';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const LEGACY_CREATED = '2014-12-10T193146';
const VIDEO_ID = `${NEW_COURSE}|i4x-edX-DemoX-video-0b9e39477cf34507a7a48f74be381fdd`;

let fixture: ApiFixture;
afterEach(async () => {
  await fixture?.close();
});

function segment(videoId: string, number: number, users: number) {
  return { pipeline_video_id: videoId, segment: number, num_users: users, num_views: users * 2 };
}

const timeline = (videoId: string) => `/api/v0/videos/${encodeURIComponent(videoId)}/timeline/`;

describe('GET /api/v0/videos/{video_id}/timeline/', () => {
  it("lists the video's segments in order, without the other videos' rows", async () => {
    fixture = await apiFixture();
    await fixture.insert('video_timeline', [segment(VIDEO_ID, 1, 5), segment(VIDEO_ID, 0, 10), segment(`${DEMO_COURSE}|other`, 0, 99)]);
    const expected = [
      { segment: 0, num_users: 10, num_views: 20, created: LEGACY_CREATED },
      { segment: 1, num_users: 5, num_views: 10, created: LEGACY_CREATED },
    ];
    const response = await fixture.get(timeline(VIDEO_ID));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(expected);
    // The id as the legacy URLs had it, unencoded.
    expect((await fixture.get(`/api/v0/videos/${VIDEO_ID}/timeline/`)).json()).toEqual(expected);
  });

  it('answers CSV', async () => {
    fixture = await apiFixture();
    await fixture.insert('video_timeline', [segment(VIDEO_ID, 0, 10)]);
    const response = await fixture.get(`${timeline(VIDEO_ID)}?format=csv`);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body).toBe(`created,num_users,num_views,segment\r\n${LEGACY_CREATED},10,20,0\r\n`);
  });

  it('is 404 for an unknown video and 401 without a key', async () => {
    fixture = await apiFixture();
    await fixture.insert('video_timeline', [segment(VIDEO_ID, 0, 10)]);
    expect((await fixture.get(timeline(`${NEW_COURSE}|missing`))).json()).toMatchObject({ error_code: 'not_found' });
    expect((await fixture.get(timeline(VIDEO_ID), {})).statusCode).toBe(401);
  });

  it("is 403 when the key may not read the video's course (from the id's prefix)", async () => {
    fixture = await apiFixture({ scope: { courses: [DEMO_COURSE], orgs: null } });
    await fixture.insert('video_timeline', [segment(VIDEO_ID, 0, 10), segment(`${DEMO_COURSE}|v`, 0, 3)]);
    expect((await fixture.get(timeline(VIDEO_ID))).json()).toMatchObject({ error_code: 'course_not_permitted' });
    expect((await fixture.get(timeline(`${DEMO_COURSE}|v`))).statusCode).toBe(200);
  });

  it('finds the course of an id without the prefix in the video table; a video of no known course is for unlimited keys only', async () => {
    fixture = await apiFixture({ scope: { courses: [DEMO_COURSE], orgs: null } });
    await fixture.insert('video', [{ pipeline_video_id: 'bare-id', course_id: DEMO_COURSE, encoded_module_id: 'bare', duration: 1, segment_length: 1, users_at_start: 1, users_at_end: 1, total_viewed_seconds: 1 }]);
    await fixture.insert('video_timeline', [segment('bare-id', 0, 4), segment('orphan-id', 0, 4)]);
    expect((await fixture.get(timeline('bare-id'))).statusCode).toBe(200);
    expect((await fixture.get(timeline('orphan-id'))).statusCode).toBe(403);
  });
});

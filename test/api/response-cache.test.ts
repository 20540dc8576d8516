import { afterEach, describe, expect, it } from 'vitest';
import { setApiKey } from '../../src/store/api-keys.js';
import { writeMarker } from '../../src/store/markers.js';
import { apiFixture, DEMO_COURSE, type ApiFixture } from './api-fixture.js';

const URL = `/api/v0/courses/${DEMO_COURSE}/enrollment/`;
let fixture: ApiFixture;
afterEach(async () => {
  await fixture?.close();
});

/** Changes the stored count behind the API's back (as a tool other than Lantern would). */
async function setCount(count: number): Promise<void> {
  await fixture.store.db.deleteFrom('course_enrollment_daily').execute();
  await fixture.insert('course_enrollment_daily', [{ course_id: DEMO_COURSE, date: '2014-01-01', count, cumulative_count: count }]);
}

const countNow = async (headers?: Record<string, string>) => ((await fixture.get(URL, headers)).json() as { count: number }[])[0]!.count;

describe('the answer cache', () => {
  it('keeps an answer until a task publishes (its marker changes)', async () => {
    fixture = await apiFixture();
    await setCount(1);
    expect(await countNow()).toBe(1);
    await setCount(2);
    expect(await countNow()).toBe(1);
    await fixture.store.db.transaction().execute((db) => writeMarker(db, { taskId: 'enrollment', fingerprint: 'f2', rows: 1 }));
    expect(await countNow()).toBe(2);
  });

  it('keeps an answer at most its time to live, and not at all when turned off', async () => {
    let clock = 0;
    fixture = await apiFixture({ responseCache: { ttlMs: 1000, maxBytes: 1 << 20 }, now: () => new Date(clock) });
    await setCount(1);
    expect(await countNow()).toBe(1);
    await setCount(2);
    clock = 999;
    expect(await countNow()).toBe(1);
    clock = 1000;
    expect(await countNow()).toBe(2);
    await fixture.close();

    fixture = await apiFixture({ responseCache: false });
    await setCount(1);
    expect(await countNow()).toBe(1);
    await setCount(2);
    expect(await countNow()).toBe(2);
  });

  it('never hands one key the answer of another scope, and keeps CSV and JSON apart', async () => {
    fixture = await apiFixture();
    await setCount(1);
    expect(await countNow()).toBe(1);
    await setApiKey(fixture.store, 'limited', 'limited-key', { courses: ['course-v1:Other+X+Y'], orgs: null });
    expect((await fixture.get(URL, { authorization: 'Token limited-key' })).statusCode).toBe(403);
    const csv = await fixture.get(URL, { authorization: 'Token test-key', accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename=edX-DemoX-Demo_Course--enrollment.csv');
    const again = await fixture.get(URL, { authorization: 'Token test-key', accept: 'text/csv' });
    expect(again.body).toBe(csv.body);
    expect(again.headers['content-disposition']).toBe(csv.headers['content-disposition']);
    expect((await fixture.get(URL)).headers['content-type']).toMatch(/^application\/json/);
  });
});

import { describe, expect, it } from 'vitest';
import { canSee, CoursePermissions, PermissionsUnavailableError } from '../../src/web/course-permissions.js';

const ada = { username: 'ada', name: 'Ada', email: 'ada@example.com', globalStaff: false };
const root = { ...ada, username: 'root', globalStaff: true };

describe('course permissions', () => {
  it('keeps a user\'s courses for the cache time, reads them again after it or on request', async () => {
    let clock = Date.parse('2026-11-30T10:00:00Z');
    const asked: string[][] = [['course-v1:B+X+1', 'course-v1:A+X+1'], ['course-v1:A+X+1']];
    let calls = 0;
    const permissions = new CoursePermissions(async () => asked[Math.min(calls++, 1)]!, 15 * 60_000, () => new Date(clock));
    const first = await permissions.accessOf(ada, undefined);
    expect(first).toEqual({ courses: ['course-v1:A+X+1', 'course-v1:B+X+1'], checkedAt: '2026-11-30T10:00:00.000Z' });
    clock += 14 * 60_000;
    expect(await permissions.accessOf(ada, first)).toBe(first);
    expect(calls).toBe(1);
    clock += 60_000;
    expect((await permissions.accessOf(ada, first)).courses).toEqual(['course-v1:A+X+1']);
    expect(calls).toBe(2);
    await permissions.accessOf(ada, first, true);
    expect(calls).toBe(3);
  });

  it('gives global staff every course without asking the LMS', async () => {
    const permissions = new CoursePermissions(async () => {
      throw new Error('not asked');
    }, 1000);
    const access = await permissions.accessOf(root, undefined);
    expect(access.courses).toBeNull();
    expect(canSee(access, 'anything')).toBe(true);
  });

  it('says the permissions could not be retrieved when the LMS fails (the legacy "Permissions Retrieval Failed")', async () => {
    const permissions = new CoursePermissions(async () => {
      throw new Error('GET http://lms/api/courses/v1/course_ids/ answered HTTP 503');
    }, 1000);
    const failure = await permissions.accessOf(ada, undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermissionsUnavailableError);
    expect((failure as Error).message).toContain('cannot read the course permissions of ada from the LMS: GET http://lms/api/courses/v1/course_ids/ answered HTTP 503');
  });
});

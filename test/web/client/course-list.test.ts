import { describe, expect, it } from 'vitest';
import {
  filterCourses, pageCount, parseListState, programIndex, serializeListState, sortCourses, summaryTotals, DEFAULT_STATE,
} from '../../../src/web/client/presenters/course-list.js';
import type { CourseSummary } from '../../../src/web/client/lib/types.js';

const course = (course_id: string, title: string | null, availability: string | null, pacing_type: string | null, count: number, verified = 0): CourseSummary => ({
  course_id, catalog_course_title: title, start_date: null, end_date: null, pacing_type, availability,
  count, cumulative_count: count * 2, count_change_7_days: 1, enrollment_modes: { verified: { count: verified } },
});
const courses = [
  course('course-v1:edX+A+1', 'Zoology', 'Archived', 'self_paced', 10, 2),
  course('course-v1:edX+B+1', 'algebra', 'Current', 'instructor_paced', 30, 5),
  course('course-v1:MIT+C+1', null, null, 'self_paced', 20),
  course('course-v1:MIT+D+1', 'Botany', 'Starting Soon', 'self_paced', 5),
];
const programs = programIndex([{ program_id: 'p1', program_type: 'XSeries', program_title: 'Bio', course_ids: ['course-v1:edX+A+1', 'course-v1:MIT+D+1'] }]);

describe('course list state in the URL', () => {
  it('round-trips', () => {
    const state = { ...DEFAULT_STATE, search: 'edx', availability: ['Archived', 'Unknown'], pacing: ['self_paced'], programs: ['p1'], sort: 'count' as const, order: 'desc' as const, page: 2 };
    const qs = serializeListState(state);
    expect(qs).toBe('?search=edx&availability=Archived%2CUnknown&pacing_type=self_paced&program_ids=p1&sort=count&order=desc&page=2');
    expect(parseListState(qs)).toEqual({ state, valid: true });
    expect(serializeListState(DEFAULT_STATE)).toBe('');
  });
  it('flags invalid parameters', () => {
    expect(parseListState('?sort=nope').valid).toBe(false);
    expect(parseListState('?page=0').valid).toBe(false);
    expect(parseListState('?availability=Soon').valid).toBe(false);
    expect(parseListState('?foo=1').valid).toBe(false);
  });
});

describe('filtering and sorting', () => {
  it('ORs within a group and ANDs across groups and the search', () => {
    const ids = (s: Partial<typeof DEFAULT_STATE>) => filterCourses(courses, { ...DEFAULT_STATE, ...s }, programs).map((c) => c.course_id);
    expect(ids({ availability: ['Archived', 'Unknown'] })).toEqual(['course-v1:edX+A+1', 'course-v1:MIT+C+1']);
    expect(ids({ availability: ['Archived', 'Unknown'], pacing: ['self_paced'], search: 'mit' })).toEqual(['course-v1:MIT+C+1']);
    expect(ids({ availability: ['Upcoming'] })).toEqual(['course-v1:MIT+D+1']);
    expect(ids({ programs: ['p1'], search: 'zoo' })).toEqual(['course-v1:edX+A+1']);
  });
  it('sorts by name case-insensitively with blank titles last, in both orders', () => {
    expect(sortCourses(courses, 'catalog_course_title', 'asc').map((c) => c.catalog_course_title)).toEqual(['algebra', 'Botany', 'Zoology', null]);
    expect(sortCourses(courses, 'catalog_course_title', 'desc').map((c) => c.catalog_course_title)).toEqual(['Zoology', 'Botany', 'algebra', null]);
    expect(sortCourses(courses, 'verified_enrollment', 'desc').map((c) => c.course_id)[0]).toBe('course-v1:edX+B+1');
  });
  it('sums the summary cards and pages by 100', () => {
    expect(summaryTotals(courses)).toEqual({ totalEnrollment: 130, currentEnrollment: 65, changeLastWeek: 4, verifiedEnrollment: 7, mastersEnrollment: 0, hasMasters: false });
    expect([pageCount(0), pageCount(100), pageCount(101)]).toEqual([1, 1, 2]);
  });
});

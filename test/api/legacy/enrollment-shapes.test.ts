import { describe, expect, it } from 'vitest';
import { activityByWeek, enrollmentByGender, enrollmentByMode } from '../../../src/api/legacy/enrollment-shapes.js';

const COURSE = 'edX/DemoX/Demo_Course';
const CREATED = '2014-12-10 19:31:46';

describe('enrollmentByMode', () => {
  it('fills absent modes with 0', () => {
    const rows = [{ course_id: COURSE, date: '2014-12-09', mode: 'audit', count: 1, cumulative_count: 100, created: CREATED }];
    const items = enrollmentByMode(rows);
    expect(items).toEqual([
      {
        course_id: COURSE,
        date: '2014-12-09',
        count: 1,
        cumulative_count: 100,
        created: '2014-12-10T193146',
        audit: 1,
        credit: 0,
        honor: 0,
        professional: 0,
        verified: 0,
        masters: 0,
      },
    ]);
    expect(Object.keys(items[0] ?? {})).toEqual([
      'course_id', 'date', 'count', 'cumulative_count', 'created', 'audit', 'credit', 'honor', 'professional', 'verified', 'masters',
    ]);
  });

  it('folds no-id-professional into professional and sums every mode', () => {
    const row = (date: string, mode: string, count: number, created = CREATED) => ({
      course_id: COURSE,
      date,
      mode,
      count,
      cumulative_count: count * 10,
      created,
    });
    const items = enrollmentByMode([
      row('2014-12-10', 'honor', 5),
      row('2014-12-09', 'professional', 2),
      row('2014-12-09', 'no-id-professional', 3, '2014-12-11 00:00:00'),
      row('2014-12-09', 'unlisted', 1),
    ]);
    expect(items.map((item) => [item.date, item.professional, item.honor, item.count, item.cumulative_count, item.created])).toEqual([
      ['2014-12-09', 5, 0, 6, 60, '2014-12-11T000000'],
      ['2014-12-10', 0, 5, 5, 50, '2014-12-10T193146'],
    ]);
  });
});

describe('enrollmentByGender', () => {
  it('fills absent genders with 0', () => {
    const rows = [{ course_id: COURSE, date: new Date(Date.UTC(2014, 11, 9)), gender: 'f', count: 1, created: CREATED }];
    const items = enrollmentByGender(rows);
    expect(items).toEqual([
      { course_id: COURSE, date: '2014-12-09', female: 1, male: 0, other: 0, unknown: 0, created: '2014-12-10T193146' },
    ]);
    expect(Object.keys(items[0] ?? {})).toEqual(['course_id', 'date', 'female', 'male', 'other', 'unknown', 'created']);
  });

  it('counts anything but f, m and o as unknown', () => {
    const row = (gender: string | null, count: number) => ({ course_id: COURSE, date: '2014-12-09', gender, count, created: CREATED });
    const [item] = enrollmentByGender([row('m', 2), row('o', 3), row(null, 4), row('u', 5), row('F', 6)]);
    expect(item).toMatchObject({ female: 0, male: 2, other: 3, unknown: 15 });
  });
});

describe('activityByWeek', () => {
  it('merges the labels of one week, renames ACTIVE and omits missing types', () => {
    const row = (label: string, count: number, interval_start = '2014-01-01 00:00:00', interval_end = '2014-01-08 00:00:00') => ({
      course_id: COURSE,
      interval_start,
      interval_end,
      label,
      count,
      created: CREATED,
    });
    const items = activityByWeek([
      row('ACTIVE', 300, '2014-01-08 00:00:00', '2014-01-15 00:00:00'),
      row('PLAYED_VIDEO', 400),
      row('ACTIVE', 100),
      row('ATTEMPTED_PROBLEM', 200),
    ]);
    expect(items).toEqual([
      {
        interval_start: '2014-01-01T000000',
        interval_end: '2014-01-08T000000',
        course_id: COURSE,
        any: 100,
        attempted_problem: 200,
        played_video: 400,
        created: '2014-12-10T193146',
      },
      { interval_start: '2014-01-08T000000', interval_end: '2014-01-15T000000', course_id: COURSE, any: 300, created: '2014-12-10T193146' },
    ]);
    expect(Object.keys(items[0] ?? {})).toEqual(['interval_start', 'interval_end', 'course_id', 'any', 'attempted_problem', 'played_video', 'created']);
  });
});

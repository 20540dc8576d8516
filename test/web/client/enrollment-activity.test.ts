import { describe, expect, it } from 'vitest';
import { buildTrendOption } from '../../../src/web/client/charts/trend.js';
import {
  activityMetrics, activityTable, fillEnrollmentDays, presentActivity,
} from '../../../src/web/client/presenters/enrollment-activity.js';
import type { EnrollmentModeRow } from '../../../src/web/client/lib/types.js';

const C = 'course-v1:edX+DemoX+Demo_Course';
const row = (date: string, honor: number, verified: number, audit = 0, created = '2024-03-10T010203'): EnrollmentModeRow => ({
  course_id: C, date, count: honor + verified + audit, cumulative_count: (honor + verified + audit) * 2, created,
  audit, credit: 0, honor, professional: 0, verified, masters: 0,
});

describe('fillEnrollmentDays', () => {
  it('clones the previous point into missing days', () => {
    const filled = fillEnrollmentDays([row('2024-03-04', 5, 1), row('2024-03-01', 2, 0)]);
    expect(filled.map((r) => [r.date, r.honor, r.verified])).toEqual([
      ['2024-03-01', 2, 0], ['2024-03-02', 2, 0], ['2024-03-03', 2, 0], ['2024-03-04', 5, 1],
    ]);
  });
  it('adds a zero point the day before a single point', () => {
    const filled = fillEnrollmentDays([row('2024-03-01', 3, 1)]);
    expect(filled.map((r) => [r.date, r.count, r.honor, r.verified])).toEqual([['2024-02-29', 0, 0, 0], ['2024-03-01', 4, 3, 1]]);
  });
});

describe('enrollment activity chart', () => {
  const rows = Array.from({ length: 9 }, (_, i) => row(`2024-03-0${i + 1}`, 10 + i, i, 0));
  it('drops modes that never had an enrollment and keeps the numbers', () => {
    const series = presentActivity(rows);
    expect(series.modes.map((m) => m.label)).toEqual(['Honor', 'Verified']);
    const option = buildTrendOption({ dates: series.dates, series: series.modes.map((m) => ({ name: m.label, values: m.values })), yAxisName: 'Enrollments', stacked: true });
    const out = option.series as Array<{ name: string; data: number[]; stack?: string }>;
    expect(out.map((s) => s.name)).toEqual(['Honor', 'Verified']);
    expect(out[0]!.data).toEqual(rows.map((r) => r.honor));
    expect(out[1]!.data).toEqual(rows.map((r) => r.verified));
    expect(out.every((s) => s.stack === 'total')).toBe(true);
    expect((option.xAxis as { data: string[] }).data).toEqual(rows.map((r) => r.date));
  });
  it('computes the metric cards with their conditions', () => {
    expect(activityMetrics(rows)).toEqual({
      totalEnrollment: 52, currentEnrollment: 26, changeLastWeek: 26 - 12, verifiedEnrollment: 8, mastersEnrollment: null,
    });
    expect(activityMetrics(rows.slice(0, 7))?.changeLastWeek).toBeNull();
    expect(activityMetrics([])).toBeNull();
  });
  it('lists the table by date descending', () => {
    const table = activityTable(rows);
    expect(table.modes.map((m) => m.mode)).toEqual(['honor', 'verified']);
    expect(table.rows[0]).toEqual({ date: '2024-03-09', count: 26, modes: { honor: 18, verified: 8 } });
    expect(table.rows.map((r) => r.date)).toEqual(rows.map((r) => r.date).reverse());
  });
});

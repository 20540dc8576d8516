import { describe, expect, it } from 'vitest';
import { buildBarOption } from '../../../src/web/client/charts/bar.js';
import {
  ageTable, educationTable, presentAge, presentEducation, presentGender, weightedMedian,
} from '../../../src/web/client/presenters/demographics.js';
import type { BirthYearRow, EducationRow, GenderRow } from '../../../src/web/client/lib/types.js';

const C = 'edX/DemoX/Demo';
const by = (birth_year: number | null, count: number, date = '2024-03-10'): BirthYearRow => ({ course_id: C, date, birth_year, count, created: '2024-03-10T000000' });

describe('age', () => {
  const rows = [by(2000, 4), by(1990, 2), by(1920, 1), by(1900, 2), by(null, 3), by(1980, 99, '2024-03-09')];
  const p = presentAge(rows, 2024);
  it('bins ages, 100+ in one bin, unknowns and older days excluded', () => {
    expect(p.bins).toEqual([
      { age: 24, label: '24', count: 4 }, { age: 34, label: '34', count: 2 }, { age: 100, label: '100+', count: 3 },
    ]);
    expect([p.knownCount, p.unknownCount, p.totalCount]).toEqual([9, 3, 12]);
    expect(p.knownRatio).toBe(0.75);
    expect(p.median).toBe(34);
    expect([p.under25, p.from26To40, p.over41]).toEqual([4 / 9, 2 / 9, 3 / 9]);
  });
  it('histogram option holds the bin counts', () => {
    const option = buildBarOption({ categories: p.bins.map((b) => b.label), values: p.bins.map((b) => b.count), yAxisName: 'Learners (Self-Reported)', histogram: true });
    expect((option.series as Array<{ data: number[] }>)[0]!.data).toEqual([4, 2, 3]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['24', '34', '100+']);
  });
  it('table sorted by percent descending, with Unknown', () => {
    expect(ageTable(p).map((r) => [r.age, r.count])).toEqual([['24', 4], ['100+', 3], ['Unknown', 3], ['34', 2]]);
  });
  it('median of an even count is the mean of the middle ages', () => {
    expect(weightedMedian([{ age: 20, count: 1 }, { age: 30, count: 1 }])).toBe(25);
    expect(weightedMedian([])).toBeNull();
  });
});

describe('education', () => {
  const ed = (education_level: string | null, count: number): EducationRow => ({ course_id: C, date: '2024-03-10', education_level, count, created: '2024-03-10T000000' });
  const p = presentEducation([ed('none', 1), ed('primary', 1), ed('secondary', 2), ed('bachelors', 3), ed('masters', 2), ed('doctorate', 1), ed(null, 10)]);
  it('bands leave out "none" and unknowns', () => {
    expect(p.knownCount).toBe(10);
    expect([p.highSchoolOrLess, p.college, p.advanced]).toEqual([0.3, 0.3, 0.3]);
    expect(p.knownRatio).toBe(0.5);
  });
  it('chart percentages and table counts equal the rows', () => {
    const option = buildBarOption({ categories: p.levels.map((l) => l.label), values: p.levels.map((l) => l.percent), yAxisName: 'Percentage', percent: true });
    expect((option.series as Array<{ data: number[] }>)[0]!.data).toEqual([0.1, 0.1, 0, 0.2, 0, 0.3, 0.2, 0.1, 0]);
    expect(educationTable(p).at(-1)).toEqual({ label: 'Unknown', count: 10 });
  });
});

describe('gender', () => {
  const g = (date: string, female: number, male: number, other: number, unknown: number): GenderRow => ({ course_id: C, date, female, male, other, unknown, created: '2024-03-10T000000' });
  it('shares of the latest day among reported, table by date descending', () => {
    const p = presentGender([g('2024-03-09', 1, 1, 0, 0), g('2024-03-10', 3, 6, 1, 10)])!;
    expect(p.shares.map((s) => [s.label, s.count, s.percent])).toEqual([['Female', 3, 0.3], ['Male', 6, 0.6], ['Other', 1, 0.1]]);
    expect(p.knownRatio).toBe(0.5);
    expect(p.table.map((r) => [r.date, r.total])).toEqual([['2024-03-10', 20], ['2024-03-09', 2]]);
    expect(presentGender([])).toBeNull();
  });
});

describe('age histogram', () => {
  it('fills the ages between the youngest and the oldest with zero bars', async () => {
    const { ageHistogram } = await import('../../../src/web/client/presenters/demographics.js');
    const bars = ageHistogram([{ age: 20, label: '20', count: 2 }, { age: 23, label: '23', count: 1 }]);
    expect(bars.map((b) => [b.label, b.count])).toEqual([['20', 2], ['21', 0], ['22', 0], ['23', 1]]);
    expect(ageHistogram([])).toEqual([]);
  });
});

import { ratio } from '../lib/format.js';
import type { BirthYearRow, EducationRow, GenderRow } from '../lib/types.js';

/** Rows of the newest `date` only (the API returns the latest day unless dates are given). */
export function latestDay<T extends { date: string }>(rows: ReadonlyArray<T>): T[] {
  let latest = '';
  for (const r of rows) if (r.date > latest) latest = r.date;
  return rows.filter((r) => r.date === latest);
}

// ---------------------------------------------------------------- age

export const MAX_AGE_BIN = 100;

export interface AgeBin {
  /** The age; 100 stands for "100+". */
  age: number;
  label: string;
  count: number;
}

export interface AgePresentation {
  /** Histogram bins, ascending by age, unknowns excluded. */
  bins: AgeBin[];
  knownCount: number;
  unknownCount: number;
  totalCount: number;
  /** Share of enrolled learners who gave a birth year (0..1). */
  knownRatio: number;
  median: number | null;
  under25: number;
  from26To40: number;
  over41: number;
}

/** Age = currentYear − birth year; 100 and over in one "100+" bin; rows without a birth year are unknown. */
export function presentAge(rows: ReadonlyArray<BirthYearRow>, currentYear: number): AgePresentation {
  const byAge = new Map<number, number>();
  let unknownCount = 0;
  for (const r of latestDay(rows)) {
    if (r.birth_year === null || r.birth_year === undefined) {
      unknownCount += r.count;
      continue;
    }
    const age = Math.min(currentYear - r.birth_year, MAX_AGE_BIN);
    byAge.set(age, (byAge.get(age) ?? 0) + r.count);
  }
  const bins = [...byAge.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([age, count]) => ({ age, label: age >= MAX_AGE_BIN ? `${MAX_AGE_BIN}+` : String(age), count }));
  const knownCount = bins.reduce((s, b) => s + b.count, 0);
  const totalCount = knownCount + unknownCount;
  const sumWhere = (pred: (age: number) => boolean) => bins.filter((b) => pred(b.age)).reduce((s, b) => s + b.count, 0);
  return {
    bins,
    knownCount,
    unknownCount,
    totalCount,
    knownRatio: ratio(knownCount, totalCount),
    median: weightedMedian(bins),
    under25: ratio(sumWhere((a) => a <= 25), knownCount),
    from26To40: ratio(sumWhere((a) => a >= 26 && a <= 40), knownCount),
    over41: ratio(sumWhere((a) => a >= 41), knownCount),
  };
}

/** The histogram's bars: every age from the youngest to the oldest, ages without learners at 0. */
export function ageHistogram(bins: ReadonlyArray<AgeBin>): AgeBin[] {
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return [];
  const byAge = new Map(bins.map((b) => [b.age, b]));
  const out: AgeBin[] = [];
  for (let age = first.age; age <= last.age; age++) {
    out.push(byAge.get(age) ?? { age, label: age >= MAX_AGE_BIN ? `${MAX_AGE_BIN}+` : String(age), count: 0 });
  }
  return out;
}

/** Median of the ages weighted by counts; the mean of the two middle ages when the count is even. */
export function weightedMedian(bins: ReadonlyArray<{ age: number; count: number }>): number | null {
  const n = bins.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  const at = (k: number): number => {
    let seen = 0;
    for (const b of bins) {
      seen += b.count;
      if (k < seen) return b.age;
    }
    return bins[bins.length - 1]!.age;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Table "Age Breakdown": Age, Number of Learners, Percent of Total (of all learners), by percent descending. */
export function ageTable(p: AgePresentation): Array<{ age: string; count: number; percent: number }> {
  const rows = p.bins.map((b) => ({ age: b.label, count: b.count, percent: ratio(b.count, p.totalCount) }));
  if (p.unknownCount > 0) rows.push({ age: 'Unknown', count: p.unknownCount, percent: ratio(p.unknownCount, p.totalCount) });
  return rows.sort((a, b) => b.percent - a.percent);
}

// ---------------------------------------------------------------- education

export const EDUCATION_LEVELS: ReadonlyArray<{ level: string; label: string }> = [
  { level: 'none', label: 'None' },
  { level: 'primary', label: 'Primary' },
  { level: 'junior_secondary', label: 'Middle' },
  { level: 'secondary', label: 'Secondary' },
  { level: 'associates', label: 'Associate' },
  { level: 'bachelors', label: "Bachelor's" },
  { level: 'masters', label: "Master's" },
  { level: 'doctorate', label: 'Doctorate' },
  { level: 'other', label: 'Other' },
];

export interface EducationPresentation {
  /** Every known level in legacy order, with its count and its share of learners who gave a level. */
  levels: Array<{ level: string; label: string; count: number; percent: number }>;
  knownCount: number;
  unknownCount: number;
  totalCount: number;
  knownRatio: number;
  highSchoolOrLess: number;
  college: number;
  advanced: number;
}

export function presentEducation(rows: ReadonlyArray<EducationRow>): EducationPresentation {
  const counts = new Map<string, number>();
  let unknownCount = 0;
  const known = new Set(EDUCATION_LEVELS.map((l) => l.level));
  for (const r of latestDay(rows)) {
    if (r.education_level && known.has(r.education_level)) {
      counts.set(r.education_level, (counts.get(r.education_level) ?? 0) + r.count);
    } else {
      unknownCount += r.count;
    }
  }
  const knownCount = [...counts.values()].reduce((s, c) => s + c, 0);
  const share = (...levels: string[]) => ratio(levels.reduce((s, l) => s + (counts.get(l) ?? 0), 0), knownCount);
  return {
    levels: EDUCATION_LEVELS.map(({ level, label }) => {
      const count = counts.get(level) ?? 0;
      return { level, label, count, percent: ratio(count, knownCount) };
    }),
    knownCount,
    unknownCount,
    totalCount: knownCount + unknownCount,
    knownRatio: ratio(knownCount, knownCount + unknownCount),
    // As the legacy code and tooltip: "none" is not in the high-school band.
    highSchoolOrLess: share('primary', 'junior_secondary', 'secondary'),
    college: share('associates', 'bachelors'),
    advanced: share('masters', 'doctorate'),
  };
}

/** Table "Educational Breakdown": Educational Background, Number of Learners (Unknown last). */
export function educationTable(p: EducationPresentation): Array<{ label: string; count: number }> {
  const rows = p.levels.map((l) => ({ label: l.label, count: l.count }));
  if (p.unknownCount > 0) rows.push({ label: 'Unknown', count: p.unknownCount });
  return rows;
}

// ---------------------------------------------------------------- gender

export const GENDERS: ReadonlyArray<{ key: 'female' | 'male' | 'other'; label: string }> = [
  { key: 'female', label: 'Female' },
  { key: 'male', label: 'Male' },
  { key: 'other', label: 'Other' },
];

export interface GenderPresentation {
  /** Shares of Female, Male, Other among learners who reported a gender, on the latest day. */
  shares: Array<{ key: 'female' | 'male' | 'other'; label: string; count: number; percent: number }>;
  knownRatio: number;
  /** "Gender Breakdown Over Time", date descending; total includes Not Reported. */
  table: Array<{ date: string; total: number; female: number; male: number; other: number; unknown: number }>;
}

export function presentGender(rows: ReadonlyArray<GenderRow>): GenderPresentation | null {
  const sorted = [...rows].sort((a, b) => b.date.localeCompare(a.date));
  const latest = sorted[0];
  if (!latest) return null;
  const known = latest.female + latest.male + latest.other;
  return {
    shares: GENDERS.map(({ key, label }) => ({ key, label, count: latest[key], percent: ratio(latest[key], known) })),
    knownRatio: ratio(known, known + latest.unknown),
    table: sorted.map((r) => ({
      date: r.date,
      total: r.female + r.male + r.other + r.unknown,
      female: r.female,
      male: r.male,
      other: r.other,
      unknown: r.unknown,
    })),
  };
}

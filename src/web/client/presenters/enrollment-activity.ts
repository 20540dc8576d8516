import { addDays } from '../lib/format.js';
import type { EnrollmentMode, EnrollmentModeRow } from '../lib/types.js';

/** Modes in legacy display order, with their legacy labels. */
export const MODE_ORDER: ReadonlyArray<{ mode: EnrollmentMode; label: string }> = [
  { mode: 'honor', label: 'Honor' },
  { mode: 'audit', label: 'Audit' },
  { mode: 'verified', label: 'Verified' },
  { mode: 'professional', label: 'Professional' },
  { mode: 'credit', label: 'Verified with Credit' },
  { mode: 'masters', label: "Master's" },
];

export interface ActivitySeries {
  /** The dates, ascending, one per day without gaps. */
  dates: string[];
  /** One series per mode that ever had an enrollment; empty when there is no track data. */
  modes: Array<{ mode: EnrollmentMode; label: string; values: number[] }>;
  /** Current enrollment (`count`) per day. */
  total: number[];
}

export interface ActivityMetrics {
  totalEnrollment: number;
  currentEnrollment: number;
  /** `count[-1] - count[-8]`; null when there are 7 days of data or fewer. */
  changeLastWeek: number | null;
  /** null when the course has no verified (resp. master's) mode. */
  verifiedEnrollment: number | null;
  mastersEnrollment: number | null;
}

/**
 * Legacy presenter rules: rows sorted by date, a missing day is a clone of the previous point, a single point
 * gets a zero point on the day before.
 */
export function fillEnrollmentDays(rows: ReadonlyArray<EnrollmentModeRow>): EnrollmentModeRow[] {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  const out: EnrollmentModeRow[] = [];
  for (const row of sorted) {
    const prev = out[out.length - 1];
    if (prev) {
      let next = addDays(prev.date, 1);
      while (next < row.date) {
        out.push({ ...prev, date: next });
        next = addDays(next, 1);
      }
    }
    out.push({ ...row });
  }
  if (out.length === 1) {
    const only = out[0]!;
    const zero: EnrollmentModeRow = { course_id: only.course_id, date: addDays(only.date, -1), count: 0, cumulative_count: 0, created: only.created };
    for (const { mode } of MODE_ORDER) if (only[mode] !== undefined) zero[mode] = 0;
    out.unshift(zero);
  }
  return out;
}

/** Modes that had an enrollment on at least one day, in display order. */
export function modesWithEnrollment(rows: ReadonlyArray<EnrollmentModeRow>): EnrollmentMode[] {
  return MODE_ORDER.filter(({ mode }) => rows.some((r) => (r[mode] ?? 0) > 0)).map(({ mode }) => mode);
}

export function presentActivity(rows: ReadonlyArray<EnrollmentModeRow>): ActivitySeries {
  const filled = fillEnrollmentDays(rows);
  const kept = new Set(modesWithEnrollment(filled));
  return {
    dates: filled.map((r) => r.date),
    modes: MODE_ORDER.filter(({ mode }) => kept.has(mode)).map(({ mode, label }) => ({
      mode,
      label,
      values: filled.map((r) => r[mode] ?? 0),
    })),
    total: filled.map((r) => r.count),
  };
}

export function activityMetrics(rows: ReadonlyArray<EnrollmentModeRow>): ActivityMetrics | null {
  const filled = fillEnrollmentDays(rows);
  const last = filled[filled.length - 1];
  if (!last) return null;
  const modes = new Set(modesWithEnrollment(filled));
  const weekAgo = filled.length > 7 ? filled[filled.length - 8] : undefined;
  return {
    totalEnrollment: last.cumulative_count,
    currentEnrollment: last.count,
    changeLastWeek: weekAgo ? last.count - weekAgo.count : null,
    verifiedEnrollment: modes.has('verified') ? (last.verified ?? 0) : null,
    mastersEnrollment: modes.has('masters') ? (last.masters ?? 0) : null,
  };
}

export interface ActivityTableRow {
  date: string;
  count: number;
  modes: Partial<Record<EnrollmentMode, number>>;
}

/** Table "Enrollment Over Time": one row per (filled) day, date descending. */
export function activityTable(rows: ReadonlyArray<EnrollmentModeRow>): { modes: typeof MODE_ORDER; rows: ActivityTableRow[] } {
  const filled = fillEnrollmentDays(rows);
  const kept = new Set(modesWithEnrollment(filled));
  const modes = MODE_ORDER.filter(({ mode }) => kept.has(mode));
  const out = filled.map((r) => ({
    date: r.date,
    count: r.count,
    modes: Object.fromEntries(modes.map(({ mode }) => [mode, r[mode] ?? 0])),
  }));
  out.reverse();
  return { modes, rows: out };
}

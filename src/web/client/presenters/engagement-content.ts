import { addDays, parseApiTimestamp, ratio } from '../lib/format.js';
import type { ActivityRow, EnrollmentRow } from '../lib/types.js';

export type ActivityKey = 'any' | 'played_video' | 'attempted_problem' | 'posted_forum';

/** Activity types in legacy order with their chart/table labels and metric cards. */
export const ACTIVITY_TYPES: ReadonlyArray<{ key: ActivityKey; label: string; card: string; tooltip: string }> = [
  { key: 'any', label: 'Active Learners', card: 'Active Learners Last Week', tooltip: 'Learners who visited at least one page in the course content.' },
  { key: 'played_video', label: 'Watched a Video', card: 'Watched a Video Last Week', tooltip: 'Learners who played one or more videos.' },
  { key: 'attempted_problem', label: 'Tried a Problem', card: 'Tried a Problem Last Week', tooltip: 'Learners who submitted an answer for a standard problem. Not all problem types are included.' },
  { key: 'posted_forum', label: 'Participated in Discussions', card: 'Participated in Discussions Last Week', tooltip: 'Learners who added a post, response, or comment to any course discussion.' },
];

export interface EngagementWeek {
  /** `interval_end` − 1 day, `YYYY-MM-DD`. */
  weekEnding: string;
  counts: Record<ActivityKey, number>;
  /** Enrollment on the week-ending date (or the latest day before it); null when unknown. */
  enrollment: number | null;
  /** Active learners ÷ enrollment; null when the enrollment is unknown or 0 (shown as "-"). */
  percentActive: number | null;
}

export interface EngagementPresentation {
  /** Ascending by week. */
  weeks: EngagementWeek[];
  /** The activity types shown: forum only when the data has it. */
  types: typeof ACTIVITY_TYPES;
  /** The latest week's cards: value and share of the enrollment on its week-ending date. */
  metrics: Array<{ key: ActivityKey; label: string; tooltip: string; value: number; percent: number | null }>;
}

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The enrollment count on `date`, or on the latest earlier day with data. */
function enrollmentOn(sorted: ReadonlyArray<EnrollmentRow>, date: string): number | null {
  let found: number | null = null;
  for (const row of sorted) {
    if (row.date <= date) found = row.count;
    else break;
  }
  return found;
}

export function presentEngagement(activity: ReadonlyArray<ActivityRow>, enrollment: ReadonlyArray<EnrollmentRow>): EngagementPresentation {
  const enrollSorted = [...enrollment].sort((a, b) => a.date.localeCompare(b.date));
  const weeks = activity
    .map((row) => {
      const end = parseApiTimestamp(row.interval_end);
      return { row, weekEnding: end === null ? row.interval_end.slice(0, 10) : addDays(isoDay(end), -1) };
    })
    .sort((a, b) => a.weekEnding.localeCompare(b.weekEnding))
    .map(({ row, weekEnding }) => {
      const counts = { any: row.any ?? 0, played_video: row.played_video ?? 0, attempted_problem: row.attempted_problem ?? 0, posted_forum: row.posted_forum ?? 0 };
      const enrolled = enrollmentOn(enrollSorted, weekEnding);
      return { weekEnding, counts, enrollment: enrolled, percentActive: enrolled ? ratio(counts.any, enrolled) : null };
    });
  const hasForum = activity.some((r) => r.posted_forum !== undefined && r.posted_forum !== null);
  const types = ACTIVITY_TYPES.filter((t) => t.key !== 'posted_forum' || hasForum);
  const last = weeks[weeks.length - 1];
  const metrics = last ? types.map((t) => ({
    key: t.key, label: t.card, tooltip: t.tooltip, value: last.counts[t.key],
    percent: last.enrollment ? ratio(last.counts[t.key], last.enrollment) : null,
  })) : [];
  return { weeks, types, metrics };
}

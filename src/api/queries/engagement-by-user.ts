import type { ReportsStore } from '../../store/reports-store.js';
import { storeDateTime } from '../../store/store-values.js';

/** One learner's engagement totals in a course (GET /api/v0/courses/{id}/user_engagement/); a sum over no rows is null. */
export interface UserEngagementRow {
  readonly username: string;
  readonly videos_overall: number | null;
  readonly videos_last_week: number | null;
  readonly problems_overall: number | null;
  readonly problems_last_week: number | null;
  readonly correct_problems_overall: number | null;
  readonly correct_problems_last_week: number | null;
  readonly problems_attempts_overall: number | null;
  readonly problems_attempts_last_week: number | null;
  readonly forum_posts_overall: number | null;
  readonly forum_posts_last_week: number | null;
  /** The latest `created` of the learner's rows. */
  readonly last_active: Date | string;
}

interface Metric {
  readonly name: 'videos' | 'problems' | 'correct_problems' | 'problems_attempts' | 'forum_posts';
  readonly entityType: string;
  readonly event?: string;
  /** The legacy counted video rows, not their `count`, for the last week only; kept for compatibility. */
  readonly lastWeekCountsRows?: boolean;
}

const METRICS: readonly Metric[] = [
  { name: 'videos', entityType: 'video', lastWeekCountsRows: true },
  { name: 'problems', entityType: 'problem' },
  { name: 'correct_problems', entityType: 'problem', event: 'completed' },
  { name: 'problems_attempts', entityType: 'problem', event: 'attempted' },
  { name: 'forum_posts', entityType: 'discussion' },
];

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Per learner of the course, ordered by username: each metric's sum of module_engagement `count`, overall and over
 * the rows created in the 7 days before `now` (rows, as the pipeline rewrites them, are dated by `created`).
 */
export async function userEngagement(store: ReportsStore, courseId: string, now: Date): Promise<UserEngagementRow[]> {
  const weekAgo = storeDateTime(new Date(now.getTime() - WEEK_MS));
  const rows = await store.db
    .selectFrom('module_engagement')
    .select((eb) => [
      'username',
      eb.fn.max('created').as('last_active'),
      ...METRICS.flatMap((metric) => {
        const matches = eb.and([eb('entity_type', '=', metric.entityType), ...(metric.event === undefined ? [] : [eb('event', '=', metric.event)])]);
        const recent = eb.and([matches, eb('created', '>', weekAgo)]);
        const lastWeekValue = metric.lastWeekCountsRows ? eb.lit(1) : eb.ref('count');
        return [
          eb.fn.sum(eb.case().when(matches).then(eb.ref('count')).end()).as(`${metric.name}_overall`),
          eb.fn.sum(eb.case().when(recent).then(lastWeekValue).end()).as(`${metric.name}_last_week`),
        ];
      }),
    ])
    .where('course_id', '=', courseId)
    .groupBy('username')
    .orderBy('username')
    .execute();
  return rows.map((row) => toEngagementRow(row as Record<string, unknown>));
}

/** MySQL and PostgreSQL return sums as strings. */
function toEngagementRow(row: Record<string, unknown>): UserEngagementRow {
  const sums = Object.fromEntries(
    METRICS.flatMap((metric) => [`${metric.name}_overall`, `${metric.name}_last_week`]).map((key) => [key, row[key] === null ? null : Number(row[key])]),
  );
  return { username: String(row.username), last_active: row.last_active as Date | string, ...sums } as UserEngagementRow;
}

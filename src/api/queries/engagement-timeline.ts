import type { Kysely } from 'kysely';
import { addDays } from '../../events/interval.js';
import type { ResultStore } from '../../store/schema.js';

/** One day of a learner's engagement timeline, as the legacy data API served it. */
export interface EngagementDay {
  readonly date: string;
  readonly problems_attempted: number;
  readonly problems_completed: number;
  readonly discussion_contributions: number;
  readonly videos_viewed: number;
}

type Metric = Exclude<keyof EngagementDay, 'date'>;

/** How each (entity_type, event) of module_engagement counts: distinct entities, or the sum of `count`. */
const METRICS: Record<string, { metric: Metric; byEntity: boolean }> = {
  'problem attempted': { metric: 'problems_attempted', byEntity: true },
  'problem completed': { metric: 'problems_completed', byEntity: true },
  'video viewed': { metric: 'videos_viewed', byEntity: true },
  'discussion contributed': { metric: 'discussion_contributions', byEntity: false },
};

/**
 * A learner's engagement in a course per day (GET /api/v0/engagement_timelines/{username}/?course_id=), read from
 * the published module_engagement table: problems attempted, problems completed and videos viewed count distinct
 * entities of the day, discussion contributions sum the day's counts. Days from the first to the last with any
 * engagement are all present, those without any as zeros. An empty list means the learner has no engagement in
 * the course (the API answers 404 `not_found`; the legacy code was no_learner_engagement_timeline).
 */
export async function engagementTimeline(db: Kysely<ResultStore>, courseId: string, username: string): Promise<EngagementDay[]> {
  const rows = await db
    .selectFrom('module_engagement')
    .select((eb) => [
      'date',
      'entity_type',
      'event',
      eb.fn.sum<number | string>('count').as('total_count'),
      eb.fn.count<number | string>('entity_id').distinct().as('distinct_entities'),
    ])
    .where('course_id', '=', courseId)
    .where('username', '=', username)
    .groupBy(['date', 'entity_type', 'event'])
    .orderBy('date')
    .execute();

  const days = new Map<string, Record<Metric, number>>();
  for (const row of rows) {
    const counted = METRICS[`${row.entity_type} ${row.event}`];
    const day = days.get(row.date) ?? emptyDay();
    days.set(row.date, day);
    // MySQL and PostgreSQL return sums and counts as strings.
    if (counted) day[counted.metric] += Number(counted.byEntity ? row.distinct_entities : row.total_count);
  }

  const timeline: EngagementDay[] = [];
  const dates = [...days.keys()];
  for (const [index, date] of dates.entries()) {
    timeline.push({ date, ...days.get(date)! });
    const next = dates[index + 1];
    for (let gap = addDays(date, 1); next !== undefined && gap < next; gap = addDays(gap, 1)) timeline.push({ date: gap, ...emptyDay() });
  }
  return timeline;
}

function emptyDay(): Record<Metric, number> {
  return { problems_attempted: 0, problems_completed: 0, discussion_contributions: 0, videos_viewed: 0 };
}

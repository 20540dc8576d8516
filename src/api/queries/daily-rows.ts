import type { Kysely, Selectable } from 'kysely';
import type { ReportsStore } from '../../store/reports-store.js';
import type { ResultStore } from '../../store/schema.js';
import { storeDay, type DateWindow } from '../date-window.js';

export type DailyTable =
  | 'course_enrollment_daily'
  | 'course_enrollment_mode_daily'
  | 'course_enrollment_birth_year_daily'
  | 'course_enrollment_education_level_daily'
  | 'course_enrollment_gender_daily'
  | 'course_enrollment_location_current';

/** What every daily table has; the query is the same for all of them. */
type DailyStore = Record<DailyTable, { course_id: string; date: string }>;

/**
 * A course's rows of a daily table: the days of the window, or without one the latest day only (the legacy
 * default). Served by the (course_id, date) index.
 */
export async function dailyRows<T extends DailyTable>(store: ReportsStore, table: T, courseId: string, window: DateWindow | undefined): Promise<Selectable<ResultStore[T]>[]> {
  const db = store.db as unknown as Kysely<DailyStore>;
  let query = db.selectFrom(table as DailyTable).selectAll().where('course_id', '=', courseId);
  if (window) {
    if (window.start) query = query.where('date', '>=', storeDay(window.start));
    if (window.end) query = query.where('date', '<', storeDay(window.end));
  } else {
    query = query.where('date', '=', (eb) => eb.selectFrom(table as DailyTable).select((inner) => inner.fn.max('date').as('latest')).where('course_id', '=', courseId));
  }
  return (await query.orderBy('date').orderBy('id' as 'date').execute()) as unknown as Selectable<ResultStore[T]>[];
}

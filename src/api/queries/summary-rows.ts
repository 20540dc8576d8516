import type { Selectable } from 'kysely';
import type { ReportsStore } from '../../store/reports-store.js';
import type { course_meta_summary_enrollment } from '../../store/schema.js';
import { rowsForIds } from './id-chunks.js';

export type SummaryRow = Selectable<course_meta_summary_enrollment>;

/** course_meta_summary_enrollment rows (one per course and mode) of the courses, or of every course when undefined. */
export async function courseSummaryRows(store: ReportsStore, courseIds: readonly string[] | undefined): Promise<SummaryRow[]> {
  const query = store.db.selectFrom('course_meta_summary_enrollment').selectAll().orderBy('course_id').orderBy('enrollment_mode');
  if (courseIds === undefined) return query.execute();
  return rowsForIds(store, courseIds, (slice) => query.where('course_id', 'in', slice).execute());
}

/** Each course's enrollment count on `day` (course_enrollment_daily); courses without a row that day are absent. */
export async function enrollmentCountsOn(store: ReportsStore, courseIds: readonly string[] | undefined, day: string): Promise<Map<string, number>> {
  const query = store.db.selectFrom('course_enrollment_daily').select(['course_id', 'count']).where('date', '=', day);
  const rows =
    courseIds === undefined ? await query.execute() : await rowsForIds(store, courseIds, (slice) => query.where('course_id', 'in', slice).execute(), 1);
  return new Map(rows.map((row) => [row.course_id, row.count ?? 0]));
}

import type { Selectable } from 'kysely';
import type { ReportsStore } from '../../store/reports-store.js';
import type { course_program_metadata } from '../../store/schema.js';
import { rowsForIds } from './id-chunks.js';

export type ProgramRow = Selectable<course_program_metadata>;

/** Which rows of course_program_metadata: those of the listed programs or courses; every row when neither is given. */
export interface ProgramFilter {
  readonly programIds?: readonly string[];
  readonly courseIds?: readonly string[];
}

/** course_program_metadata rows (one per program and course), ordered by program and course. */
export async function programRows(store: ReportsStore, filter: ProgramFilter): Promise<ProgramRow[]> {
  const query = store.db.selectFrom('course_program_metadata').selectAll().orderBy('program_id').orderBy('course_id');
  if (filter.programIds !== undefined) return rowsForIds(store, filter.programIds, (slice) => query.where('program_id', 'in', slice).execute());
  if (filter.courseIds !== undefined) return rowsForIds(store, filter.courseIds, (slice) => query.where('course_id', 'in', slice).execute());
  return query.execute();
}

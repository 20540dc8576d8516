import type { Generated, Insertable } from 'kysely';
import type { ColumnSpec, RESULT_TABLES, ResultTableName } from './tables.js';

/** A DATE value as every dialect returns it: 'YYYY-MM-DD'. */
export type DateString = string;
/** A DATETIME value as every dialect returns it: 'YYYY-MM-DD HH:MM:SS', UTC. */
export type DateTimeString = string;

/** The columns the legacy loader added to every result table. */
interface LegacyLoaderColumns {
  id: Generated<number>;
  created: Generated<DateTimeString>;
}

export interface course_enrollment_daily extends LegacyLoaderColumns {
  course_id: string;
  date: DateString;
  count: number | null;
  cumulative_count: number | null;
}

export interface course_enrollment_mode_daily extends LegacyLoaderColumns {
  date: DateString;
  course_id: string;
  mode: string;
  count: number | null;
  cumulative_count: number | null;
}

export interface course_enrollment_gender_daily extends LegacyLoaderColumns {
  date: DateString;
  course_id: string;
  gender: string | null;
  count: number | null;
  cumulative_count: number | null;
}

export interface course_enrollment_birth_year_daily extends LegacyLoaderColumns {
  date: DateString;
  course_id: string;
  birth_year: number | null;
  count: number | null;
  cumulative_count: number | null;
}

export interface course_enrollment_education_level_daily extends LegacyLoaderColumns {
  date: DateString;
  course_id: string;
  education_level: string | null;
  count: number | null;
  cumulative_count: number | null;
}

export interface course_meta_summary_enrollment extends LegacyLoaderColumns {
  course_id: string;
  catalog_course_title: string | null;
  catalog_course: string | null;
  start_time: DateTimeString | null;
  end_time: DateTimeString | null;
  pacing_type: string | null;
  availability: string | null;
  enrollment_mode: string;
  count: number | null;
  count_change_7_days: number | null;
  cumulative_count: number | null;
  passing_users: number | null;
}

export interface course_program_metadata extends LegacyLoaderColumns {
  course_id: string;
  program_id: string;
  program_type: string;
  program_title: string | null;
}

export interface course_activity extends LegacyLoaderColumns {
  course_id: string;
  interval_start: DateTimeString;
  interval_end: DateTimeString;
  label: string;
  count: number | null;
}

export interface course_enrollment_location_current extends LegacyLoaderColumns {
  date: DateString;
  course_id: string;
  country_code: string | null;
  count: number;
  cumulative_count: number;
}

/** Lantern's own table: which task last published, from what inputs (see publish.ts). */
export interface lantern_task_markers {
  task_id: string;
  fingerprint: string;
  rows: number;
  updated: DateTimeString;
}

/** The reports store as Kysely sees it. */
export interface ResultStore {
  course_enrollment_daily: course_enrollment_daily;
  course_enrollment_mode_daily: course_enrollment_mode_daily;
  course_enrollment_gender_daily: course_enrollment_gender_daily;
  course_enrollment_birth_year_daily: course_enrollment_birth_year_daily;
  course_enrollment_education_level_daily: course_enrollment_education_level_daily;
  course_meta_summary_enrollment: course_meta_summary_enrollment;
  course_program_metadata: course_program_metadata;
  course_activity: course_activity;
  course_enrollment_location_current: course_enrollment_location_current;
  lantern_task_markers: lantern_task_markers;
}

/** A row as a task publishes it: every listed column, no `id` or `created` (the store fills them). */
export type NewRow<T extends ResultTableName> = Omit<Insertable<ResultStore[T]>, keyof LegacyLoaderColumns>;

// Type-level check that the interfaces above say what tables.ts says (names, types, nullability).
type ValueOf<C extends ColumnSpec> = C['type'] extends 'varchar' | 'text' | 'date' | 'datetime' ? string : number;
type ColumnsOf<T extends ResultTableName> = Extract<(typeof RESULT_TABLES)[number], { name: T }>['columns'][number];
type RowFromSpec<T extends ResultTableName> = {
  [C in ColumnsOf<T> as C['name']]: C['nullable'] extends true ? ValueOf<C> | null : ValueOf<C>;
} & LegacyLoaderColumns;
type Flat<T> = { [K in keyof T]: T[K] };
type Same<A, B> = (<X>() => X extends Flat<A> ? 1 : 2) extends <X>() => X extends Flat<B> ? 1 : 2 ? true : false;
type Mismatched = { [T in ResultTableName]: Same<ResultStore[T], RowFromSpec<T>> extends true ? never : T }[ResultTableName];
/** `never` when schema.ts agrees with tables.ts; otherwise the names of the tables that disagree. */
export type SchemaMismatches = Mismatched | Exclude<keyof ResultStore, ResultTableName | 'lantern_task_markers'>;
const _schemaAgreesWithTables: [SchemaMismatches] extends [never] ? true : SchemaMismatches = true;

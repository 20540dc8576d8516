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

export interface video extends LegacyLoaderColumns {
  pipeline_video_id: string;
  course_id: string;
  encoded_module_id: string;
  duration: number | null;
  segment_length: number | null;
  users_at_start: number | null;
  users_at_end: number | null;
  total_viewed_seconds: number | null;
}

export interface video_timeline extends LegacyLoaderColumns {
  pipeline_video_id: string;
  segment: number | null;
  num_users: number | null;
  num_views: number | null;
}

export interface answer_distribution extends LegacyLoaderColumns {
  course_id: string;
  module_id: string;
  part_id: string;
  correct: number;
  first_response_count: number;
  last_response_count: number;
  value_id: string | null;
  answer_value_text: string | null;
  answer_value_numeric: number | null;
  variant: number | null;
  problem_display_name: string | null;
  question_text: string | null;
}

export interface module_engagement extends LegacyLoaderColumns {
  course_id: string;
  username: string;
  date: DateString;
  entity_type: string;
  entity_id: string;
  event: string;
  count: number;
}

export interface module_engagement_metric_ranges extends LegacyLoaderColumns {
  course_id: string;
  start_date: DateString | null;
  end_date: DateString | null;
  metric: string;
  range_type: string;
  low_value: number | null;
  high_value: number | null;
}

export interface tags_distribution extends LegacyLoaderColumns {
  course_id: string;
  org_id: string;
  module_id: string;
  tag_name: string;
  tag_value: string;
  total_submissions: number;
  correct_submissions: number;
}

export interface grade_distribution extends LegacyLoaderColumns {
  module_id: string;
  course_id: string;
  grade: number | null;
  max_grade: number | null;
  count: number | null;
}

export interface sequential_open_distribution extends LegacyLoaderColumns {
  module_id: string;
  course_id: string;
  count: number | null;
}

export interface course_report_files extends LegacyLoaderColumns {
  course_id: string;
  report_name: string;
  file_name: string;
  location: string;
  file_size: number;
  last_modified: DateTimeString;
  row_count: number;
}

/** Lantern's own table: which task last published, from what inputs (see publish.ts). */
export interface lantern_task_markers {
  task_id: string;
  fingerprint: string;
  rows: number;
  updated: DateTimeString;
  /** JSON CarriedDays, for a task whose daily rows carry over (NULL otherwise). */
  carried_days: string | null;
}

/** Lantern's own table: the data API's keys (see api-keys.ts). Course and org lists are JSON arrays; NULL is no limit. */
export interface lantern_api_keys {
  username: string;
  key_hash: string;
  courses: string | null;
  orgs: string | null;
  created: DateTimeString;
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
  video: video;
  video_timeline: video_timeline;
  answer_distribution: answer_distribution;
  module_engagement: module_engagement;
  module_engagement_metric_ranges: module_engagement_metric_ranges;
  tags_distribution: tags_distribution;
  grade_distribution: grade_distribution;
  sequential_open_distribution: sequential_open_distribution;
  course_report_files: course_report_files;
  lantern_task_markers: lantern_task_markers;
  lantern_api_keys: lantern_api_keys;
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
export type SchemaMismatches = Mismatched | Exclude<keyof ResultStore, ResultTableName | 'lantern_task_markers' | 'lantern_api_keys'>;
const _schemaAgreesWithTables: [SchemaMismatches] extends [never] ? true : SchemaMismatches = true;

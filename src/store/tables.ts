/**
 * The result-store tables, each defined once as data: legacy names, column order and types
 * (reference/edx-analytics-pipeline.md §1). Migrations, staging tables and `schema.ts` all follow these entries.
 *
 * Every table also gets the two columns the legacy loader added: `id` (bigint auto-increment primary key) first and
 * `created` (timestamp, default now) last. They are not listed here.
 *
 * To add a table: add its entry with `addedIn` naming the migration that creates it (a new migration file that
 * calls `createResultTables` for its name), and its row interface in `schema.ts`; the type check there and the
 * migration tests say what is missing. An index added to a table's entry reaches stores created earlier when the
 * table is next published (every publish builds the table anew from its entry).
 */
export type ColumnType = 'varchar' | 'int' | 'bigint' | 'date' | 'datetime' | 'float' | 'double' | 'boolean' | 'text';

export type ColumnSpec =
  | { readonly name: string; readonly type: 'varchar'; readonly length: number; readonly nullable: boolean }
  | { readonly name: string; readonly type: Exclude<ColumnType, 'varchar'>; readonly nullable: boolean };

export interface TableSpec {
  readonly name: string;
  /** The migration that creates the table (see migrations/migrations.ts). */
  readonly addedIn: string;
  readonly columns: readonly ColumnSpec[];
  /** Secondary indexes, each a list of columns. */
  readonly indexes: readonly (readonly string[])[];
}

const COURSE_ID = { name: 'course_id', type: 'varchar', length: 255, nullable: false } as const;
const DATE = { name: 'date', type: 'date', nullable: false } as const;
const COUNT = { name: 'count', type: 'int', nullable: true } as const;
const CUMULATIVE_COUNT = { name: 'cumulative_count', type: 'int', nullable: true } as const;
const BY_COURSE_AND_DATE = [['course_id'], ['course_id', 'date']] as const;

export const RESULT_TABLES = [
  {
    name: 'course_enrollment_daily',
    addedIn: '0001-result-store',
    columns: [COURSE_ID, DATE, COUNT, CUMULATIVE_COUNT],
    indexes: BY_COURSE_AND_DATE,
  },
  {
    name: 'course_enrollment_mode_daily',
    addedIn: '0001-result-store',
    columns: [DATE, COURSE_ID, { name: 'mode', type: 'varchar', length: 255, nullable: false }, COUNT, CUMULATIVE_COUNT],
    // The reference lists no indexes here; the API reads it by course and date like its siblings.
    indexes: BY_COURSE_AND_DATE,
  },
  {
    name: 'course_enrollment_gender_daily',
    addedIn: '0001-result-store',
    columns: [DATE, COURSE_ID, { name: 'gender', type: 'varchar', length: 6, nullable: true }, COUNT, CUMULATIVE_COUNT],
    indexes: BY_COURSE_AND_DATE,
  },
  {
    name: 'course_enrollment_birth_year_daily',
    addedIn: '0001-result-store',
    columns: [DATE, COURSE_ID, { name: 'birth_year', type: 'int', nullable: true }, COUNT, CUMULATIVE_COUNT],
    indexes: BY_COURSE_AND_DATE,
  },
  {
    name: 'course_enrollment_education_level_daily',
    addedIn: '0001-result-store',
    columns: [DATE, COURSE_ID, { name: 'education_level', type: 'varchar', length: 16, nullable: true }, COUNT, CUMULATIVE_COUNT],
    indexes: BY_COURSE_AND_DATE,
  },
  {
    name: 'course_meta_summary_enrollment',
    addedIn: '0001-result-store',
    columns: [
      COURSE_ID,
      { name: 'catalog_course_title', type: 'varchar', length: 255, nullable: true },
      { name: 'catalog_course', type: 'varchar', length: 255, nullable: true },
      { name: 'start_time', type: 'datetime', nullable: true },
      { name: 'end_time', type: 'datetime', nullable: true },
      { name: 'pacing_type', type: 'varchar', length: 255, nullable: true },
      { name: 'availability', type: 'varchar', length: 255, nullable: true },
      { name: 'enrollment_mode', type: 'varchar', length: 100, nullable: false },
      COUNT,
      { name: 'count_change_7_days', type: 'int', nullable: true },
      CUMULATIVE_COUNT,
      { name: 'passing_users', type: 'int', nullable: true },
    ],
    indexes: [['course_id']],
  },
  {
    name: 'course_program_metadata',
    addedIn: '0001-result-store',
    columns: [
      COURSE_ID,
      { name: 'program_id', type: 'varchar', length: 36, nullable: false },
      { name: 'program_type', type: 'varchar', length: 32, nullable: false },
      { name: 'program_title', type: 'varchar', length: 255, nullable: true },
    ],
    // The data API reads programs by program and by course (course_summaries?programs).
    indexes: [['program_id'], ['course_id']],
  },
  {
    name: 'course_activity',
    addedIn: '0001-result-store',
    columns: [
      COURSE_ID,
      { name: 'interval_start', type: 'datetime', nullable: false },
      { name: 'interval_end', type: 'datetime', nullable: false },
      { name: 'label', type: 'varchar', length: 255, nullable: false },
      COUNT,
    ],
    indexes: [['course_id', 'label'], ['interval_end']],
  },
  {
    name: 'course_enrollment_location_current',
    addedIn: '0001-result-store',
    columns: [
      DATE,
      COURSE_ID,
      { name: 'country_code', type: 'varchar', length: 10, nullable: true },
      { name: 'count', type: 'int', nullable: false },
      { name: 'cumulative_count', type: 'int', nullable: false },
    ],
    indexes: BY_COURSE_AND_DATE,
  },
  {
    name: 'video',
    addedIn: '0002-learning-reports',
    columns: [
      { name: 'pipeline_video_id', type: 'varchar', length: 255, nullable: false },
      COURSE_ID,
      { name: 'encoded_module_id', type: 'varchar', length: 255, nullable: false },
      { name: 'duration', type: 'int', nullable: true },
      { name: 'segment_length', type: 'int', nullable: true },
      { name: 'users_at_start', type: 'int', nullable: true },
      { name: 'users_at_end', type: 'int', nullable: true },
      { name: 'total_viewed_seconds', type: 'int', nullable: true },
    ],
    indexes: [['course_id', 'encoded_module_id'], ['pipeline_video_id']],
  },
  {
    name: 'video_timeline',
    addedIn: '0002-learning-reports',
    columns: [
      { name: 'pipeline_video_id', type: 'varchar', length: 255, nullable: false },
      { name: 'segment', type: 'int', nullable: true },
      { name: 'num_users', type: 'int', nullable: true },
      { name: 'num_views', type: 'int', nullable: true },
    ],
    indexes: [['pipeline_video_id']],
  },
  {
    name: 'answer_distribution',
    addedIn: '0002-learning-reports',
    columns: [
      COURSE_ID,
      { name: 'module_id', type: 'varchar', length: 255, nullable: false },
      { name: 'part_id', type: 'varchar', length: 255, nullable: false },
      { name: 'correct', type: 'boolean', nullable: false },
      { name: 'first_response_count', type: 'int', nullable: false },
      { name: 'last_response_count', type: 'int', nullable: false },
      { name: 'value_id', type: 'varchar', length: 255, nullable: true },
      { name: 'answer_value_text', type: 'text', nullable: true },
      { name: 'answer_value_numeric', type: 'double', nullable: true },
      { name: 'variant', type: 'int', nullable: true },
      { name: 'problem_display_name', type: 'text', nullable: true },
      { name: 'question_text', type: 'text', nullable: true },
    ],
    indexes: [['course_id'], ['module_id'], ['part_id'], ['course_id', 'module_id']],
  },
  {
    name: 'module_engagement',
    addedIn: '0002-learning-reports',
    columns: [
      COURSE_ID,
      { name: 'username', type: 'varchar', length: 30, nullable: false },
      DATE,
      { name: 'entity_type', type: 'varchar', length: 10, nullable: false },
      { name: 'entity_id', type: 'varchar', length: 255, nullable: false },
      { name: 'event', type: 'varchar', length: 30, nullable: false },
      { name: 'count', type: 'int', nullable: false },
    ],
    indexes: [['course_id', 'username', 'date'], ['username', 'entity_type'], ['date']],
  },
  {
    name: 'module_engagement_metric_ranges',
    addedIn: '0002-learning-reports',
    columns: [
      COURSE_ID,
      { name: 'start_date', type: 'date', nullable: true },
      { name: 'end_date', type: 'date', nullable: true },
      { name: 'metric', type: 'varchar', length: 50, nullable: false },
      { name: 'range_type', type: 'varchar', length: 50, nullable: false },
      { name: 'low_value', type: 'float', nullable: true },
      { name: 'high_value', type: 'float', nullable: true },
    ],
    indexes: [['course_id', 'metric']],
  },
  {
    name: 'tags_distribution',
    addedIn: '0002-learning-reports',
    columns: [
      COURSE_ID,
      { name: 'org_id', type: 'varchar', length: 255, nullable: false },
      { name: 'module_id', type: 'varchar', length: 255, nullable: false },
      { name: 'tag_name', type: 'varchar', length: 255, nullable: false },
      { name: 'tag_value', type: 'varchar', length: 255, nullable: false },
      { name: 'total_submissions', type: 'int', nullable: false },
      { name: 'correct_submissions', type: 'int', nullable: false },
    ],
    indexes: [['course_id'], ['course_id', 'module_id']],
  },
  {
    name: 'grade_distribution',
    addedIn: '0002-learning-reports',
    columns: [
      { name: 'module_id', type: 'varchar', length: 255, nullable: false },
      COURSE_ID,
      { name: 'grade', type: 'double', nullable: true },
      { name: 'max_grade', type: 'double', nullable: true },
      { name: 'count', type: 'int', nullable: true },
    ],
    indexes: [['module_id'], ['course_id']],
  },
  {
    name: 'sequential_open_distribution',
    addedIn: '0002-learning-reports',
    columns: [
      { name: 'module_id', type: 'varchar', length: 255, nullable: false },
      COURSE_ID,
      { name: 'count', type: 'int', nullable: true },
    ],
    indexes: [['module_id'], ['course_id']],
  },
  {
    // Lantern's: the report files written (the legacy API looked for them in its file storage on every request).
    name: 'course_report_files',
    addedIn: '0003-report-files',
    columns: [
      COURSE_ID,
      { name: 'report_name', type: 'varchar', length: 64, nullable: false },
      { name: 'file_name', type: 'varchar', length: 255, nullable: false },
      { name: 'location', type: 'text', nullable: false },
      { name: 'file_size', type: 'bigint', nullable: false },
      { name: 'last_modified', type: 'datetime', nullable: false },
      { name: 'row_count', type: 'int', nullable: false },
    ],
    indexes: [['course_id', 'report_name']],
  },
] as const satisfies readonly TableSpec[];

export type ResultTableName = (typeof RESULT_TABLES)[number]['name'];

const BY_NAME = new Map<string, TableSpec>(RESULT_TABLES.map((spec) => [spec.name, spec]));

/** The definition of one result table. */
export function tableSpec(name: ResultTableName): TableSpec {
  return BY_NAME.get(name)!;
}

/** Whether `name` is a result table Lantern knows. */
export function isResultTable(name: string): name is ResultTableName {
  return BY_NAME.has(name);
}

/** The tables a migration creates, in definition order. */
export function tablesAddedIn(migration: string): TableSpec[] {
  return RESULT_TABLES.filter((spec) => spec.addedIn === migration);
}

import { sqlFile } from '../../engine/sql-file.js';
import { LMS_TABLES } from '../runner/lms-import.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';

const EVENT_ONLY_TABLES = ['course_enrollment_daily', 'course_enrollment_mode_daily'];
const LMS_TABLES_OUT = [
  'course_enrollment_gender_daily',
  'course_enrollment_birth_year_daily',
  'course_enrollment_education_level_daily',
  'course_meta_summary_enrollment',
  'course_program_metadata',
];

const sql = (name: string) => sqlFile(import.meta.url, name);

/** Enrollment and demographics (legacy ImportEnrollmentsIntoMysql): daily counts by mode, gender, age, education. */
export const enrollmentTask: ReportTask = {
  name: 'enrollment',
  description: 'daily enrollment counts, by mode, gender, birth year and education, and the per-course summary',
  inputs: {
    events: (params) => params.interval,
    lms: {
      tables: [LMS_TABLES.auth_userprofile, LMS_TABLES.grades_persistentcoursegrade],
      mayBeAbsent: [LMS_TABLES.course_overviews_courseoverview],
      required: false,
    },
  },
  moduleUrl: import.meta.url,
  sqlFiles: [
    'enrollment_events.sql',
    'enrollment_drops.sql',
    'user_course_days.sql',
    'enrollment_daily_counts.sql',
    ...[...EVENT_ONLY_TABLES, ...LMS_TABLES_OUT.slice(0, 4)].map((table) => `${table}.sql`),
  ],
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end, run_date: params.date }),
  outputs: (hasLms) => (hasLms ? [...EVENT_ONLY_TABLES, ...LMS_TABLES_OUT] : EVENT_ONLY_TABLES),
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const { engine, params } = context;
    const interval = { interval_start: params.interval.start, interval_end: params.interval.end };
    await engine.materialize('enrollment_events', sql('enrollment_events.sql'), interval);
    const [drops] = await engine.query<Record<string, bigint>>(sql('enrollment_drops.sql'));
    for (const [reason, count] of Object.entries(drops ?? {})) {
      if (Number(count) > 0) context.note(`${Number(count)} enrollment events dropped: ${reason.replaceAll('_', ' ')}`);
    }
    await engine.materialize('user_course_days', sql('user_course_days.sql'), interval);
    await engine.materialize('enrollment_daily_counts', sql('enrollment_daily_counts.sql'), interval);
    const tables = context.hasLms ? [...EVENT_ONLY_TABLES, ...LMS_TABLES_OUT.slice(0, 4)] : EVENT_ONLY_TABLES;
    const outputs: TaskOutput[] = [];
    for (const table of tables) {
      outputs.push({ table, rows: await engine.query(sql(`${table}.sql`), { ...interval, run_time: `${params.date} 00:00:00` }) });
    }
    if (context.hasLms) {
      context.note('course_program_metadata is empty: no course catalog is configured');
      outputs.push({ table: 'course_program_metadata', rows: [] });
    } else {
      context.note(`without an LMS database only ${EVENT_ONLY_TABLES.join(' and ')} are computed (skipped: ${LMS_TABLES_OUT.join(', ')})`);
    }
    return outputs;
  },
};

import type { FastifyPluginAsync } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../errors.js';
import { isValidCourseKey } from '../legacy/course-key.js';
import { formatLegacyDateTime, parseLegacyDate } from '../legacy/dates.js';
import { ENROLLMENT_MODES, type EnrollmentMode } from '../legacy/enrollment-shapes.js';
import { programRows, type ProgramRow } from '../queries/program-rows.js';
import { groupedBy, latestCreated } from '../queries/grouping.js';
import { registerListView } from './list-view.js';
import { courseSummaryRows, enrollmentCountsOn, type SummaryRow } from '../queries/summary-rows.js';
import { COUNT, LEGACY_DATETIME, NULLABLE_COUNT, NULLABLE_TEXT } from '../schemas.js';
import type { RouteOptions } from './protected.js';

const COUNT_KEYS = ['count', 'cumulative_count', 'count_change_7_days', 'passing_users'] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number>;

const NULLABLE_DATETIME = { ...LEGACY_DATETIME, type: ['string', 'null'] } as const;
const MODE_COUNTS = { type: 'object', properties: Object.fromEntries(COUNT_KEYS.map((key) => [key, COUNT])) } as const;

const SUMMARY_ITEM = {
  type: 'object',
  properties: {
    course_id: { type: 'string', example: 'course-v1:edX+DemoX+Demo_Course' },
    catalog_course_title: { ...NULLABLE_TEXT, example: 'Demo Course' },
    catalog_course: { ...NULLABLE_TEXT, example: 'edX+DemoX' },
    start_date: NULLABLE_DATETIME,
    end_date: NULLABLE_DATETIME,
    pacing_type: { ...NULLABLE_TEXT, example: 'self_paced' },
    availability: { ...NULLABLE_TEXT, description: 'Current, Upcoming (the pipeline\'s "Starting Soon"), Archived, …', example: 'Current' },
    count: COUNT,
    cumulative_count: COUNT,
    count_change_7_days: COUNT,
    recent_count_change: { ...NULLABLE_COUNT, description: '`count` minus the enrollment count on `recent_date`; null without `recent_date`.' },
    passing_users: COUNT,
    enrollment_modes: { type: 'object', properties: Object.fromEntries(ENROLLMENT_MODES.map((mode) => [mode, MODE_COUNTS])) },
    created: LEGACY_DATETIME,
    programs: { type: 'array', items: { type: 'string' }, description: 'Only with `programs`: the ids of the programs holding the course.' },
  },
} as const;

/** GET and POST /api/v0/course_summaries/: one item per course, from course_meta_summary_enrollment. */
export const courseSummaryRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store, now }) => {
  registerListView(app, {
    path: '/api/v0/course_summaries/',
    summary: 'Summaries of courses: catalog data and enrollment counts, in total and per mode',
    description:
      'One item per course, ordered by course id: catalog data and enrollment counts summed over the modes, with the counts ' +
      'of each mode (no-id-professional counted as professional). Only the courses the key may read are listed. ' +
      'A course id that is not a valid key is 400 `course_key_malformed`; no course is 404.',
    ids: { name: 'course_ids', description: 'The courses (default: every course the key may read).', example: 'edX/DemoX/Demo_Course,course-v1:edX+DemoX+Demo_2014' },
    params: {
      programs: { description: 'Any non-empty value adds `programs`, the ids of the programs holding each course (as in the legacy, even `false`).', example: 'true' },
      recent_date: { description: 'A past day, `YYYY-mm-dd`: `recent_count_change` is the change of `count` since that day.', example: '2014-12-01' },
    },
    item: SUMMARY_ITEM,
    what: 'course summaries',
    answer: async (list, request) => {
      const courseIds = readableCourseIds(list.ids, request.principal);
      if (courseIds?.length === 0) return [];
      const recentDay = recentDayOf(list.params['recent_date'], now());
      const withPrograms = isTruthy(list.params['programs']);
      const [rows, programs, recentCounts] = await Promise.all([
        courseSummaryRows(store, courseIds),
        withPrograms ? programRows(store, { courseIds }).then(programIdsByCourse) : undefined,
        recentDay === undefined ? undefined : enrollmentCountsOn(store, courseIds, recentDay),
      ]);
      const readable = rows.filter((row) => request.principal.canRead(row.course_id));
      return groupedBy(readable, (row) => row.course_id).map((courseRows) => courseSummary(courseRows, { programs, recentCounts, exclude: list.exclude }));
    },
  });
};

/** The asked-for courses the principal may read (undefined: every course, filtered after the query); each must be a valid key. */
function readableCourseIds(ids: readonly string[] | undefined, principal: Principal): string[] | undefined {
  const malformed = ids?.find((id) => !isValidCourseKey(id));
  if (malformed !== undefined) throw new ApiError('course_key_malformed', `Course id/key ${malformed} malformed.`);
  return ids && [...new Set(ids)].filter((id) => principal.canRead(id)).sort();
}

const DAY = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * `recent_date` as a store day, or undefined when absent. The legacy answered a bad or future date with a plain-text
 * 400 ("Error in recent_date: …"); we answer 400 in our JSON error shape, as every other error.
 */
function recentDayOf(value: unknown, today: Date): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  const day = DAY.test(text) ? calendarDay(text) : undefined;
  if (!day) throw new ApiError('invalid_parameter', `Error in recent_date: "${text}" is not a date in the format YYYY-mm-dd.`);
  if (day.getTime() > today.getTime()) throw new ApiError('invalid_parameter', `Error in recent_date: ${text} is in the future.`);
  return day.toISOString().slice(0, 10);
}

/** The day, or undefined for a day that does not exist (2014-02-30). */
function calendarDay(text: string): Date | undefined {
  try {
    return parseLegacyDate(text, 'recent_date');
  } catch {
    return undefined;
  }
}

/** Python's truthiness, as the legacy tested `programs`: any non-empty string (even "false"), true, a non-zero number. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
}

function programIdsByCourse(rows: readonly ProgramRow[]): Map<string, string[]> {
  const programs = new Map<string, string[]>();
  for (const row of rows) programs.set(row.course_id, [...(programs.get(row.course_id) ?? []), row.program_id]);
  return programs;
}

interface SummaryExtras {
  /** Program ids per course; undefined when `programs` was not asked for. */
  readonly programs: ReadonlyMap<string, string[]> | undefined;
  /** Enrollment on `recent_date` per course; undefined without `recent_date`. */
  readonly recentCounts: ReadonlyMap<string, number> | undefined;
  /** Keys `exclude` removes, from the item and from each mode's counts. */
  readonly exclude: readonly string[];
}

/** One course's item, from its rows (one per mode). */
function courseSummary(rows: readonly SummaryRow[], extras: SummaryExtras): object {
  const head = rows[0]!;
  const modes = modeCounts(rows);
  const totals = sumCounts(rows.map((row) => countsOf(row)));
  return {
    course_id: head.course_id,
    catalog_course_title: head.catalog_course_title,
    catalog_course: head.catalog_course,
    start_date: head.start_time === null ? null : formatLegacyDateTime(head.start_time),
    end_date: head.end_time === null ? null : formatLegacyDateTime(head.end_time),
    pacing_type: head.pacing_type,
    availability: head.availability === 'Starting Soon' ? 'Upcoming' : head.availability,
    count: totals.count,
    cumulative_count: totals.cumulative_count,
    count_change_7_days: totals.count_change_7_days,
    recent_count_change: extras.recentCounts ? totals.count - (extras.recentCounts.get(head.course_id) ?? 0) : null,
    passing_users: totals.passing_users,
    enrollment_modes: Object.fromEntries(ENROLLMENT_MODES.map((mode) => [mode, withoutKeys(modes[mode], extras.exclude)])),
    created: latestCreated(rows),
    // The legacy failed (500) for a course in no program; such a course has an empty list here.
    ...(extras.programs ? { programs: extras.programs.get(head.course_id) ?? [] } : {}),
  };
}

/** The counts of each of the six modes (zeros when absent), no-id-professional added to professional. */
function modeCounts(rows: readonly SummaryRow[]): Record<EnrollmentMode, Counts> {
  const modeOf = (row: SummaryRow) => (row.enrollment_mode === 'no-id-professional' ? 'professional' : row.enrollment_mode);
  return Object.fromEntries(
    ENROLLMENT_MODES.map((mode) => [mode, sumCounts(rows.filter((row) => modeOf(row) === mode).map((row) => countsOf(row)))]),
  ) as Record<EnrollmentMode, Counts>;
}

function countsOf(row: SummaryRow): Counts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, row[key] ?? 0])) as Counts;
}

function sumCounts(counts: readonly Counts[]): Counts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, counts.reduce((total, each) => total + each[key], 0)])) as Counts;
}

function withoutKeys(counts: Counts, exclude: readonly string[]): Partial<Counts> {
  return Object.fromEntries(Object.entries(counts).filter(([key]) => !exclude.includes(key)));
}

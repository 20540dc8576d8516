import { hiveTimestamp, normalizeWhitespace, textField, truncate } from './legacy-text.js';

/** One course of the LMS Courses API, as the legacy Hive table `course_list` held it. */
export interface CourseListRow {
  readonly course_id: string;
  readonly name: string | null;
  readonly org: string | null;
  readonly number: string | null;
  readonly blocks_url: string | null;
  readonly short_description: string | null;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  readonly enrollment_start: string | null;
  readonly enrollment_end: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly start_display: string | null;
  readonly start_type: string | null;
  readonly effort: string | null;
  readonly pacing: string | null;
}

export const COURSE_LIST_COLUMNS = [
  'course_id', 'name', 'org', 'number', 'blocks_url', 'short_description', 'enrollment_start', 'enrollment_end',
  'start_date', 'end_date', 'start_display', 'start_type', 'effort', 'pacing',
] as const satisfies readonly (keyof CourseListRow)[];

/**
 * A course of `/api/courses/v1/courses/` (one element of `results`) as a course_list row; null when it names no
 * course. Older releases call the key `course_id`, newer ones `id`.
 */
export function courseListRow(course: unknown): CourseListRow | null {
  if (course === null || typeof course !== 'object' || Array.isArray(course)) return null;
  const fields = course as Record<string, unknown>;
  const courseId = textField(fields, 'id') ?? textField(fields, 'course_id');
  if (courseId === null) return null;
  const shortText = (key: string, length?: number) => {
    const value = textField(fields, key);
    return value === null ? null : normalizeWhitespace(length ? truncate(value, length) : value);
  };
  return {
    course_id: courseId,
    name: shortText('name', 255),
    org: textField(fields, 'org'),
    number: textField(fields, 'number'),
    blocks_url: textField(fields, 'blocks_url'),
    short_description: shortText('short_description', 255),
    enrollment_start: hiveTimestamp(textField(fields, 'enrollment_start')),
    enrollment_end: hiveTimestamp(textField(fields, 'enrollment_end')),
    start_date: hiveTimestamp(textField(fields, 'start')),
    end_date: hiveTimestamp(textField(fields, 'end')),
    start_display: shortText('start_display'),
    start_type: shortText('start_type'),
    effort: shortText('effort', 255),
    pacing: shortText('pacing'),
  };
}

/** The courses as course_list rows, one per course (the last listing of a course wins). */
export function courseListRows(courses: Iterable<unknown>): CourseListRow[] {
  const rows = new Map<string, CourseListRow>();
  for (const course of courses) {
    const row = courseListRow(course);
    if (row) rows.set(row.course_id, row);
  }
  return [...rows.values()];
}

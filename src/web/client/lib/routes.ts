import { COURSE_ID_PATTERN } from './course-id.js';

/** Course pages, keyed by their path below `/courses/<id>/`. */
export type CoursePage =
  | 'home'
  | 'enrollment/activity'
  | 'enrollment/demographics/age'
  | 'enrollment/demographics/education'
  | 'enrollment/demographics/gender'
  | 'enrollment/geography'
  | 'engagement/content'
  | 'engagement/videos'
  | 'performance/graded_content'
  | 'performance/ungraded_content'
  | 'performance/learning_outcomes'
  | 'reports'
  | 'learners';

export type Route =
  | { kind: 'index' }
  | { kind: 'course'; courseId: string; page: CoursePage; rest: string }
  | { kind: 'not-found' };

const PAGE_PREFIXES: ReadonlyArray<CoursePage> = [
  'enrollment/demographics/education',
  'enrollment/demographics/gender',
  'enrollment/demographics/age',
  'enrollment/activity',
  'enrollment/geography',
  'engagement/content',
  'engagement/videos',
  'performance/graded_content',
  'performance/ungraded_content',
  'performance/learning_outcomes',
  'reports',
  'learners',
];

/** Pages that also own deeper paths (drill-downs built later). */
const DRILL_DOWN: ReadonlySet<CoursePage> = new Set([
  'engagement/content',
  'engagement/videos',
  'performance/graded_content',
  'performance/ungraded_content',
  'performance/learning_outcomes',
  'reports',
  'learners',
]);

const COURSE_RE = new RegExp(`^/courses/(${COURSE_ID_PATTERN})/(.*)$`);

/** Maps a pathname to a route. Course ids stay as they appear in the URL. */
export function parseRoute(pathname: string): Route {
  let path: string;
  try {
    path = decodeURI(pathname);
  } catch {
    return { kind: 'not-found' };
  }
  if (path === '/' || path === '/courses' || path === '/courses/') return { kind: 'index' };
  const m = COURSE_RE.exec(path.endsWith('/') ? path : `${path}/`);
  if (!m) return { kind: 'not-found' };
  const courseId = m[1]!;
  const tail = m[2]!.replace(/\/+$/, '');
  if (tail === '') return { kind: 'course', courseId, page: 'home', rest: '' };
  if (tail === 'enrollment') return { kind: 'course', courseId, page: 'enrollment/activity', rest: '' };
  if (tail === 'enrollment/demographics') return { kind: 'course', courseId, page: 'enrollment/demographics/age', rest: '' };
  for (const page of PAGE_PREFIXES) {
    if (tail === page) return { kind: 'course', courseId, page, rest: '' };
    if (DRILL_DOWN.has(page) && tail.startsWith(`${page}/`)) {
      return { kind: 'course', courseId, page, rest: tail.slice(page.length + 1) };
    }
  }
  return { kind: 'not-found' };
}

/** The URL of a course page: `/courses/<id>/<page>/`. */
export function coursePageUrl(courseId: string, page: CoursePage): string {
  return page === 'home' ? `/courses/${courseId}/` : `/courses/${courseId}/${page}/`;
}

/** A drill-down path segment: ids (usage keys, answer values) are percent-encoded. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** The decoded segments of a page's `rest` path. */
export function restSegments(rest: string): string[] {
  if (rest === '') return [];
  return rest.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

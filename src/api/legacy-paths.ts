/**
 * The legacy URLs put course ids (`edX/DemoX/Demo_Course`, `course-v1:edX+DemoX+Demo`) and problem or video ids
 * (`i4x://org/num/run/problem/X`, `block-v1:…`) into the path as they are, slashes and all, or URL-encoded.
 * Routes take each id as one path parameter, so the id is re-encoded into one segment before routing.
 */
const COURSE_ENDPOINTS = [
  'activity', 'recent_activity', 'enrollment', 'enrollment/mode', 'enrollment/birth_year', 'enrollment/education',
  'enrollment/gender', 'enrollment/location', 'problems', 'problems_and_tags', 'videos', 'reports/[a-zA-Z0-9_]+',
  'user_engagement',
];
const COURSE_PATH = new RegExp(`^(/api/v[01]/courses/)(.+?)/(${COURSE_ENDPOINTS.join('|')})/?$`);
const PROBLEM_PATH = /^(\/api\/v[01]\/problems\/)(.+)\/(answer_distribution|grade_distribution|sequential_open_distribution)\/?$/;
const VIDEO_PATH = /^(\/api\/v[01]\/videos\/)(.+)\/(timeline)\/?$/;
const ENGAGEMENT_PATH = /^(\/api\/v0\/engagement_timelines\/)(.+?)\/?$/;
/** The legacy course id pattern: three parts split by `/` or `+` (the last may hold `+`, as ccx keys do). */
const COURSE_ID = /^[^/+]+[/+][^/+]+[/+][^/]+$/;

/** The request URL with the id in the path made one segment, and v1 as v0; other URLs are returned unchanged. */
export function routableUrl(url: string): string {
  return oneSegmentIds(asV0(url));
}

/**
 * The legacy v1 served the v0 views from a second database (its ADR-0001); Lantern has one store, so v1 is v0, less
 * what v1 dropped (enrollment/birth_year). Its status, health and authenticated paths redirect as in v0.
 */
function asV0(url: string): string {
  if (!url.startsWith('/api/v1/') || /^\/api\/v1\/(status|health|authenticated)\/?(\?|$)/.test(url)) return url;
  if (/\/enrollment\/birth_year\/?(\?|$)/.test(url)) return url;
  return `/api/v0/${url.slice('/api/v1/'.length)}`;
}

function oneSegmentIds(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  const course = COURSE_PATH.exec(path);
  if (course) {
    const id = decoded(course[2]!);
    return COURSE_ID.test(id) ? `${course[1]}${encodeURIComponent(id)}/${course[3]}/${query}` : url;
  }
  const other = PROBLEM_PATH.exec(path) ?? VIDEO_PATH.exec(path);
  if (other) return `${other[1]}${encodeURIComponent(decoded(other[2]!))}/${other[3]}/${query}`;
  const engagement = ENGAGEMENT_PATH.exec(path);
  if (engagement) return `${engagement[1]}${encodeURIComponent(decoded(engagement[2]!))}/${query}`;
  return url;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

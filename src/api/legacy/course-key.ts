/** Course keys as edx-opaque-keys `CourseKey.from_string` accepted them (course-v1, ccx-v1 and org/course/run). */

export interface CourseKeyParts {
  org: string;
  course: string;
  run: string;
}

// Python's Unicode `\w` (letters, numbers, `_`) plus the extra characters each key form allows.
const ID = '[\\p{L}\\p{N}_\\-~.:]+';
const DEPRECATED_ID = '[\\p{L}\\p{N}_\\-.%]+';
const BRANCH_AND_VERSION = `(?:\\+branch@${ID})?(?:\\+version@[a-f0-9]{24})?`;
const COURSE_V1 = new RegExp(`^course-v1:(${ID})\\+(${ID})\\+(${ID})${BRANCH_AND_VERSION}$`, 'u');
const CCX_V1 = new RegExp(`^ccx-v1:(${ID})\\+(${ID})\\+(${ID})${BRANCH_AND_VERSION}\\+ccx@\\d+$`, 'u');
const DEPRECATED = new RegExp(`^(${DEPRECATED_ID})/(${DEPRECATED_ID})/(${DEPRECATED_ID})$`, 'u');

/** The org, course and run of a valid key, or null. */
function parse(id: string): CourseKeyParts | null {
  const match = COURSE_V1.exec(id) ?? CCX_V1.exec(id) ?? DEPRECATED.exec(id);
  if (!match) return null;
  const [, org = '', course = '', run = ''] = match;
  return { org, course, run };
}

/** True for `org/course/run`, `course-v1:org+course+run` and `ccx-v1:org+course+run+ccx@N`. */
export function isValidCourseKey(id: string): boolean {
  return parse(id) !== null;
}

/** The parts of a valid course key; throws for anything `isValidCourseKey` rejects. */
export function courseKeyParts(id: string): CourseKeyParts {
  const parts = parse(id);
  if (!parts) throw new Error(`Course id/key ${id} malformed.`);
  return parts;
}

/**
 * The legacy `get_filename_safe_course_id`: `org_course_run` for a valid key, else the id itself, with every
 * character other than a (Unicode) word character, `.` or `-` made `_`. Unlike `filenameSafeCourseId` in
 * reports/problem-response, this parses ccx-v1 keys and leaves an invalid course-v1 id whole, as the legacy API did.
 */
export function safeCourseId(id: string): string {
  const parts = parse(id);
  const name = parts ? `${parts.org}_${parts.course}_${parts.run}` : id;
  return name.replace(/[^\p{L}\p{N}_.-]/gu, '_');
}

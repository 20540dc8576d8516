/** Course ids as the legacy URLs carry them: `org/course/run` or `course-v1:org+course+run`. */

export const COURSE_ID_PATTERN = '[^/+]+[/+][^/+]+[/+][^/]+';

/** `<org>-<course>-<run>`, the prefix of the legacy CSV file names. */
export function courseFilePrefix(courseId: string): string {
  const key = courseId.replace(/^[a-z-]+-v1:/, '');
  const parts = key.split(/[/+]/).slice(0, 3);
  return parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The data API path of a course resource: `/data/api/v0/courses/<id>/<resource>`. */
export function courseApiPath(courseId: string, resource: string): string {
  return `/data/api/v0/courses/${courseId}/${resource}`;
}

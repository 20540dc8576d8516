import { ApiError } from '../errors.js';
import type { Principal } from './principal.js';

/**
 * `X-Lantern-Courses: ["course-v1:…", …]` narrows what a request may read to those courses (never beyond what its
 * credentials allow): the dashboard reads the data API with one service key, on behalf of each signed-in user.
 */
export const ON_BEHALF_OF_HEADER = 'x-lantern-courses';

export function narrowedPrincipal(principal: Principal, header: string | string[] | undefined): Principal {
  if (header === undefined) return principal;
  let courses: unknown;
  try {
    courses = JSON.parse(Array.isArray(header) ? header.join(',') : header);
  } catch {
    courses = undefined;
  }
  if (!Array.isArray(courses) || !courses.every((course) => typeof course === 'string')) {
    throw new ApiError('invalid_parameter', `The ${ON_BEHALF_OF_HEADER} header must be a JSON list of course ids.`);
  }
  return principal.narrowedTo(courses as string[]);
}

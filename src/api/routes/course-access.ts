import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../errors.js';

export function assertCanRead(principal: Principal, courseId: string): void {
  if (!principal.canRead(courseId)) throw new ApiError('course_not_permitted', `${principal.username} may not read course ${courseId}.`);
}

/** preHandler of the per-course routes: the key or user must be allowed to read `:course_id`. */
export async function checkCourseAccess(request: FastifyRequest): Promise<void> {
  const courseId = (request.params as { course_id?: string }).course_id;
  if (courseId !== undefined) assertCanRead(request.principal, courseId);
}

/**
 * The rows of a per-problem or per-video table that the principal may read. No rows is 404, as the legacy API
 * answered; rows of none of the principal's courses is 403, so that a limited key learns nothing about other
 * courses' data beyond its existence. A row whose course is unknown (undefined) is for unlimited principals only.
 */
export function readableRows<T>(principal: Principal, rows: readonly T[], courseOf: (row: T) => string | undefined, what: string): T[] {
  if (rows.length === 0) throw new ApiError('not_found', `No ${what} found.`);
  const readable = rows.filter((row) => {
    const courseId = courseOf(row);
    return courseId === undefined ? principal.readsEveryCourse : principal.canRead(courseId);
  });
  if (readable.length === 0) throw new ApiError('course_not_permitted', `${principal.username} may not read the course of ${what}.`);
  return readable;
}

import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';

/** preHandler of the per-course routes: the key or user must be allowed to read `:course_id`. */
export async function checkCourseAccess(request: FastifyRequest): Promise<void> {
  const courseId = (request.params as { course_id?: string }).course_id;
  if (courseId !== undefined && !request.principal.canRead(courseId)) {
    throw new ApiError('course_not_permitted', `${request.principal.username} may not read course ${courseId}.`);
  }
}

import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatLegacyDateTime } from '../legacy/dates.js';
import { sendList } from '../respond.js';
import { LEGACY_DATETIME, listResponses, NULLABLE_COUNT, objectOf } from '../schemas.js';
import { checkCourseAccess } from './course-access.js';
import type { RouteOptions } from './protected.js';

type CourseRequest = FastifyRequest<{ Params: { course_id: string } }>;

const VIDEO_ITEM = objectOf({
  pipeline_video_id: { type: 'string', description: '`{course_id}|{encoded_module_id}`: the id of the video timeline endpoint.', example: 'course-v1:edX+DemoX+Demo_Course|i4x-edX-DemoX-video-0b9e39477cf34507a7a48f74be381fdd' },
  encoded_module_id: { type: 'string', example: 'i4x-edX-DemoX-video-0b9e39477cf34507a7a48f74be381fdd' },
  duration: { ...NULLABLE_COUNT, description: 'Seconds.' },
  segment_length: { ...NULLABLE_COUNT, description: 'Seconds per timeline segment.', example: 5 },
  users_at_start: NULLABLE_COUNT,
  users_at_end: NULLABLE_COUNT,
  created: LEGACY_DATETIME,
});

/** The videos of a course (the `video` table). */
export const courseVideoRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.addHook('preHandler', checkCourseAccess);

  app.get(
    '/api/v0/courses/:course_id/videos/',
    {
      schema: {
        tags: ['courses'],
        summary: 'Videos with their viewers at start and end',
        description: 'From `video`: one item per video of the course, in the order the store lists them. No date filter.',
        params: { $ref: 'CourseParams#' },
        querystring: { $ref: 'FormatQuery#' },
        response: listResponses(VIDEO_ITEM, 'Videos'),
      },
    },
    async (request: CourseRequest, reply) => {
      const courseId = request.params.course_id;
      // Served by the (course_id, encoded_module_id) index.
      const rows = await store.db
        .selectFrom('video')
        .select(['pipeline_video_id', 'encoded_module_id', 'duration', 'segment_length', 'users_at_start', 'users_at_end', 'created'])
        .where('course_id', '=', courseId)
        .orderBy('id')
        .execute();
      const videos = rows.map((row) => ({ ...row, created: formatLegacyDateTime(row.created) }));
      return sendList(request, reply, videos, { what: `videos for course ${courseId}` });
    },
  );
};

import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatLegacyDateTime } from '../legacy/dates.js';
import { readableRows } from './course-access.js';
import { courseOfVideo } from '../queries/video-course.js';
import { sendList } from '../respond.js';
import { LEGACY_DATETIME, listResponses, NULLABLE_COUNT, objectOf } from '../schemas.js';
import type { RouteOptions } from './protected.js';

type VideoRequest = FastifyRequest<{ Params: { video_id: string } }>;

const VIDEO_PARAMS = {
  type: 'object',
  required: ['video_id'],
  properties: {
    video_id: {
      type: 'string',
      description: 'A `pipeline_video_id` from the course videos endpoint (`{course_id}|{encoded_module_id}`), as it is or URL-encoded.',
      example: 'course-v1:edX+DemoX+Demo_Course|i4x-edX-DemoX-video-0b9e39477cf34507a7a48f74be381fdd',
    },
  },
} as const;

const SEGMENT_ITEM = objectOf({
  segment: { ...NULLABLE_COUNT, description: 'The segment number: it starts at segment × segment_length seconds.', example: 0 },
  num_users: NULLABLE_COUNT,
  num_views: NULLABLE_COUNT,
  created: LEGACY_DATETIME,
});

/** Viewers per segment of a video (video_timeline). */
export const videoTimelineRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.get(
    '/api/v0/videos/:video_id/timeline/',
    {
      schema: {
        tags: ['videos'],
        summary: 'Viewers and views per segment of a video',
        description:
          'From `video_timeline`, ordered by segment. The course (for permissions) is the `{course_id}|` prefix of the id, ' +
          'else the `video` row with this `pipeline_video_id`.',
        params: VIDEO_PARAMS,
        querystring: { $ref: 'FormatQuery#' },
        response: listResponses(SEGMENT_ITEM, 'Segments'),
      },
    },
    async (request: VideoRequest, reply) => {
      const videoId = request.params.video_id;
      // Served by the (pipeline_video_id) index.
      const rows = await store.db
        .selectFrom('video_timeline')
        .select(['segment', 'num_users', 'num_views', 'created'])
        .where('pipeline_video_id', '=', videoId)
        .orderBy('segment')
        .orderBy('id')
        .execute();
      const courseId = rows.length > 0 ? await courseOfVideo(store, videoId) : undefined;
      const what = `timeline for video ${videoId}`;
      const segments = readableRows(request.principal, rows, () => courseId, what).map((row) => ({ ...row, created: formatLegacyDateTime(row.created) }));
      return sendList(request, reply, segments, { what });
    },
  );
};

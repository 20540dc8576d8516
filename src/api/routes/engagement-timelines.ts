import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { isValidCourseKey } from '../legacy/course-key.js';
import { engagementTimeline } from '../queries/engagement-timeline.js';
import { sendData, wantsCsv } from '../respond.js';
import { COUNT, ERROR_RESPONSES, FORMAT_QUERY, LEGACY_DATE } from '../schemas.js';
import { assertCanRead } from './course-access.js';
import type { RouteOptions } from './protected.js';

const DAY_ITEM = {
  type: 'object',
  required: ['date', 'problems_attempted', 'problems_completed', 'discussion_contributions', 'videos_viewed'],
  properties: {
    date: LEGACY_DATE,
    problems_attempted: { ...COUNT, description: 'Distinct problems attempted that day.' },
    problems_completed: { ...COUNT, description: 'Distinct problems completed that day.' },
    discussion_contributions: { ...COUNT, description: 'Posts, responses and comments that day.' },
    videos_viewed: { ...COUNT, description: 'Distinct videos viewed that day.' },
  },
} as const;

type TimelineRequest = FastifyRequest<{ Params: { username: string }; Querystring: { course_id?: string } }>;

/** GET /api/v0/engagement_timelines/{username}/?course_id=: a learner's engagement per day, from module_engagement. */
export const engagementTimelineRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.get(
    '/api/v0/engagement_timelines/:username/',
    {
      schema: {
        tags: ['learners'],
        summary: "A learner's engagement per day in a course",
        description:
          'From `module_engagement`: problems attempted, problems completed and videos viewed count distinct items of the day, ' +
          'discussion contributions sum the day\'s posts. Every day from the first to the last active day is listed, days ' +
          'without activity as zeros. CSV: the days, one per line.',
        params: { type: 'object', required: ['username'], properties: { username: { type: 'string', example: 'ed_xavier' } } },
        querystring: {
          type: 'object',
          properties: { course_id: { type: 'string', description: 'The course (required).', example: 'course-v1:edX+DemoX+Demo_Course' }, ...FORMAT_QUERY.properties },
        },
        response: {
          200: { description: 'The days', type: 'object', required: ['days'], properties: { days: { type: 'array', items: DAY_ITEM } } },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request: TimelineRequest, reply) => {
      const courseId = readableCourseId(request);
      const username = request.params.username;
      const days = await engagementTimeline(store.db, courseId, username);
      if (days.length === 0) throw new ApiError('no_learner_engagement_timeline', `No engagement timeline for learner ${username} in course ${courseId}.`);
      // The legacy CSV of this object was empty (it rendered only lists); the days are what a CSV reader wants.
      return wantsCsv(request) ? sendData(request, reply, days) : reply.send({ days });
    },
  );
};

/** `course_id` of the query: given, a valid key, and readable by the principal. */
function readableCourseId(request: TimelineRequest): string {
  const courseId = request.query.course_id;
  if (courseId === undefined || courseId === '') throw new ApiError('course_not_specified', 'Course id/key not specified.');
  if (!isValidCourseKey(courseId)) throw new ApiError('course_key_malformed', `Course id/key ${courseId} malformed.`);
  assertCanRead(request.principal, courseId);
  return courseId;
}

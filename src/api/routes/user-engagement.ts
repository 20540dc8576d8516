import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatLegacyDate } from '../legacy/dates.js';
import { userEngagement, type UserEngagementRow } from '../queries/engagement-by-user.js';
import { sendList } from '../respond.js';
import { LEGACY_DATE, listResponses, NULLABLE_COUNT } from '../schemas.js';
import { checkCourseAccess } from './course-access.js';
import type { RouteOptions } from './protected.js';

const SUM = { ...NULLABLE_COUNT, description: 'Null when the learner has no row of this kind.' } as const;
const LAST_WEEK = { ...NULLABLE_COUNT, description: 'Over the rows created in the last 7 days; null when there is none.' } as const;

const ENGAGEMENT_ITEM = {
  type: 'object',
  required: ['username'],
  properties: {
    username: { type: 'string', example: 'ed_xavier' },
    videos_overall: SUM,
    videos_last_week: { ...LAST_WEEK, description: 'Video rows (not views) created in the last 7 days, as the legacy counted them.' },
    problems_overall: SUM,
    problems_last_week: LAST_WEEK,
    correct_problems_overall: SUM,
    correct_problems_last_week: LAST_WEEK,
    problems_attempts_overall: SUM,
    problems_attempts_last_week: LAST_WEEK,
    forum_posts_overall: SUM,
    forum_posts_last_week: LAST_WEEK,
    date_last_active: { ...LEGACY_DATE, description: 'The day the latest of the learner\'s rows was written.' },
  },
} as const;

type EngagementRequest = FastifyRequest<{ Params: { course_id: string } }>;

/** GET /api/v0/courses/{course_id}/user_engagement/: per-learner totals from module_engagement. */
export const userEngagementRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store, now }) => {
  app.addHook('preHandler', checkCourseAccess);

  app.get(
    '/api/v0/courses/:course_id/user_engagement/',
    {
      schema: {
        tags: ['courses'],
        summary: 'Engagement totals of each learner of a course',
        description:
          'From `module_engagement`, one item per learner, ordered by username: videos, problems, correct problems, problem ' +
          'attempts and forum posts, overall and over the last 7 days (by the rows\' `created` time).',
        params: { $ref: 'CourseParams#' },
        querystring: { $ref: 'FormatQuery#' },
        response: listResponses(ENGAGEMENT_ITEM, 'Engagement per learner'),
      },
    },
    async (request: EngagementRequest, reply) => {
      const courseId = request.params.course_id;
      const rows = await userEngagement(store, courseId, now());
      return sendList(request, reply, rows.map(engagementItem), { what: `user engagement for course ${courseId}` });
    },
  );
};

function engagementItem({ last_active, ...sums }: UserEngagementRow): object {
  return { ...sums, date_last_active: formatLegacyDate(last_active) };
}

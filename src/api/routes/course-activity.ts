import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { storeDateTime } from '../../store/store-values.js';
import { dateWindowOf, type DateWindowQuery } from '../date-window.js';
import { ApiError } from '../errors.js';
import { formatIsoDateTime } from '../legacy/dates.js';
import { activityByWeek, activityType } from '../legacy/enrollment-shapes.js';
import { sendData, sendList } from '../respond.js';
import { COUNT, COURSE_ID, ERROR_RESPONSES, LEGACY_DATETIME, listResponses } from '../schemas.js';
import { checkCourseAccess } from './course-access.js';
import type { RouteOptions } from './protected.js';

const ACTIVITY_TYPES = ['any', 'attempted_problem', 'played_video', 'posted_forum'] as const;
const ACTIVITY_ITEM = {
  type: 'object',
  required: ['interval_start', 'interval_end', 'course_id', 'created'],
  properties: {
    interval_start: LEGACY_DATETIME,
    interval_end: LEGACY_DATETIME,
    course_id: COURSE_ID,
    ...Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, { ...COUNT, description: 'Absent when the week has no row of this type.' }])),
    created: LEGACY_DATETIME,
  },
} as const;
const RECENT_ITEM = {
  type: 'object',
  properties: {
    interval_start: { type: 'string', example: '2014-01-01T00:00:00Z' },
    interval_end: { type: 'string', example: '2014-01-08T00:00:00Z' },
    activity_type: { type: 'string', example: 'any' },
    count: COUNT,
    course_id: COURSE_ID,
  },
} as const;

type ActivityRequest = FastifyRequest<{ Params: { course_id: string }; Querystring: DateWindowQuery }>;
type RecentRequest = FastifyRequest<{ Params: { course_id: string }; Querystring: { activity_type?: string; label?: string } }>;

/** Weekly activity (course_activity): learners active, attempting problems, playing videos, posting in forums. */
export const courseActivityRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.addHook('preHandler', checkCourseAccess);

  app.get(
    '/api/v0/courses/:course_id/activity/',
    {
      schema: {
        tags: ['courses'],
        summary: 'Weekly activity counts',
        description:
          'From `course_activity`, one item per week. `start_date` filters `interval_start >=`, `end_date` filters `interval_end <`; ' +
          'without dates, the latest week only. CSV file: `{org}-{course}-{run}--engagement-activity.csv`.',
        params: { $ref: 'CourseParams#' },
        querystring: { $ref: 'IntervalQuery#' },
        response: listResponses(ACTIVITY_ITEM, 'Weekly activity'),
      },
    },
    async (request: ActivityRequest, reply) => {
      const courseId = request.params.course_id;
      const window = dateWindowOf(request.query);
      let query = store.db.selectFrom('course_activity').selectAll().where('course_id', '=', courseId);
      if (window) {
        if (window.start) query = query.where('interval_start', '>=', storeDateTime(window.start));
        if (window.end) query = query.where('interval_end', '<', storeDateTime(window.end));
      } else {
        query = query.where('interval_end', '=', (eb) =>
          eb.selectFrom('course_activity').select((inner) => inner.fn.max('interval_end').as('latest')).where('course_id', '=', courseId),
        );
      }
      const rows = await query.orderBy('interval_start').orderBy('id').execute();
      return sendList(request, reply, activityByWeek(rows), { csvSlug: 'engagement-activity', courseId, what: `activity for course ${courseId}` });
    },
  );

  app.get(
    '/api/v0/courses/:course_id/recent_activity/',
    {
      schema: {
        tags: ['courses'],
        summary: 'The latest week of one activity type (deprecated; use activity)',
        params: { $ref: 'CourseParams#' },
        querystring: {
          type: 'object',
          properties: {
            activity_type: { type: 'string', description: `${ACTIVITY_TYPES.join(', ')} (any case); default any`, example: 'played_video' },
            label: { type: 'string', description: 'The legacy name of activity_type.' },
          },
        },
        response: { 200: { description: 'The latest week', ...RECENT_ITEM }, ...ERROR_RESPONSES },
      },
    },
    async (request: RecentRequest, reply) => {
      const courseId = request.params.course_id;
      const type = activityType(request.query.activity_type ?? request.query.label ?? 'any');
      const label = type === 'any' ? 'ACTIVE' : type.toUpperCase();
      const row = await store.db
        .selectFrom('course_activity')
        .selectAll()
        .where('course_id', '=', courseId)
        .where('label', '=', label)
        .orderBy('interval_end', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) throw new ApiError('not_found', `No ${type} activity for course ${courseId}.`);
      return sendData(request, reply, {
        interval_start: formatIsoDateTime(row.interval_start),
        interval_end: formatIsoDateTime(row.interval_end),
        activity_type: type,
        count: row.count,
        course_id: row.course_id,
      });
    },
  );
};

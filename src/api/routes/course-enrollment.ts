import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { dateWindowOf, type DateWindowQuery } from '../date-window.js';
import { aggregateLocations } from '../legacy/countries.js';
import { formatLegacyDate, formatLegacyDateTime } from '../legacy/dates.js';
import { ENROLLMENT_MODES, enrollmentByGender, enrollmentByMode } from '../legacy/enrollment-shapes.js';
import { dailyRows, type DailyTable } from '../queries/daily-rows.js';
import { sendList } from '../respond.js';
import { COUNT, COURSE_ID, LEGACY_DATE, LEGACY_DATETIME, listResponses, NULLABLE_TEXT, objectOf } from '../schemas.js';
import { checkCourseAccess } from './course-access.js';
import type { RouteOptions } from './protected.js';

type CourseRequest = FastifyRequest<{ Params: { course_id: string }; Querystring: DateWindowQuery }>;

const COUNTRY = {
  type: 'object',
  properties: { alpha2: { type: ['string', 'null'] }, alpha3: { type: ['string', 'null'] }, name: { type: 'string' } },
  example: { alpha2: 'US', alpha3: 'USA', name: 'United States of America' },
} as const;


/** The enrollment endpoints: one table each, one item per course and day (and dimension). */
export const courseEnrollmentRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.addHook('preHandler', checkCourseAccess);

  function route(
    path: string,
    summary: string,
    itemSchema: object,
    table: DailyTable,
    slug: string,
    shape: (rows: Record<string, unknown>[]) => object[],
  ) {
    app.get(
      `/api/v0/courses/:course_id/${path}/`,
      {
        schema: {
          tags: ['courses'],
          summary,
          description: `From \`${table}\`. Without dates: the latest day only. CSV file: \`{org}-{course}-{run}--${slug}.csv\`.`,
          params: { $ref: 'CourseParams#' },
          querystring: { $ref: 'IntervalQuery#' },
          response: listResponses(itemSchema, summary),
        },
      },
      async (request: CourseRequest, reply: FastifyReply) => {
        const courseId = request.params.course_id;
        const rows = await dailyRows(store, table, courseId, dateWindowOf(request.query));
        return sendList(request, reply, shape(rows as Record<string, unknown>[]), { csvSlug: slug, courseId, what: `${path} data for course ${courseId}` });
      },
    );
  }

  const plain = (dimension?: string) => (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({
      course_id: row.course_id,
      date: formatLegacyDate(row.date as string),
      ...(dimension ? { [dimension]: row[dimension] } : {}),
      count: row.count,
      created: formatLegacyDateTime(row.created as string),
    }));

  route('enrollment', 'Enrollment count per day', objectOf({ course_id: COURSE_ID, date: LEGACY_DATE, count: COUNT, created: LEGACY_DATETIME }), 'course_enrollment_daily', 'enrollment', plain());
  route(
    'enrollment/mode',
    'Enrollment per day by mode (audit, credit, honor, professional, verified, masters)',
    objectOf({
      course_id: COURSE_ID, date: LEGACY_DATE, count: COUNT, cumulative_count: COUNT, created: LEGACY_DATETIME,
      ...Object.fromEntries(ENROLLMENT_MODES.map((mode) => [mode, COUNT])),
    }),
    'course_enrollment_mode_daily',
    'enrollment_mode',
    (rows) => enrollmentByMode(rows as never),
  );
  route(
    'enrollment/birth_year',
    'Enrollment per day by year of birth',
    objectOf({ course_id: COURSE_ID, date: LEGACY_DATE, birth_year: { type: ['integer', 'null'], example: 1990 }, count: COUNT, created: LEGACY_DATETIME }),
    'course_enrollment_birth_year_daily',
    'enrollment-age',
    plain('birth_year'),
  );
  route(
    'enrollment/education',
    'Enrollment per day by level of education',
    objectOf({ course_id: COURSE_ID, date: LEGACY_DATE, education_level: { ...NULLABLE_TEXT, example: 'bachelors' }, count: COUNT, created: LEGACY_DATETIME }),
    'course_enrollment_education_level_daily',
    'enrollment-education',
    plain('education_level'),
  );
  route(
    'enrollment/gender',
    'Enrollment per day by gender (female, male, other, unknown)',
    objectOf({ course_id: COURSE_ID, date: LEGACY_DATE, female: COUNT, male: COUNT, other: COUNT, unknown: COUNT, created: LEGACY_DATETIME }),
    'course_enrollment_gender_daily',
    'enrollment-gender',
    (rows) => enrollmentByGender(rows as never),
  );
  route(
    'enrollment/location',
    'Enrollment by country (unknown and invalid codes in one UNKNOWN item, first)',
    objectOf({ date: LEGACY_DATE, course_id: COURSE_ID, country: COUNTRY, count: COUNT, created: LEGACY_DATETIME }),
    'course_enrollment_location_current',
    'enrollment-location',
    (rows) => aggregateLocations(rows as never),
  );
};

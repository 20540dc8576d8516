import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatLegacyDateTime } from '../legacy/dates.js';
import { safeCourseId } from '../legacy/course-key.js';
import { signedDownloadUrl } from '../queries/report-download-links.js';
import { ENABLED_REPORTS, findReportFile, reportDownloadName } from '../queries/report-files.js';
import { sendData } from '../respond.js';
import { COURSE_PARAMS, ERROR_RESPONSES, LEGACY_DATETIME, objectOf } from '../schemas.js';
import { checkCourseAccess } from './course-access.js';
import type { RouteOptions } from './protected.js';

type ReportRequest = FastifyRequest<{ Params: { course_id: string; report_name: string } }>;

const REPORT_PARAMS = {
  type: 'object',
  required: ['course_id', 'report_name'],
  properties: {
    course_id: COURSE_PARAMS.properties.course_id,
    report_name: { type: 'string', description: `Letters, digits and \`_\`; only ${ENABLED_REPORTS.map((name) => `\`${name}\``).join(', ')} is served.`, example: 'problem_response' },
  },
} as const;

const REPORT_LINK = objectOf({
  course_id: { type: 'string', description: 'The course id made filename-safe.', example: 'edX_DemoX_Demo_Course' },
  report_name: { type: 'string', example: 'problem_response' },
  download_url: { type: 'string', description: 'Needs no key; valid until `expiration_date`.', example: 'https://s3.amazonaws.com/reports/edX_DemoX_Demo_Course_problem_response.csv?X-Amz-Expires=120&…' },
  last_modified: LEGACY_DATETIME,
  expiration_date: LEGACY_DATETIME,
  file_size: { type: 'integer', description: 'Bytes.', example: 1000 },
});

/** Download links for the report files a task wrote for a course (course_report_files). */
export const courseReportRoutes: FastifyPluginAsync<RouteOptions> = async (app, options) => {
  app.addHook('preHandler', checkCourseAccess);

  app.get(
    '/api/v0/courses/:course_id/reports/:report_name/',
    {
      // The link expires and the file lives outside the store: answered afresh each time.
      config: { responseCache: false },
      schema: {
        tags: ['courses'],
        summary: 'A download link for a report file',
        description:
          'The file the problem response task last recorded for the course in `course_report_files`, if it is still in its ' +
          'folder. For an S3 folder, a presigned S3 link; for a local folder, a signed link to this API ' +
          '(`/report-downloads/…`). Either expires after the server\'s download link time (default 120 s) and names the ' +
          'download `{course}-{report}-{YYYYmmddTHHMMSSZ of last_modified}.csv`. Unknown reports and missing files: 404 `report_file_not_found`.',
        params: REPORT_PARAMS,
        querystring: { $ref: 'FormatQuery#' },
        response: { 200: { description: 'The link and the file', ...REPORT_LINK }, ...ERROR_RESPONSES },
      },
    },
    async (request: ReportRequest, reply) => {
      const { course_id: courseId, report_name: reportName } = request.params;
      const { folder, file } = await findReportFile(options, courseId, reportName);
      try {
        const expires = Math.floor(options.now().getTime() / 1000) + options.downloadLinkSeconds;
        const fileName = reportDownloadName(courseId, reportName, file.lastModified);
        const presigned = await folder.downloadLink(file.name, { expiresIn: options.downloadLinkSeconds, fileName });
        const root = options.publicUrl ?? `${request.protocol}://${request.host}`;
        return sendData(request, reply, {
          course_id: safeCourseId(courseId),
          report_name: reportName,
          download_url: presigned ?? signedDownloadUrl(root, options.downloadSigningKey, { courseId, reportName, expires }),
          last_modified: formatLegacyDateTime(file.lastModified),
          expiration_date: formatLegacyDateTime(new Date(expires * 1000)),
          file_size: file.size,
        });
      } finally {
        folder.close();
      }
    },
  );
};

import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { checkDownloadSignature, DOWNLOAD_PATH } from '../queries/report-download-links.js';
import { findReportFile, reportDownloadName } from '../queries/report-files.js';
import type { RouteOptions } from './protected.js';

type DownloadRequest = FastifyRequest<{ Params: { course_id: string; report_name: string }; Querystring: { expires?: string; signature?: string } }>;

/**
 * The API's own download links for report files in local folders (S3 folders hand out presigned links instead).
 * Registered outside the authenticated context: the signature stands in for the key.
 */
export const reportDownloadRoutes: FastifyPluginAsync<RouteOptions> = async (app, options) => {
  app.get(
    `${DOWNLOAD_PATH}:course_id/:report_name/`,
    {
      schema: {
        tags: ['courses'],
        summary: 'Download a report file (a link from the reports endpoint)',
        description:
          'Follow the `download_url` that `GET /api/v0/courses/{course_id}/reports/{report_name}/` returned for a file in a ' +
          'local folder; do not build it. Needs no key: the link is signed (HMAC-SHA256 with the server\'s download ' +
          'signing key) and expires. A missing, altered or expired link: 403 `download_link_invalid`. Answers the CSV file as an attachment.',
        security: [],
        params: {
          type: 'object',
          required: ['course_id', 'report_name'],
          properties: { course_id: { type: 'string', description: 'The course id, URL-encoded as one segment.' }, report_name: { type: 'string' } },
        },
        querystring: {
          type: 'object',
          properties: {
            expires: { type: 'string', description: 'When the link expires, in Unix seconds.' },
            signature: { type: 'string', description: 'Hex HMAC-SHA256 of the course id, report name and expiry.' },
          },
        },
        response: {
          200: { description: 'The report file.', content: { 'text/csv': { schema: { type: 'string' } } } },
          403: { description: 'The link is incomplete, altered or expired.', $ref: 'Error#' },
          404: { description: 'The file is no longer there.', $ref: 'Error#' },
        },
      },
    },
    async (request: DownloadRequest, reply) => {
      const { course_id: courseId, report_name: reportName } = request.params;
      checkDownloadSignature(options.downloadSigningKey, courseId, reportName, request.query, options.now());
      const { folder, file } = await findReportFile(options, courseId, reportName);
      let stream;
      try {
        stream = await folder.open(file.name);
      } catch (error) {
        folder.close();
        throw error;
      }
      stream.once('close', () => folder.close());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename=${reportDownloadName(courseId, reportName, file.lastModified)}`)
        .send(stream);
    },
  );
};

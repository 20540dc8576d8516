import type { FastifyPluginAsync } from 'fastify';
import type { ReportFolder } from '../../store/report-folder/report-folder.js';
import type { ReportsStore } from '../../store/reports-store.js';
import { courseActivityRoutes } from './course-activity.js';
import { courseEnrollmentRoutes } from './course-enrollment.js';
import { courseProblemRoutes } from './course-problems.js';
import { courseReportRoutes } from './course-reports.js';
import { courseSummaryRoutes } from './course-summaries.js';
import { courseVideoRoutes } from './course-videos.js';
import { engagementTimelineRoutes } from './engagement-timelines.js';
import { problemRoutes } from './problem-reports.js';
import { programRoutes } from './programs.js';
import { userEngagementRoutes } from './user-engagement.js';
import { videoTimelineRoutes } from './video-timeline.js';

export interface RouteOptions {
  readonly store: ReportsStore;
  /** Opens the report folder a recorded file lives in (its location minus the file name). */
  readonly reportFolder: (location: string) => ReportFolder;
  /** Seconds a report download link stays valid. */
  readonly downloadLinkSeconds: number;
  /** Signs the API's own download links for files in local folders (HMAC-SHA256). */
  readonly downloadSigningKey: string;
  /** The API's public root for links it makes (default: from the request's Host header). */
  readonly publicUrl?: string;
  /** The clock: "last week", link expiry, dates in the future. */
  readonly now: () => Date;
}

/** Every route that needs a key; the caller has authenticated the request (`request.principal`). */
export const protectedRoutes: FastifyPluginAsync<RouteOptions> = async (app, options) => {
  app.get(
    '/authenticated/',
    { config: { responseCache: false }, schema: { tags: ['operational'], summary: 'The credentials are valid', response: { 200: { description: 'They are.', type: 'object', properties: {} } } } },
    async () => ({}),
  );
  const resources = [
    courseEnrollmentRoutes, courseActivityRoutes, courseProblemRoutes, courseVideoRoutes, courseReportRoutes, userEngagementRoutes,
    problemRoutes, videoTimelineRoutes, courseSummaryRoutes, programRoutes, engagementTimelineRoutes,
  ];
  for (const routes of resources) await app.register(routes, options);
};

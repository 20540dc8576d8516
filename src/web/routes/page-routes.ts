import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canSee, PermissionsUnavailableError } from '../course-permissions.js';
import { accessDeniedPage, landingPage, permissionsFailedPage } from '../html-pages.js';
import type { WebContext } from '../web-context.js';
import { sessionOf } from './session-routes.js';

/** The legacy course id in a page path: `/courses/<org/course/run or course-v1:org+course+run>/…`. */
const COURSE_PAGE = /^\/courses\/([^/+]+[/+][^/+]+[/+][^/?]+)/;

/**
 * The course of a page path, every segment decoded (`%2B` is `+`), and the page within it ('' for the course home);
 * undefined for a path that is not a course's.
 */
function coursePage(url: string): { courseId: string; page: string } | undefined {
  const pathname = url.split('?')[0]!;
  let decoded: string;
  try {
    decoded = pathname.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
  const match = COURSE_PAGE.exec(decoded);
  return match ? { courseId: match[1]!, page: decoded.slice(match[0].length).replace(/^\/|\/$/g, '') } : undefined;
}

/**
 * The browser app's pages: signed-in users get the app (after the permission check of the course in the path: the
 * legacy 403 page otherwise); others go to sign in. The landing page is for visitors.
 */
export const pageRoutes: FastifyPluginAsync<WebContext> = async (app, context) => {
  const shell = await readFile(path.join(context.clientDir, 'index.html'), 'utf8').catch(() => undefined);
  const charts = (await readdir(path.join(context.clientDir, 'assets')).catch(() => [])).find((name) => /^echarts-.*\.js$/.test(name));
  // Built assets have hashed names (cache them for good) and .br/.gz copies made at build time.
  await app.register(fastifyStatic, { root: path.join(context.clientDir, 'assets'), prefix: '/assets/', maxAge: '1y', immutable: true, preCompressed: true });

  app.get('/', async (request, reply) => (request.session.user ? reply.redirect('/courses/') : reply.type('text/html').send(landingPage())));

  const appPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = request.session.user;
    if (!user) return reply.redirect(`/login/?next=${encodeURIComponent(request.url)}`);
    let access;
    try {
      access = await context.permissions.accessOf(user, request.session.access);
      request.session.access = access;
    } catch (error) {
      if (!(error instanceof PermissionsUnavailableError)) throw error;
      request.log.warn({ err: error }, 'permissions retrieval failed');
      return reply.status(500).type('text/html').send(permissionsFailedPage(request.url));
    }
    const where = coursePage(request.url);
    const courseId = where?.courseId;
    const denied = courseId !== undefined ? !canSee(access, courseId) : access.courses !== null && access.courses.length === 0;
    if (denied) return reply.status(403).type('text/html').send(accessDeniedPage(reply.generateCsrf(), request.url));
    if (!shell) return reply.status(503).type('text/plain').send('The dashboard app is not built: run npm run build.');
    // The session comes with the page (one request fewer before anything shows), and a chart page starts loading
    // the chart library at once rather than after its own code.
    const session = JSON.stringify(sessionOf(user, access, reply.generateCsrf())).replace(/</g, '\\u003c');
    const preload = charts && where && where.page !== '' ? `<link rel="modulepreload" href="/assets/${charts}">` : '';
    const page = shell.replace('</head>', `${preload}<script id="lantern-session" type="application/json">${session}</script></head>`);
    return reply.type('text/html').header('cache-control', 'no-store').send(page);
  };
  app.get('/courses/', appPage);
  app.get('/courses/*', appPage);
};

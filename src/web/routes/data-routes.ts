import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { canSee } from '../course-permissions.js';
import type { WebContext } from '../web-context.js';
import { signedInAccess } from './access.js';

const PASSED_HEADERS = ['content-type', 'content-disposition'];
/** What the video and performance pages need of each block, beyond id, type and display_name. */
const DASHBOARD_BLOCK_FIELDS = ['children', 'graded', 'format'];

/**
 * The browser app's data: the data API (with the dashboard's service key, narrowed to the user's courses, so the API
 * enforces them on every route) and the LMS course structure and grading policy (checked here).
 */
export const dataRoutes: FastifyPluginAsync<WebContext> = async (app, context) => {
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const signedIn = await signedInAccess(context, request, reply);
    if (!signedIn) return reply;
    const path = request.url.slice('/data'.length);
    // Only the data API's own paths: no dot segments or backslashes that fetch would resolve past /api/.
    if (/(^|\/)(\.|%2e){1,2}(\/|\?|$)|\\|%5c/i.test(path.split('?')[0]!)) {
      return reply.status(404).send({ error_code: 'not_found', developer_message: 'No such data.' });
    }
    const headers: Record<string, string> = { authorization: `Token ${context.dataApi.key}`, accept: request.headers.accept ?? 'application/json' };
    // ASCII only: a header cannot carry other characters, and course ids may (\u escapes keep it valid JSON).
    if (signedIn.access.courses !== null) headers['x-lantern-courses'] = JSON.stringify(signedIn.access.courses).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const body = request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await fetch(`${context.dataApi.url}${path}`, { method: request.method, headers, body, signal: AbortSignal.timeout(30_000) });
    for (const name of PASSED_HEADERS) {
      const value = answer.headers.get(name);
      if (value) reply.header(name, value);
    }
    return reply.status(answer.status).send(Buffer.from(await answer.arrayBuffer()));
  };
  app.get('/data/api/*', forward);
  app.post('/data/api/*', { preHandler: app.csrfProtection }, forward);

  const fromLms = (read: (courseId: string) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const signedIn = await signedInAccess(context, request, reply);
    if (!signedIn) return reply;
    const courseId = (request.params as { '*': string })['*'].replace(/\/$/, '');
    if (!canSee(signedIn.access, courseId)) return reply.status(403).send({ error_code: 'course_not_permitted', developer_message: `You may not see ${courseId}.` });
    const answer = await read(courseId);
    if (answer === null) return reply.status(404).send({ error_code: 'not_found', developer_message: `The LMS does not know ${courseId}.` });
    return reply.send(answer);
  };
  app.get('/data/lms/blocks/*', fromLms((courseId) => context.lms.courseBlocks(courseId, DASHBOARD_BLOCK_FIELDS)));
  app.get('/data/lms/grading-policy/*', fromLms((courseId) => context.lms.gradingPolicy(courseId)));
};

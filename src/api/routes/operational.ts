import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { RouteOptions } from './protected.js';

const EMPTY = { 200: { description: 'Always.', type: 'object', properties: {} } } as const;
const STATUS = { type: 'string', enum: ['OK', 'UNAVAILABLE'] } as const;
const HEALTH = {
  type: 'object',
  properties: {
    overall_status: STATUS,
    detailed_status: { type: 'object', properties: { default_db_status: STATUS, analytics_db_status: STATUS } },
  },
} as const;

/** `/status/`, `/health/` and the legacy redirects; none needs a key. */
export const operationalRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/docs'));
  app.get('/status/', { schema: { tags: ['operational'], summary: 'The server answers', security: [], response: EMPTY } }, async () => ({}));
  app.get(
    '/health/',
    {
      schema: {
        tags: ['operational'],
        summary: 'The server and its store answer',
        description: 'Runs `SELECT 1` on the store (which holds both the reports and the API keys): 200 when it answers, 503 when not.',
        security: [],
        response: { 200: { description: 'Healthy.', ...HEALTH }, 503: { description: 'The store does not answer.', ...HEALTH } },
      },
    },
    async (request, reply) => {
      let status: 'OK' | 'UNAVAILABLE' = 'OK';
      try {
        await sql`select 1`.execute(store.db);
      } catch (error) {
        request.log.warn({ err: error }, 'health check: the store does not answer');
        status = 'UNAVAILABLE';
      }
      return reply.status(status === 'OK' ? 200 : 503).send({ overall_status: status, detailed_status: { default_db_status: status, analytics_db_status: status } });
    },
  );
  for (const version of ['v0', 'v1']) {
    for (const name of ['status', 'health', 'authenticated']) {
      app.get(`/api/${version}/${name}/`, { schema: { hide: true } }, async (_request, reply) => reply.redirect(`/${name}/`, 302));
    }
  }
};

import formBody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import { openReportFolder, type ReportFolder } from '../store/report-folder/report-folder.js';
import type { ReportsStore } from '../store/reports-store.js';
import { createAuthenticator, type JwtSettings } from './auth/authenticator.js';
import { FailureLimiter } from './auth/failure-limiter.js';
import { narrowedPrincipal, ON_BEHALF_OF_HEADER } from './auth/on-behalf-of.js';
import type { Principal } from './auth/principal.js';
import { ApiError, ERROR_SCHEMA } from './errors.js';
import { routableUrl } from './legacy-paths.js';
import { registerResponseCache, type ResponseCacheSettings } from './response-cache.js';
import { openApiDocument } from './openapi.js';
import { operationalRoutes } from './routes/operational.js';
import { protectedRoutes, type RouteOptions } from './routes/protected.js';
import { reportDownloadRoutes } from './routes/report-downloads.js';
import { SHARED_SCHEMAS } from './schemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

export interface RateLimitSettings {
  /** Requests per key (or per client address before authentication) in each window. */
  readonly max: number;
  readonly timeWindowMs: number;
}

export interface ApiOptions {
  readonly store: ReportsStore;
  /** Opens a report folder, for the reports/{name} download links (default: openReportFolder without S3 options). */
  readonly reportFolder?: (location: string) => ReportFolder;
  /** Signs download links of files in local folders; several API servers behind one address need the same key (default: random). */
  readonly downloadSigningKey?: string;
  /** The API's public root for the links it makes (default: from the request's Host header). */
  readonly publicUrl?: string;
  readonly jwt?: JwtSettings;
  /** Failed sign-ins an address may make per minute before it is refused (default 30). */
  readonly failedSignInsPerMinute?: number;
  /** How long a key lookup is cached (default 10 s): a deleted key keeps working this long. */
  readonly keyCacheMs?: number;
  readonly rateLimit?: RateLimitSettings | false;
  /** The reverse proxies whose forwarded-for addresses are believed (default: none). */
  readonly trustProxy?: readonly string[] | false;
  /** Seconds a report download link stays valid (legacy COURSE_REPORT_DOWNLOAD_EXPIRY_TIME, default 120). */
  readonly downloadLinkSeconds?: number;
  readonly logger?: FastifyServerOptions['logger'];
  /** Answers kept until the reports change, at most this long (default 60 s, 64 MiB); false: none kept. */
  readonly responseCache?: ResponseCacheSettings | false;
  /** The clock (tests). */
  readonly now?: () => Date;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheSettings = { ttlMs: 60_000, maxBytes: 64 * 1024 * 1024 };

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 1200, timeWindowMs: 60_000 };

/**
 * The data API (edx-analytics-data-api v0 compatible) as a Fastify instance, not yet listening: tests call
 * `inject()`, `lantern api` calls `listen()`.
 */
export async function buildApi(options: ApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ? [...options.trustProxy] : false,
    rewriteUrl: (request) => routableUrl(request.url ?? '/'),
    routerOptions: { ignoreTrailingSlash: true },
    // Room for the on-behalf-of header of a user on many course teams.
    http: { maxHeaderSize: 256 * 1024 },
    // Malformed URLs and the like: the same coded JSON as every other error.
    frameworkErrors: (error, _request, reply) => void (reply as FastifyReply).status(400).send(new ApiError('invalid_parameter', error.message).body()),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, keywords: ['example'] } },
  });
  app.decorateRequest('principal', null as unknown as Principal);
  for (const schema of [ERROR_SCHEMA, ...SHARED_SCHEMAS]) app.addSchema(schema);

  app.setErrorHandler((caught, request, reply) => {
    const error = caught as Error & { statusCode?: number; validation?: unknown };
    if (error instanceof ApiError) return reply.status(error.statusCode).send(error.body());
    const status = error.statusCode;
    if (error.validation) {
      return reply.status(400).send(new ApiError('invalid_parameter', error.message).body());
    }
    if (status === 429) return reply.status(429).send(new ApiError('rate_limited', error.message).body());
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send({ error_code: 'invalid_parameter', developer_message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(new ApiError('internal_error', 'The server failed to answer; the error is in its log.').body());
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(new ApiError('not_found', `No such resource: ${request.method} ${request.url}`).body()));

  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(formBody);
  await app.register(swagger, { openapi: openApiDocument() });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const routeOptions: RouteOptions = {
    store: options.store,
    reportFolder: options.reportFolder ?? ((location) => openReportFolder(location)),
    downloadLinkSeconds: options.downloadLinkSeconds ?? 120,
    downloadSigningKey: options.downloadSigningKey ?? randomBytes(32).toString('hex'),
    publicUrl: options.publicUrl,
    now: options.now ?? (() => new Date()),
  };
  await app.register(operationalRoutes, routeOptions);
  await app.register(reportDownloadRoutes, routeOptions);
  const failedSignIns = new FailureLimiter(options.failedSignInsPerMinute ?? 30);
  const authenticate = createAuthenticator({ store: options.store, jwt: options.jwt, keyCacheMs: options.keyCacheMs });
  await app.register(async (api) => {
    api.addHook('onRequest', async (request) => {
      failedSignIns.check(request.ip);
      try {
        request.principal = narrowedPrincipal(await authenticate(request.headers.authorization), request.headers[ON_BEHALF_OF_HEADER]);
      } catch (error) {
        if (error instanceof ApiError && error.statusCode === 401) failedSignIns.fail(request.ip);
        throw error;
      }
    });
    if (options.rateLimit !== false) {
      const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
      await api.register(rateLimit, {
        global: true,
        max: limit.max,
        timeWindow: limit.timeWindowMs,
        keyGenerator: (request) => request.principal?.username ?? request.ip,
        errorResponseBuilder: (_request, context) =>
          Object.assign(new ApiError('rate_limited', `Request was throttled: more than ${context.max} requests in ${context.after}.`), { statusCode: 429 }),
      });
    }
    if (options.responseCache !== false) registerResponseCache(api, options.store, options.responseCache ?? DEFAULT_RESPONSE_CACHE, () => routeOptions.now().getTime());
    await api.register(protectedRoutes, routeOptions);
  });
  return app;
}

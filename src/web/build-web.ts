import fastifyCookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formBody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import fastifySession from '@fastify/session';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import { LmsApiClient, type LmsApiSettings } from '../lms/lms-api.js';
import { CoursePermissions } from './course-permissions.js';
import { errorAnswer } from './error-answer.js';
import { ExpiringSessionStore } from './session-store.js';
import { dataRoutes } from './routes/data-routes.js';
import { pageRoutes } from './routes/page-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { signInRoutes } from './routes/sign-in-routes.js';
import './session.js';
import { LmsSignIn, type SignInSettings } from './sign-in/lms-sign-in.js';
import type { WebContext } from './web-context.js';

export interface WebOptions {
  /** The dashboard's address as browsers reach it (the OAuth2 redirect URI is `<publicUrl>/complete/edx-oauth2/`). */
  readonly publicUrl: string;
  readonly signIn: Omit<SignInSettings, 'redirectUri'>;
  /** The LMS APIs with the dashboard's service client (course_ids, blocks, grading policy). */
  readonly lmsApi: LmsApiSettings;
  readonly dataApi: { readonly url: string; readonly key: string };
  readonly clientDir: string;
  /** How long a user's course list is kept before the LMS is asked again (default 15 min, as Insights). */
  readonly permissionsTtlMs?: number;
  readonly logoutOfLms?: boolean;
  /** Signs the session cookie (32+ characters); several servers behind one address need the same (default: random). */
  readonly sessionSecret?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** The reverse proxies whose forwarded-for addresses are believed (default: none). */
  readonly trustProxy?: readonly string[] | false;
  readonly now?: () => Date;
}

const SESSION_HOURS = 8;

/**
 * The dashboard server (not yet listening): LMS sign-in, sessions, per-course permissions, the browser app, and its
 * data from the data API. Tokens never leave the server; the browser holds only a signed session cookie.
 */
export async function buildWeb(options: WebOptions): Promise<FastifyInstance> {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const lms = new LmsApiClient(options.lmsApi);
  const context: WebContext = {
    signIn: await LmsSignIn.create({ ...options.signIn, redirectUri: `${publicUrl}/complete/edx-oauth2/` }),
    permissions: new CoursePermissions((username) => lms.staffCourseIds(username), options.permissionsTtlMs ?? 15 * 60_000, options.now),
    dataApi: { url: options.dataApi.url.replace(/\/+$/, ''), key: options.dataApi.key },
    lms,
    publicUrl,
    logoutOfLms: options.logoutOfLms ?? true,
    clientDir: options.clientDir,
  };

  const app = Fastify({ logger: loggerWithoutSecrets(options.logger), trustProxy: options.trustProxy ? [...options.trustProxy] : false });
  app.setErrorHandler((error, request, reply) => {
    const answer = errorAnswer(error);
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: error }, 'request refused');
    return reply.status(answer.status).send(answer.body);
  });
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'form-action': ["'self'", new URL(options.signIn.url).origin] } },
  });
  await app.register(formBody);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.sessionSecret ?? randomBytes(32).toString('hex'),
    cookieName: 'lantern_session',
    saveUninitialized: false,
    // An absolute lifetime: activity does not extend a session past SESSION_HOURS.
    rolling: false,
    store: new ExpiringSessionStore(SESSION_HOURS * 3_600_000),
    cookie: { secure: publicUrl.startsWith('https:'), httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_HOURS * 3_600_000 },
  });
  await app.register(csrfProtection, { sessionPlugin: '@fastify/session' });
  for (const routes of [signInRoutes, sessionRoutes, dataRoutes, pageRoutes]) await app.register(routes, context);
  return app;
}

/** The request log without the OAuth2 code and state of the sign-in callback. */
function loggerWithoutSecrets(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    ...(typeof logger === 'object' ? logger : {}),
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url.replace(/([?&](code|state)=)[^&]*/g, '$1…') }),
    },
  };
}

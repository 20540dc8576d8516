import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { Accounts } from './accounts.js';
import { apiCallerOf } from './api-caller.js';
import { demoUsers, type DemoUser } from './demo-users.js';
import { sendJson } from './http-io.js';
import { handleInteraction } from './interactions.js';
import { lmsApiRoutes } from './lms-api-routes.js';
import { openLmsSite } from './lms-site.js';
import { ACCESS_TOKEN_AUDIENCE, INTERACTION_PATH, OAUTH2_PREFIX, OAUTH2_ROUTES, providerConfiguration, type DevLmsClient } from './provider-config.js';
import { generateSigningKey } from './signing-key.js';
import type { ServiceUser } from './token-claims.js';

export { ACCESS_TOKEN_AUDIENCE, OAUTH2_ROUTES, type DevLmsClient } from './provider-config.js';
export { DEMO_PASSWORD, demoUsers, type CourseRole, type DemoUser } from './demo-users.js';
export { LOGIN_FAILED, LOGIN_TITLE } from './pages.js';
export type { EdxProfileClaims, EdxTokenClaims } from './token-claims.js';
export type { AssignmentTypePolicy } from './grading-policy.js';

export interface DevLmsOptions {
  /** A generated site (`lantern generate`): lms.sqlite, course_list.json, course_blocks.json. */
  readonly siteDir: string;
  readonly host?: '127.0.0.1';
  /** 0 (the default): any free port. */
  readonly port?: number;
  readonly clients: readonly DevLmsClient[];
}

/** A running development LMS. */
export interface DevLms {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `${url}/oauth2`: the `iss` of its tokens; discovery at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly jwksUrl: string;
  readonly logoutUrl: string;
  /** The `aud` of its access tokens. */
  readonly audience: string;
  /** The people who can sign in (password `edx`). */
  readonly users: readonly DemoUser[];
  close(): Promise<void>;
}

/**
 * Starts a development LMS on 127.0.0.1 for the demo and tests (never production), over a generated site:
 * - edx-platform's OAuth2 provider under `/oauth2`: `authorize` (authorization code, PKCE S256 required),
 *   `access_token` (authorization_code, refresh_token, client_credentials; `token_type=jwt` accepted and ignored),
 *   `jwks`, `logout` (RP-initiated), `revoke_token`, `.well-known/openid-configuration`. Every registered client is
 *   trusted: no consent screen. Access tokens are RS256 JWTs (`aud` lms-key, one hour) with edx's claims;
 *   a client-credentials token speaks for the client's service user (`serviceUsername`, default the client id;
 *   `administrator` only with `serviceIsStaff`).
 * - The LMS APIs Lantern reads: course_ids, courses, course detail, blocks, grading policy (see lms-api-routes.ts).
 * Only the demo users sign in (see demo-users.ts); the LMS database's users count for course_ids only.
 */
export async function startDevLms(options: DevLmsOptions): Promise<DevLms> {
  const site = await openLmsSite(options.siteDir);
  let server: Server | undefined;
  try {
    const users = demoUsers(site.courseIds, site.lastUserId);
    const services = new Map<string, ServiceUser>(
      options.clients.map((client) => [client.clientId, { username: client.serviceUsername ?? client.clientId, administrator: client.serviceIsStaff ?? false }]),
    );
    const accounts = new Accounts(users, services);
    const signingKey = await generateSigningKey();

    let handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async (_request, response) =>
      sendJson(response, 503, { detail: 'starting' });
    const started = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { detail: (error as Error).message });
        else response.destroy();
      });
    });
    server = started;
    await new Promise<void>((resolve, reject) => {
      started.once('error', reject);
      started.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
    const url = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
    const issuer = `${url}${OAUTH2_PREFIX}`;

    const provider = new Provider(
      issuer,
      providerConfiguration({ clients: options.clients, accounts, signingJwk: signingKey.privateJwk, apiResource: `${url}/api` }),
    );
    const providerCallback = provider.callback();
    const api = lmsApiRoutes(site, accounts);
    const interactionPath = new RegExp(`^${OAUTH2_PREFIX}${INTERACTION_PATH}/[^/]+(/login)?$`);

    handle = async (request, response) => {
      const requestUrl = new URL(request.url ?? '/', url);
      const interaction = interactionPath.exec(requestUrl.pathname);
      if (interaction) {
        const action = interaction[1] ? 'login' : 'show';
        if (request.method !== (action === 'login' ? 'POST' : 'GET')) return sendJson(response, 405, { detail: 'Method not allowed.' });
        return handleInteraction(provider, accounts, request, response, action);
      }
      if (requestUrl.pathname === OAUTH2_PREFIX || requestUrl.pathname.startsWith(`${OAUTH2_PREFIX}/`)) {
        // Mounted below a prefix: oidc-provider routes on the rest and builds its URLs from originalUrl.
        const mounted = request as IncomingMessage & { originalUrl?: string };
        mounted.originalUrl = request.url;
        request.url = request.url!.slice(OAUTH2_PREFIX.length) || '/';
        return providerCallback(request, response);
      }
      const answered = await api(request, response, requestUrl, () => apiCallerOf(request, { publicKey: signingKey.publicKey, issuer }));
      if (!answered) sendJson(response, 404, { detail: 'Not found.' });
    };

    return {
      url,
      issuer,
      authorizationUrl: `${issuer}${OAUTH2_ROUTES.authorization}`,
      tokenUrl: `${issuer}${OAUTH2_ROUTES.token}`,
      jwksUrl: `${issuer}${OAUTH2_ROUTES.jwks}`,
      logoutUrl: `${issuer}${OAUTH2_ROUTES.end_session}`,
      audience: ACCESS_TOKEN_AUDIENCE,
      users,
      close: async () => {
        if (!started.listening) return;
        await closeServer(started);
        await site.close();
      },
    };
  } catch (error) {
    if (server?.listening) await closeServer(server);
    await site.close();
    throw error;
  }
}

async function closeServer(server: Server): Promise<void> {
  // Browsers keep connections alive; close() alone would wait for them.
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeAllConnections();
  await closed;
}

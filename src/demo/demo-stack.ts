import { randomBytes } from 'node:crypto';
import { buildApi } from '../api/build-api.js';
import { startDevLms, type DemoUser, type DevLms } from '../devlms/dev-lms.js';
import { LmsApiClient } from '../lms/lms-api.js';
import { setApiKey } from '../store/api-keys.js';
import { openStore } from '../store/open-store.js';
import { buildWeb } from '../web/build-web.js';
import { freePort } from './free-port.js';

export interface DemoStackOptions {
  /** A generated site (the development LMS serves it). */
  readonly siteDir: string;
  /** The reports store the pipeline filled. */
  readonly storeUrl: string;
  /** The built browser app. */
  readonly clientDir: string;
  /** Ports on 127.0.0.1; 0 or absent: any free one. */
  readonly ports?: { readonly lms?: number; readonly api?: number; readonly web?: number };
  readonly quiet?: boolean;
}

export interface DemoStack {
  readonly lms: DevLms;
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly users: readonly DemoUser[];
  close(): Promise<void>;
}

const SIGN_IN_CLIENT = { clientId: 'lantern-dashboard-sso', clientSecret: randomBytes(16).toString('hex') };
const SERVICE_CLIENT = { clientId: 'lantern-dashboard-service', clientSecret: randomBytes(16).toString('hex') };

/**
 * The whole product on one machine for the demo and the browser tests: the development LMS, the data API over the
 * reports store (accepting the LMS's JWTs) and the dashboard signing in through the LMS and reading the API with a
 * service key. Everything listens on 127.0.0.1.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const webPort = options.ports?.web || (await freePort());
  const webUrl = `http://127.0.0.1:${webPort}`;
  const lms = await startDevLms({
    siteDir: options.siteDir,
    port: options.ports?.lms ?? 0,
    clients: [
      { ...SIGN_IN_CLIENT, redirectUris: [`${webUrl}/complete/edx-oauth2/`], postLogoutRedirectUris: [`${webUrl}/`], grantTypes: ['authorization_code', 'refresh_token'] },
      { ...SERVICE_CLIENT, grantTypes: ['client_credentials'], serviceUsername: 'lantern_dashboard', serviceIsStaff: true },
    ],
  });
  const closers: (() => Promise<unknown>)[] = [() => lms.close()];
  try {
    const serviceKey = randomBytes(24).toString('hex');
    const store = await openStore(options.storeUrl, { migrate: true });
    closers.unshift(() => store.close());
    await setApiKey(store, 'lantern_dashboard', serviceKey);
    const lmsApi = { baseUrl: lms.url, ...SERVICE_CLIENT };
    const teams = new LmsApiClient(lmsApi);
    const logger = options.quiet === false ? { level: 'info' } : false;
    const api = await buildApi({ store, logger, jwt: { jwks: lms.jwksUrl, issuer: lms.issuer, staffCourses: (username) => teams.staffCourseIds(username) } });
    closers.unshift(() => api.close());
    const apiUrl = await api.listen({ host: '127.0.0.1', port: options.ports?.api ?? 0 });
    const web = await buildWeb({
      publicUrl: webUrl,
      signIn: { flavour: 'edx', url: lms.url, ...SIGN_IN_CLIENT, jwksUrl: lms.jwksUrl, logoutUrl: lms.logoutUrl },
      lmsApi,
      dataApi: { url: apiUrl, key: serviceKey },
      clientDir: options.clientDir,
      logger,
    });
    closers.unshift(() => web.close());
    await web.listen({ host: '127.0.0.1', port: webPort });
    return {
      lms,
      apiUrl,
      webUrl,
      users: lms.users,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}


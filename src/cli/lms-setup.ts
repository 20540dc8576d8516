import type { Command } from 'commander';
import type { Settings } from '../config/settings.js';
import { LmsApiClient } from '../lms/lms-api.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { EXIT } from './exit-codes.js';

const SERVICE_USER = 'lantern_worker';

export function registerLmsSetup(program: Command): void {
  withConfigOptions(
    program.command('lms-setup').description('print the edx-platform steps that match this configuration (OAuth2 applications, service user, LMS settings)'),
  ).action(async (flags: ConfigOptions) => {
    console.log(lmsSetupSteps((await settingsFromOptions(flags)).values));
  });
  withConfigOptions(
    program
      .command('lms-check')
      .description('check against the running LMS that the service client, the course APIs and the sign-in client work')
      .option('--user <username>', "whose course team list to ask the course_ids API for", SERVICE_USER),
  )
    .addHelpText('after', '\nExit codes: 0 every check passed; 1 a check failed (each failure is named).')
    .action(async (flags: ConfigOptions & { user: string }) => {
      const results = await checkLms((await settingsFromOptions(flags)).values, flags.user);
      for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.check}${result.detail ? `: ${result.detail}` : ''}`);
      if (results.some((result) => !result.ok)) process.exitCode = EXIT.failed;
    });
}

/** The commands to run on the LMS, with this configuration's names, addresses and secrets (or placeholders). */
export function lmsSetupSteps(settings: Settings): string {
  const dashboard = settings.webPublicUrl ?? `http://${settings.webHost}:${settings.webPort}`;
  const lms = settings.lmsApiUrl ?? '<LMS root, [edx-rest-api] url>';
  const manage = './manage.py lms --settings=<your settings>';
  return [
    '# On the LMS (edx-platform), once. The names and secrets below are the ones this configuration uses.',
    '',
    '# 1. The service user both applications belong to (staff, so it may list any user\'s courses):',
    `${manage} manage_user ${SERVICE_USER} ${SERVICE_USER}@example.com --staff --superuser`,
    '',
    '# 2. The sign-in application: authorization code, trusted (no consent screen), redirecting to the dashboard:',
    `${manage} create_dot_application --grant-type authorization-code --skip-authorization \\`,
    `  --redirect-uris "${dashboard}/complete/edx-oauth2/" \\`,
    `  --client-id ${settings.webClientId ?? '<[web] client_id>'} --client-secret ${settings.webClientSecret ? '<[web] client_secret>' : '<choose one; set [web] client_secret>'} \\`,
    `  --scopes user_id lantern-sso ${SERVICE_USER}`,
    '',
    '# 3. The service application: client credentials, for course_ids, blocks, courses and the grading policy:',
    `${manage} create_dot_application --grant-type client-credentials \\`,
    `  --client-id ${settings.lmsApiClientId ?? '<[edx-rest-api] client_id>'} --client-secret ${settings.lmsApiClientSecret ? '<[edx-rest-api] client_secret>' : '<choose one; set [edx-rest-api] client_secret>'} \\`,
    `  lantern-backend-service ${SERVICE_USER}`,
    '',
    '# 4. LMS settings (lms.yml), so that the Instructor Dashboard links course teams to the dashboard:',
    `ANALYTICS_DASHBOARD_URL: ${dashboard}/courses`,
    'ANALYTICS_DASHBOARD_NAME: Lantern Insights',
    '',
    '# 5. Lantern settings that must agree with the LMS:',
    `[edx-rest-api] url = ${lms}`,
    `[api] jwt_jwks_url = the LMS's JWT_PUBLIC_SIGNING_JWK_SET, served where your LMS publishes it`,
    `[api] jwt_issuer = ${settings.jwtIssuer ?? `${lms}/oauth2`}  (the LMS's JWT_ISSUER)`,
    '',
    `# Use different host names for the LMS and the dashboard (${dashboard}), and keep both clocks in sync (NTP).`,
    '# Then run `lantern lms-check` to try it all.',
  ].join('\n');
}

interface CheckResult {
  readonly check: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** Tries the service client (a token, course list, one course's blocks and course_ids) and the sign-in endpoint. */
export async function checkLms(settings: Settings, user = SERVICE_USER): Promise<CheckResult[]> {
  if (!settings.lmsApiUrl || !settings.lmsApiClientId || !settings.lmsApiClientSecret) {
    return [{ check: 'settings', ok: false, detail: 'set [edx-rest-api] url, client_id and client_secret (see lantern lms-setup)' }];
  }
  const client = new LmsApiClient({ baseUrl: settings.lmsApiUrl, clientId: settings.lmsApiClientId, clientSecret: settings.lmsApiClientSecret, pageSize: 10 });
  const results: CheckResult[] = [];
  const attempt = async <T>(check: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T | undefined> => {
    try {
      const value = await run();
      results.push({ check, ok: true, detail: describe(value) });
      return value;
    } catch (error) {
      results.push({ check, ok: false, detail: (error as Error).message });
      return undefined;
    }
  };
  if (!(await attempt('service client token (client credentials)', () => client.accessToken(), () => 'a token was issued'))) return results;
  const courses = await attempt('course list API', () => client.courses(), (list) => `${list.length} courses`);
  const first = courses?.map((course) => (course as { id?: unknown }).id).find((id): id is string => typeof id === 'string');
  if (first) await attempt(`course blocks API (${first})`, () => client.courseBlocks(first), (answer) => (answer ? 'blocks received' : 'the course is unknown'));
  await attempt(`course_ids API (for ${user})`, () => client.staffCourseIds(user), (ids) => `${ids.length} courses`);
  if (settings.webClientId) {
    await attempt(
      'sign-in client (authorization endpoint)',
      async () => {
        const dashboard = settings.webPublicUrl ?? `http://${settings.webHost}:${settings.webPort}`;
        const url = new URL(`${settings.lmsApiUrl!.replace(/\/+$/, '')}/oauth2/authorize`);
        url.search = new URLSearchParams({ client_id: settings.webClientId!, response_type: 'code', redirect_uri: `${dashboard}/complete/edx-oauth2/`, scope: 'openid profile email', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', state: 'check' }).toString();
        const response = await fetch(url, { redirect: 'manual' });
        // A known client with its redirect URI is sent on to sign in (a redirect or the form); an unknown one gets an error.
        if (response.status >= 400) throw new Error(`GET ${url.origin}${url.pathname} answered HTTP ${response.status}: is the client registered with the redirect URI ${dashboard}/complete/edx-oauth2/?`);
        return response.status;
      },
      (status) => `the LMS accepts the client and its redirect URI (HTTP ${status})`,
    );
  }
  return results;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { startDevLms, type DevLms } from '../../src/devlms/dev-lms.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const DASHBOARD = 'http://127.0.0.1:8110';
let lms: DevLms;

beforeAll(async () => {
  const siteDir = await tempDir();
  await generateSite({ out: siteDir, courses: 2, learners: 20, days: 2, start: '2026-09-01', seed: 4 });
  lms = await startDevLms({
    siteDir,
    clients: [
      { clientId: 'sso', clientSecret: 'sso-secret', redirectUris: [`${DASHBOARD}/complete/edx-oauth2/`], grantTypes: ['authorization_code'] },
      { clientId: 'service', clientSecret: 'service-secret', grantTypes: ['client_credentials'], serviceUsername: 'lantern_worker', serviceIsStaff: true },
    ],
  });
});
afterAll(async () => {
  await lms?.close();
});

const settingsFlags = (secret = 'service-secret', ssoId = 'sso') => [
  '--lms-api-url', lms.url, '--lms-api-client-id', 'service', '--lms-api-client-secret', secret, '--web-client-id', ssoId, '--web-public-url', DASHBOARD,
];

describe('lantern lms-setup and lms-check', () => {
  it('prints the edx-platform steps with this configuration\'s redirect URI and client ids', async () => {
    const { code, stdout } = await runCli('lms-setup', ...settingsFlags());
    expect(code).toBe(0);
    expect(stdout).toContain(`--redirect-uris "${DASHBOARD}/complete/edx-oauth2/"`);
    expect(stdout).toContain('--client-id sso ');
    expect(stdout).toContain('create_dot_application --grant-type client-credentials');
    expect(stdout).toContain('--client-id service ');
    expect(stdout).toContain(`ANALYTICS_DASHBOARD_URL: ${DASHBOARD}/courses`);
    expect(stdout).not.toContain('service-secret');
  });

  it('passes against an LMS set up that way', async () => {
    const { code, stdout } = await runCli('lms-check', ...settingsFlags(), '--user', 'course_staff');
    expect(stdout.split('\n').filter((line) => line.startsWith('FAIL'))).toEqual([]);
    expect(stdout).toContain('ok   course list API: 2 courses');
    expect(stdout).toContain('ok   course_ids API (for course_staff): 2 courses');
    expect(code).toBe(0);
  });

  it('names what is wrong: a bad service secret, an unknown sign-in client', async () => {
    const badSecret = await runCli('lms-check', ...settingsFlags('wrong'));
    expect(badSecret.code).toBe(1);
    expect(badSecret.stdout).toMatch(/FAIL service client token \(client credentials\): POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/access_token answered HTTP 401/);
    const unknownClient = await runCli('lms-check', ...settingsFlags('service-secret', 'nobody'));
    expect(unknownClient.code).toBe(1);
    expect(unknownClient.stdout).toContain('FAIL sign-in client (authorization endpoint)');
  });
});

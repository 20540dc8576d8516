import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/demo/free-port.js';
import { generateSite } from '../../src/demo/generate.js';
import { startDevLms, type DevLms } from '../../src/devlms/dev-lms.js';
import { buildWeb } from '../../src/web/build-web.js';
import { Browser, formAction, hiddenInputs } from '../helpers/browser.js';
import { tempDir } from '../helpers/temp.js';

// Sign-in through plain OpenID Connect discovery (another provider than edx-platform), here the development LMS's.
let lms: DevLms;
let web: FastifyInstance;
let webUrl: string;

beforeAll(async () => {
  const dir = await tempDir();
  await generateSite({ out: dir, courses: 2, learners: 20, days: 2, start: '2026-09-01', seed: 6 });
  const clientDir = path.join(dir, 'client');
  await mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await writeFile(path.join(clientDir, 'index.html'), 'shell');
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  lms = await startDevLms({
    siteDir: dir,
    clients: [
      { clientId: 'oidc-web', clientSecret: 'oidc-secret', redirectUris: [`${webUrl}/complete/edx-oauth2/`], grantTypes: ['authorization_code'] },
      { clientId: 'service', clientSecret: 'service-secret', grantTypes: ['client_credentials'], serviceIsStaff: true },
    ],
  });
  web = await buildWeb({
    publicUrl: webUrl,
    signIn: { flavour: 'oidc', url: lms.issuer, clientId: 'oidc-web', clientSecret: 'oidc-secret' },
    lmsApi: { baseUrl: lms.url, clientId: 'service', clientSecret: 'service-secret' },
    dataApi: { url: 'http://127.0.0.1:9', key: 'unused' },
    clientDir,
  });
  await web.listen({ host: '127.0.0.1', port });
});
afterAll(async () => {
  await web?.close();
  await lms?.close();
});

describe('behind a TLS proxy', () => {
  // The session cookie is Secure on an https public URL, and set only on requests the proxy in front says came over
  // https: a proxy on this machine or a private network is believed by default, others must be named.
  async function loginCookie(trustProxy?: readonly string[] | false): Promise<string | undefined> {
    const behind = await buildWeb({
      publicUrl: 'https://dashboard.example.org',
      signIn: { flavour: 'oidc', url: lms.issuer, clientId: 'oidc-web', clientSecret: 'oidc-secret' },
      lmsApi: { baseUrl: lms.url, clientId: 'service', clientSecret: 'service-secret' },
      dataApi: { url: 'http://127.0.0.1:9', key: 'unused' },
      clientDir: path.join(await tempDir(), 'client'),
      ...(trustProxy === undefined ? {} : { trustProxy }),
    });
    try {
      const login = await behind.inject({ method: 'GET', url: '/login/', headers: { 'x-forwarded-proto': 'https' } });
      expect(login.statusCode).toBe(302);
      return [login.headers['set-cookie']].flat().find((cookie) => cookie?.startsWith('lantern_session='));
    } finally {
      await behind.close();
    }
  }

  it('sets the secure session cookie for https requests forwarded by a proxy it believes', async () => {
    expect(await loginCookie(['loopback', 'uniquelocal'])).toMatch(/; Secure/);
    expect(await loginCookie(['10.1.2.3'])).toBeUndefined();
    expect(await loginCookie(false)).toBeUndefined();
  });
});

describe('sign-in through OpenID Connect discovery', () => {
  it('signs a user in with the ID token\'s claims and reads their courses', async () => {
    const browser = new Browser();
    const toLms = await browser.follow(await browser.get(`${webUrl}/login/`), `${webUrl}/`);
    const form = await toLms.page!.text();
    const back = await browser.follow(await browser.post(formAction(form, toLms.page!.url), { ...hiddenInputs(form), username: 'course_staff', password: 'edx' }), `${webUrl}/complete/`);
    const done = await browser.get(back.location!);
    expect(done.headers.get('location')).toBe('/courses/');
    const session = (await (await browser.get(`${webUrl}/web-api/session`)).json()) as { username: string; globalStaff: boolean; courses: string[] };
    expect(session).toMatchObject({ username: 'course_staff', globalStaff: false });
    expect(session.courses).toHaveLength(2);
  });
});

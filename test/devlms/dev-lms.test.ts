import { createServer } from 'node:net';
import path from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { DEMO_PASSWORD, LOGIN_FAILED, LOGIN_TITLE, startDevLms, type DevLms } from '../../src/devlms/dev-lms.js';
import { LmsApiClient } from '../../src/lms/lms-api.js';
import { readStructureFiles } from '../../src/reports/structure/structure-files.js';
import { tempDir } from '../helpers/temp.js';
import { authorizationSecrets, Browser, formAction, hiddenInputs } from '../helpers/browser.js';

const SSO = {
  clientId: 'lantern-sso-key',
  clientSecret: 'sso-secret',
  redirectUri: 'http://127.0.0.1:9/complete/edx-oauth2/',
  postLogoutRedirectUri: 'http://127.0.0.1:9/',
};
const SERVICE = { clientId: 'lantern-backend-service-key', clientSecret: 'service-secret' };

let siteDir: string;
let courses: string[];
let lms: DevLms;

beforeAll(async () => {
  siteDir = path.join(await tempDir('lantern-devlms-'), 'site');
  courses = (await generateSite({ out: siteDir, courses: 4, learners: 20, days: 2, start: '2026-03-02', seed: 5 })).courses;
  lms = await startDevLms({
    siteDir,
    clients: [
      {
        clientId: SSO.clientId,
        clientSecret: SSO.clientSecret,
        redirectUris: [SSO.redirectUri],
        postLogoutRedirectUris: [SSO.postLogoutRedirectUri],
        grantTypes: ['authorization_code', 'refresh_token'],
      },
      { ...SERVICE, grantTypes: ['client_credentials'], serviceUsername: 'lantern_worker', serviceIsStaff: true },
      { clientId: 'plain-service', clientSecret: 'plain-secret', grantTypes: ['client_credentials'] },
    ],
  });
});

afterAll(async () => {
  await lms?.close();
});

async function tokenRequest(form: Record<string, string>): Promise<Response> {
  return fetch(lms.tokenUrl, { method: 'POST', body: new URLSearchParams({ token_type: 'jwt', ...form }) });
}

async function serviceToken(client: { clientId: string; clientSecret: string } = SERVICE): Promise<string> {
  const response = await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Drives the authorization-code flow with PKCE as a browser and a relying party would. */
async function signIn(username: string, password = DEMO_PASSWORD, scope = 'openid profile email user_id') {
  const browser = new Browser();
  const secrets = authorizationSecrets();
  const { page: loginPage } = await browser.follow(await browser.get(authorizationUrl(secrets, scope)), SSO.redirectUri);
  expect(loginPage?.status).toBe(200);
  const loginHtml = await loginPage!.text();
  const answer = await browser.post(formAction(loginHtml, lms.url), { username, password });
  const { location, page } = await browser.follow(answer, SSO.redirectUri);
  return { browser, secrets, loginHtml, location, page };
}

function authorizationUrl(secrets: ReturnType<typeof authorizationSecrets>, scope: string): string {
  const authorize = new URL(lms.authorizationUrl);
  authorize.search = new URLSearchParams({
    client_id: SSO.clientId,
    redirect_uri: SSO.redirectUri,
    response_type: 'code',
    scope,
    state: secrets.state,
    // A nonce belongs to OpenID Connect requests only.
    ...(scope.split(' ').includes('openid') ? { nonce: secrets.nonce } : {}),
    code_challenge: secrets.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return authorize.href;
}

async function exchangeCode(location: string, verifier: string): Promise<Record<string, unknown>> {
  const code = new URL(location).searchParams.get('code')!;
  const response = await tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: SSO.redirectUri,
    code_verifier: verifier,
    client_id: SSO.clientId,
    client_secret: SSO.clientSecret,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function apiGet(pathAndQuery: string, token?: string, scheme = 'JWT'): Promise<Response> {
  return fetch(`${lms.url}${pathAndQuery}`, { headers: token ? { authorization: `${scheme} ${token}` } : {} });
}

describe('development LMS: OAuth2 provider', () => {
  it('publishes a discovery document with edx-platform endpoint paths', async () => {
    const response = await fetch(`${lms.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(lms.issuer).toBe(`${lms.url}/oauth2`);
    expect(discovery).toMatchObject({
      issuer: lms.issuer,
      authorization_endpoint: `${lms.url}/oauth2/authorize`,
      token_endpoint: `${lms.url}/oauth2/access_token`,
      jwks_uri: `${lms.url}/oauth2/jwks`,
      end_session_endpoint: `${lms.url}/oauth2/logout`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery['grant_types_supported']).toEqual(expect.arrayContaining(['authorization_code', 'client_credentials', 'refresh_token']));
    expect(discovery['scopes_supported']).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'user_id']));
    expect(lms.jwksUrl).toBe(discovery['jwks_uri']);
    const jwks = (await (await fetch(lms.jwksUrl)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('gives a service an RS256 JWT with the edx claims of its service user, for an hour', async () => {
    const response = await tokenRequest({ grant_type: 'client_credentials', client_id: SERVICE.clientId, client_secret: SERVICE.clientSecret });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { access_token: string; expires_in: number; token_type: string };
    expect(answer.expires_in).toBe(3600);
    expect(decodeProtectedHeader(answer.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const { payload } = await jwtVerify(answer.access_token, createRemoteJWKSet(new URL(lms.jwksUrl)), { issuer: lms.issuer, audience: lms.audience });
    expect(payload).toMatchObject({
      iss: lms.issuer,
      aud: 'lms-key',
      sub: SERVICE.clientId,
      client_id: SERVICE.clientId,
      preferred_username: 'lantern_worker',
      administrator: true,
      superuser: true,
      grant_type: 'client_credentials',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);

    const plain = decodeJwt(await serviceToken({ clientId: 'plain-service', clientSecret: 'plain-secret' }));
    expect(plain).toMatchObject({ preferred_username: 'plain-service', administrator: false, superuser: false });
  });

  it('takes the client secret in the body or as HTTP Basic, and refuses a wrong one or a grant the client lacks', async () => {
    const basic = await fetch(lms.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${SERVICE.clientId}:${SERVICE.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', token_type: 'jwt' }),
    });
    expect(basic.status).toBe(200);
    const wrong = await tokenRequest({ grant_type: 'client_credentials', client_id: SERVICE.clientId, client_secret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const sso = await tokenRequest({ grant_type: 'client_credentials', client_id: SSO.clientId, client_secret: SSO.clientSecret });
    expect(sso.status).toBe(400);
    expect(await sso.json()).toMatchObject({ error_description: 'requested grant type is not allowed for this client' });
  });

  it.each([
    ['staff', { administrator: true, superuser: false, name: 'Sam Staff' }],
    ['instructor', { administrator: false, superuser: false, name: 'Ines Instructor' }],
    ['course_staff', { administrator: false, superuser: false, name: 'Cora Coursestaff' }],
    ['learner', { administrator: false, superuser: false, name: 'Lee Learner' }],
  ])('signs %s in with the authorization code flow and PKCE, and puts the edx claims in the tokens', async (username, expected) => {
    const { loginHtml, location, secrets } = await signIn(username);
    expect(loginHtml).toContain(`<title>${LOGIN_TITLE}</title>`);
    expect(loginHtml).toMatch(/<label for="username">[^<]+<\/label>/);
    expect(loginHtml).toMatch(/<label for="password">Password<\/label>/);
    expect(loginHtml).toContain('<button type="submit">Sign in</button>');
    expect(location).toBeDefined();
    const callback = new URL(location!);
    expect(callback.searchParams.get('state')).toBe(secrets.state);
    expect(callback.searchParams.get('iss')).toBe(lms.issuer);

    const tokens = await exchangeCode(location!, secrets.verifier);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(typeof tokens['refresh_token']).toBe('string');
    const user = lms.users.find((candidate) => candidate.username === username)!;
    const keys = createRemoteJWKSet(new URL(lms.jwksUrl));
    const { payload: access } = await jwtVerify(String(tokens['access_token']), keys, { issuer: lms.issuer, audience: 'lms-key' });
    expect(access).toMatchObject({
      ...expected,
      sub: user.sub,
      preferred_username: username,
      email: `${username}@example.com`,
      user_id: user.id,
      grant_type: 'authorization_code',
      scopes: expect.arrayContaining(['profile', 'email', 'user_id']),
    });
    expect(access.exp! - access.iat!).toBe(3600);
    const { payload: id } = await jwtVerify(String(tokens['id_token']), keys, { issuer: lms.issuer, audience: SSO.clientId });
    expect(id).toMatchObject({ ...expected, sub: user.sub, nonce: secrets.nonce, preferred_username: username, email: `${username}@example.com`, user_id: user.id });
  });

  it('signs in without openid as Insights asks (user_id profile email): a JWT access token and no ID token', async () => {
    const { location, secrets } = await signIn('course_staff', DEMO_PASSWORD, 'user_id profile email');
    const tokens = await exchangeCode(location!, secrets.verifier);
    expect(tokens['id_token']).toBeUndefined();
    expect(decodeJwt(String(tokens['access_token']))).toMatchObject({ preferred_username: 'course_staff', administrator: false, aud: 'lms-key' });
  });

  it('keeps the LMS session: signing in again asks for no password', async () => {
    const { browser } = await signIn('instructor');
    const secrets = authorizationSecrets();
    const { location } = await browser.follow(await browser.get(authorizationUrl(secrets, 'openid profile')), SSO.redirectUri);
    expect(new URL(location!).searchParams.get('state')).toBe(secrets.state);
    const tokens = await exchangeCode(location!, secrets.verifier);
    expect(decodeJwt(String(tokens['access_token']))).toMatchObject({ preferred_username: 'instructor' });
  });

  it('answers an interaction that has expired or never was with a page, not a crash', async () => {
    const response = await fetch(`${lms.issuer}/interaction/unknown`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This sign-in has expired or was already used.');
  });

  it('shows the form again with an error after a wrong password', async () => {
    const { location, page } = await signIn('instructor', 'wrong');
    expect(location).toBeUndefined();
    expect(page?.status).toBe(200);
    const html = await page!.text();
    expect(html).toContain(LOGIN_FAILED);
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="instructor"');
  });

  it('requires PKCE with S256', async () => {
    const browser = new Browser();
    const authorize = new URL(lms.authorizationUrl);
    const query = { client_id: SSO.clientId, redirect_uri: SSO.redirectUri, response_type: 'code', scope: 'openid profile', state: 'st' };
    authorize.search = new URLSearchParams(query).toString();
    const { location } = await browser.follow(await browser.get(authorize.href), SSO.redirectUri);
    expect(new URL(location!).searchParams.get('error')).toBe('invalid_request');
    authorize.search = new URLSearchParams({ ...query, code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }).toString();
    const plain = await browser.follow(await browser.get(authorize.href), SSO.redirectUri);
    expect(new URL(plain.location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('refreshes the access token with the refresh token', async () => {
    const { location, secrets } = await signIn('learner');
    const tokens = await exchangeCode(location!, secrets.verifier);
    const response = await tokenRequest({ grant_type: 'refresh_token', refresh_token: String(tokens['refresh_token']), client_id: SSO.clientId, client_secret: SSO.clientSecret });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as { access_token: string };
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ preferred_username: 'learner', aud: 'lms-key' });
  });

  it('signs out and returns to a registered post-logout redirect URI', async () => {
    const { browser } = await signIn('staff');
    const logout = new URL(lms.logoutUrl);
    logout.search = new URLSearchParams({ client_id: SSO.clientId, post_logout_redirect_uri: SSO.postLogoutRedirectUri, state: 'bye' }).toString();
    const confirm = await browser.get(logout.href);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    const done = await browser.post(formAction(html, lms.url), { ...hiddenInputs(html), logout: 'yes' });
    const { location } = await browser.follow(done, SSO.postLogoutRedirectUri);
    expect(location).toBe(`${SSO.postLogoutRedirectUri}?state=bye`);

    const unregistered = new URL(lms.logoutUrl);
    unregistered.search = new URLSearchParams({ client_id: SSO.clientId, post_logout_redirect_uri: 'http://evil.example/' }).toString();
    expect((await browser.get(unregistered.href)).status).toBe(400);
  });
});

describe('development LMS: LMS APIs', () => {
  it('answers 401 without a token, with a bad one and with one signed by another key', async () => {
    expect((await apiGet('/api/courses/v1/courses/')).status).toBe(401);
    expect((await apiGet('/api/courses/v1/courses/', 'not-a-jwt')).status).toBe(401);
    const token = await serviceToken();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    expect((await apiGet('/api/courses/v1/courses/', forged)).status).toBe(401);
    expect((await apiGet('/api/courses/v1/courses/', token)).status).toBe(200);
    expect((await apiGet('/api/courses/v1/courses/', token, 'Bearer')).status).toBe(200);
  });

  it.each([
    ['staff', 4],
    ['instructor', 1],
    ['course_staff', 2],
    ['learner', 0],
  ])('lists the course_ids of %s for the backend service', async (username, count) => {
    const token = await serviceToken();
    const response = await apiGet(`/api/courses/v1/course_ids/?username=${username}&role=staff&page=1&page_size=1000`, token);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { results: string[]; pagination: Record<string, unknown> };
    expect(answer.results).toHaveLength(count);
    expect(answer.results).toEqual([...answer.results].sort());
    expect(answer.pagination).toEqual({ next: null, previous: null, count, num_pages: 1 });
    const user = lms.users.find((candidate) => candidate.username === username)!;
    if (!user.isStaff) expect(answer.results).toEqual(user.courseRoles.map((entry) => entry.courseId).sort());
  });

  it('counts the first course for instructor and the first two for course_staff, in course-list order', () => {
    const roles = Object.fromEntries(lms.users.map((user) => [user.username, user.courseRoles]));
    expect(roles['instructor']).toEqual([{ courseId: courses[0], role: 'instructor' }]);
    expect(roles['course_staff']).toEqual([{ courseId: courses[0], role: 'staff' }, { courseId: courses[1], role: 'staff' }]);
  });

  it('pages course_ids and reads course team roles from the LMS database', async () => {
    const token = await serviceToken();
    const first = (await (await apiGet('/api/courses/v1/course_ids/?username=staff&role=staff&page_size=3', token)).json()) as {
      results: string[];
      pagination: { next: string | null; previous: string | null; count: number; num_pages: number };
    };
    expect(first.results).toHaveLength(3);
    expect(first.pagination).toMatchObject({ previous: null, count: 4, num_pages: 2 });
    const second = (await (await fetch(first.pagination.next!, { headers: { authorization: `JWT ${token}` } })).json()) as typeof first;
    expect(second.results).toHaveLength(1);
    expect(second.pagination.next).toBeNull();
    expect(new URL(second.pagination.previous!).searchParams.get('page')).toBe('1');
    expect([...first.results, ...second.results]).toEqual([...courses].sort());
    expect((await apiGet('/api/courses/v1/course_ids/?username=staff&role=staff&page=3&page_size=3', token)).status).toBe(404);

    // Generated course staff are global staff in the LMS database.
    const dbStaff = (await (await apiGet('/api/courses/v1/course_ids/?username=staff_1&role=staff', token)).json()) as { results: string[] };
    expect(dbStaff.results).toHaveLength(4);
    const learnerCourses = (await (await apiGet('/api/courses/v1/course_ids/?username=learner_00001&role=staff', token)).json()) as { results: string[] };
    expect(learnerCourses.results).toEqual([]);
    expect((await apiGet('/api/courses/v1/course_ids/?username=nobody&role=staff', token)).status).toBe(404);
    expect((await apiGet('/api/courses/v1/course_ids/?username=staff', token)).status).toBe(400);
    const instructorOnly = (await (await apiGet('/api/courses/v1/course_ids/?username=course_staff&role=instructor', token)).json()) as { results: string[] };
    expect(instructorOnly.results).toEqual([]);
  });

  it('lets a user list only their own course_ids', async () => {
    const { location, secrets } = await signIn('instructor');
    const token = String((await exchangeCode(location!, secrets.verifier))['access_token']);
    const own = await apiGet('/api/courses/v1/course_ids/?username=instructor&role=staff', token);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { results: string[] }).results).toEqual([courses[0]]);
    expect((await apiGet('/api/courses/v1/course_ids/?username=staff&role=staff', token)).status).toBe(403);
  });

  it('serves the course list, blocks and grading policy', async () => {
    const token = await serviceToken();
    const list = (await (await apiGet('/api/courses/v1/courses/?page_size=100', token)).json()) as { results: Record<string, unknown>[]; pagination: { count: number } };
    expect(list.pagination.count).toBe(4);
    expect(list.results[0]).toEqual({
      id: courses[0],
      name: expect.any(String),
      org: expect.any(String),
      number: expect.any(String),
      start: expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00Z$/),
      end: expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00Z$/),
      pacing: expect.stringMatching(/^(self|instructor)$/),
    });

    const courseId = courses[1]!;
    const blocksResponse = await apiGet(`/api/courses/v1/blocks/?course_id=${encodeURIComponent(courseId)}&all_blocks=true&depth=all&requested_fields=children,graded,format`, token);
    expect(blocksResponse.status).toBe(200);
    const blocks = (await blocksResponse.json()) as { root: string; blocks: Record<string, Record<string, unknown>> };
    expect(blocks.blocks[blocks.root]).toMatchObject({ id: blocks.root, type: 'course', children: expect.any(Array) });
    const graded = Object.values(blocks.blocks).filter((block) => block['type'] === 'sequential' && block['graded'] === true);
    expect(graded.length).toBeGreaterThan(0);
    const bare = (await (await apiGet(`/api/courses/v1/blocks/?course_id=${encodeURIComponent(courseId)}`, token)).json()) as typeof blocks;
    expect(Object.keys(bare.blocks[bare.root]!).sort()).toEqual(['block_id', 'display_name', 'id', 'lms_web_url', 'student_view_url', 'type']);
    expect((await apiGet('/api/courses/v1/blocks/?course_id=course-v1%3ANo%2BSuch%2BCourse', token)).status).toBe(404);

    const policyResponse = await apiGet(`/api/grades/v1/policy/courses/${courseId}/`, token);
    expect(policyResponse.status).toBe(200);
    const policy = (await policyResponse.json()) as { assignment_type: string; count: number; dropped: number; weight: number }[];
    expect(policy).toEqual([{ assignment_type: 'Homework', count: graded.length, dropped: Math.floor(graded.length / 4), weight: 1 }]);
    expect((await apiGet('/api/grades/v1/policy/courses/course-v1:No+Such+Course/', token)).status).toBe(404);
  });

  it('answers LmsApiClient unchanged: the course list and blocks match the site files', async () => {
    const client = new LmsApiClient({ baseUrl: lms.url, clientId: SERVICE.clientId, clientSecret: SERVICE.clientSecret, pageSize: 3 });
    const structure = await client.structure();
    const files = await readStructureFiles({ courseList: path.join(siteDir, 'course_list.json'), courseBlocks: path.join(siteDir, 'course_blocks.json') });
    expect(structure.courses).toEqual(files.courses);
    expect(structure.blocks.map((answer) => (answer as { course_id: string }).course_id)).toEqual(courses);
    const firstFile = files.blocks[0] as { root: string; blocks: Record<string, { children?: string[]; display_name: string }> };
    const firstAnswer = structure.blocks[0] as typeof firstFile;
    expect(firstAnswer.root).toBe(firstFile.root);
    for (const [id, block] of Object.entries(firstFile.blocks)) {
      expect(firstAnswer.blocks[id]).toMatchObject({ display_name: block.display_name, ...(block.children ? { children: block.children } : {}) });
    }
    expect(await client.staffCourseIds('course_staff')).toEqual(courses.slice(0, 2).sort());
    expect(await client.staffCourseIds('staff')).toEqual([...courses].sort());
  });
});

describe('development LMS: lifecycle', () => {
  it('frees its port on close()', async () => {
    const other = await startDevLms({ siteDir, clients: [] });
    const port = Number(new URL(other.url).port);
    try {
      expect((await fetch(`${other.issuer}/.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      await other.close();
    }
    await other.close();
    await expect(fetch(`${other.url}/api/courses/v1/courses/`)).rejects.toThrow();
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});

import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deleteApiKey, setApiKey } from '../../src/store/api-keys.js';
import { fakeLms, json } from '../helpers/fake-lms.js';
import { apiFixture, DEMO_COURSE, KEY, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const ISSUER = 'http://lms.test/oauth2';
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let publicJwk: JWK;
let fixture: ApiFixture | undefined;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'lms-1', alg: 'RS256' };
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

function token(claims: Record<string, unknown>, options: { issuer?: string; expires?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'lms-1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(privateKey);
}

async function seedEnrollment(f: ApiFixture): Promise<void> {
  await f.insert('course_enrollment_daily', [DEMO_COURSE, NEW_COURSE].map((course_id) => ({ course_id, date: '2014-01-01', count: 1, cumulative_count: 1 })));
}

const enrollment = (course: string) => `/api/v0/courses/${course}/enrollment/`;

describe('API keys', () => {
  it('401 without credentials, with a wrong key or a malformed header; 200 with a key', async () => {
    fixture = await apiFixture();
    await seedEnrollment(fixture);
    const noCredentials = await fixture.get(enrollment(DEMO_COURSE), {});
    expect(noCredentials.statusCode).toBe(401);
    expect(noCredentials.json().error_code).toBe('authentication_required');
    expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: 'Token nope' })).json()).toEqual({ error_code: 'invalid_credentials', developer_message: 'Invalid token.' });
    expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: 'Basic dGVzdDp0ZXN0' })).statusCode).toBe(401);
    expect((await fixture.get('/authenticated/', {})).statusCode).toBe(401);
    expect((await fixture.get('/authenticated/')).statusCode).toBe(200);
    expect((await fixture.get('/status/', {})).statusCode).toBe(200);
    expect((await fixture.get(enrollment(DEMO_COURSE))).statusCode).toBe(200);
  });

  it('keeps keys hashed, refuses a key another user holds, and stops a deleted key', async () => {
    fixture = await apiFixture({ keyCacheMs: 0 });
    await seedEnrollment(fixture);
    const stored = await fixture.store.db.selectFrom('lantern_api_keys').selectAll().execute();
    expect(stored.map((row) => row.username)).toEqual(['tester']);
    expect(JSON.stringify(stored)).not.toContain('test-key');
    expect(await setApiKey(fixture.store, 'other', 'test-key')).toBe('in-use');
    expect(await setApiKey(fixture.store, 'tester', 'replaced')).toBe('set');
    expect((await fixture.get(enrollment(DEMO_COURSE))).statusCode).toBe(401);
    expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: 'Token replaced' })).statusCode).toBe(200);
    expect(await deleteApiKey(fixture.store, 'tester')).toBe(true);
    expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: 'Token replaced' })).statusCode).toBe(401);
  });

  it('a key limited to a course or an org reads only those (403 course_not_permitted elsewhere)', async () => {
    fixture = await apiFixture({ scope: { courses: [NEW_COURSE], orgs: null } });
    await seedEnrollment(fixture);
    expect((await fixture.get(enrollment(NEW_COURSE))).statusCode).toBe(200);
    const denied = await fixture.get(enrollment(DEMO_COURSE));
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ error_code: 'course_not_permitted', developer_message: `tester may not read course ${DEMO_COURSE}.` });
    await setApiKey(fixture.store, 'org-reader', 'org-key', { courses: null, orgs: ['edX'] });
    await setApiKey(fixture.store, 'other-org', 'other-key', { courses: null, orgs: ['MITx'] });
    expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: 'Token org-key' })).statusCode).toBe(200);
    expect((await fixture.get(enrollment(NEW_COURSE), { authorization: 'Token org-key' })).statusCode).toBe(200);
    expect((await fixture.get(enrollment(NEW_COURSE), { authorization: 'Token other-key' })).statusCode).toBe(403);
  });
});

describe('reading on behalf of a user (X-Lantern-Courses)', () => {
  it('narrows a key to the listed courses, never widens it, and refuses a malformed list', async () => {
    fixture = await apiFixture({ keyCacheMs: 0 });
    await seedEnrollment(fixture);
    const onBehalf = (courses: string, key = 'test-key') => ({ authorization: `Token ${key}`, 'x-lantern-courses': courses });
    expect((await fixture.get(enrollment(NEW_COURSE), onBehalf(JSON.stringify([NEW_COURSE])))).statusCode).toBe(200);
    expect((await fixture.get(enrollment(DEMO_COURSE), onBehalf(JSON.stringify([NEW_COURSE])))).statusCode).toBe(403);
    expect((await fixture.get(enrollment(DEMO_COURSE), onBehalf('[]'))).statusCode).toBe(403);
    const bad = await fixture.get(enrollment(DEMO_COURSE), onBehalf('course-v1:x'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().developer_message).toContain('x-lantern-courses');
    await setApiKey(fixture.store, 'limited', 'limited-key', { courses: [NEW_COURSE], orgs: null });
    expect((await fixture.get(enrollment(DEMO_COURSE), onBehalf(JSON.stringify([DEMO_COURSE, NEW_COURSE]), 'limited-key'))).statusCode).toBe(403);
  });
});

describe('JWTs signed by the LMS', () => {
  const staffCourses = async (username: string) => {
    if (username === 'broken') throw new Error('HTTP 500');
    return username === 'ada' ? [NEW_COURSE] : [];
  };

  it('LMS staff and superusers read every course; course team members their courses; others none', async () => {
    fixture = await apiFixture({ jwt: { jwks: createLocalJWKSet({ keys: [publicJwk] }), issuer: ISSUER, staffCourses } });
    await seedEnrollment(fixture);
    const as = async (claims: Record<string, unknown>, course: string, scheme = 'JWT') =>
      (await fixture!.get(enrollment(course), { authorization: `${scheme} ${await token(claims)}` })).statusCode;
    expect(await as({ preferred_username: 'admin', administrator: true }, DEMO_COURSE)).toBe(200);
    expect(await as({ preferred_username: 'root', superuser: true }, NEW_COURSE, 'Bearer')).toBe(200);
    expect(await as({ preferred_username: 'ada' }, NEW_COURSE)).toBe(200);
    expect(await as({ preferred_username: 'ada' }, DEMO_COURSE)).toBe(403);
    expect(await as({ preferred_username: 'nobody' }, NEW_COURSE)).toBe(403);
    const failing = await fixture.get(enrollment(NEW_COURSE), { authorization: `JWT ${await token({ preferred_username: 'broken' })}` });
    expect(failing.statusCode).toBe(503);
    expect(failing.json().developer_message).toContain('Cannot retrieve the course permissions of broken from the LMS');
  });

  it('refuses a JWT with another issuer, an expired one, a forged one, one without expiry, a restricted one, or one without a user', async () => {
    fixture = await apiFixture({ jwt: { jwks: createLocalJWKSet({ keys: [publicJwk] }), issuer: ISSUER, staffCourses } });
    await seedEnrollment(fixture);
    const other = await generateKeyPair('RS256');
    const forever = await new SignJWT({ preferred_username: 'admin', administrator: true }).setProtectedHeader({ alg: 'RS256', kid: 'lms-1' }).setIssuer(ISSUER).sign(privateKey);
    const forged = await new SignJWT({ preferred_username: 'admin', administrator: true }).setProtectedHeader({ alg: 'RS256', kid: 'lms-1' }).setIssuer(ISSUER).setExpirationTime('5m').sign(other.privateKey);
    for (const jwt of [
      await token({ preferred_username: 'admin', administrator: true }, { issuer: 'http://elsewhere' }),
      await token({ preferred_username: 'admin', administrator: true }, { expires: '-1m' }),
      forged,
      forever,
      await token({ preferred_username: 'admin', administrator: true, is_restricted: true, filters: ['content_org:MITx'] }),
      await token({ administrator: true }),
    ]) {
      const response = await fixture.get(enrollment(DEMO_COURSE), { authorization: `JWT ${jwt}` });
      expect(response.statusCode).toBe(401);
      expect(response.json().error_code).toBe('invalid_credentials');
    }
  });

  it('fetches the key set from the LMS URL and caches the course team list for 15 minutes', async () => {
    let courseIdCalls = 0;
    const lms = await fakeLms((request, response) => {
      if (request.path === '/api/jwks/') return json(response, 200, { keys: [publicJwk] });
      courseIdCalls++;
      json(response, 200, { results: [NEW_COURSE], pagination: { next: null } });
    });
    const lookup = async (username: string) => {
      const answer = (await (await fetch(`${lms.url}/api/courses/v1/course_ids/?username=${username}`)).json()) as { results: string[] };
      return answer.results;
    };
    fixture = await apiFixture({ jwt: { jwks: `${lms.url}/api/jwks/`, issuer: ISSUER, staffCourses: lookup } });
    await seedEnrollment(fixture);
    const header = { authorization: `JWT ${await token({ preferred_username: 'ada' })}` };
    expect((await fixture.get(enrollment(NEW_COURSE), header)).statusCode).toBe(200);
    expect((await fixture.get(enrollment(DEMO_COURSE), header)).statusCode).toBe(403);
    expect(courseIdCalls).toBe(1);
  });

  it('says so when JWT sign-in is not configured', async () => {
    fixture = await apiFixture();
    const response = await fixture.get(enrollment(DEMO_COURSE), { authorization: `JWT ${await token({ preferred_username: 'admin', administrator: true })}` });
    expect(response.statusCode).toBe(401);
    expect(response.json().developer_message).toContain('JWT sign-in is not configured');
  });
});

describe('throttling and health', () => {
  it('refuses an address after 30 failed sign-ins in a minute, before checking its credentials', async () => {
    fixture = await apiFixture();
    await seedEnrollment(fixture);
    for (let i = 0; i < 30; i++) expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: `Token guess-${i}` })).statusCode).toBe(401);
    const refused = await fixture.get(enrollment(DEMO_COURSE));
    expect(refused.statusCode).toBe(429);
    expect(refused.json().developer_message).toContain('Too many failed sign-ins');
  });

  it('counts failed sign-ins per forwarded address only behind a proxy it was told to believe', async () => {
    const statusFrom = async (api: ApiFixture, client: string, key = KEY) =>
      (await api.get(enrollment(DEMO_COURSE), { authorization: `Token ${key}`, 'x-forwarded-for': client })).statusCode;
    const behindProxy = (fixture = await apiFixture({ trustProxy: ['127.0.0.1'] }));
    await seedEnrollment(behindProxy);
    for (let i = 0; i < 30; i++) await statusFrom(behindProxy, '203.0.113.7', `guess-${i}`);
    expect(await statusFrom(behindProxy, '203.0.113.7')).toBe(429);
    expect(await statusFrom(behindProxy, '203.0.113.8')).toBe(200);
    await behindProxy.close();
    // By default the header is anyone's to write: the connection's address is the client's.
    const direct = (fixture = await apiFixture());
    await seedEnrollment(direct);
    for (let i = 0; i < 30; i++) await statusFrom(direct, '203.0.113.7', `guess-${i}`);
    expect(await statusFrom(direct, '203.0.113.8')).toBe(429);
  });

  it('answers 429 past the rate of a key, counting each key apart', async () => {
    fixture = await apiFixture({ rateLimit: { max: 5, timeWindowMs: 3_600_000 } });
    await seedEnrollment(fixture);
    await setApiKey(fixture.store, 'service', 'service-key');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fixture.get(enrollment(DEMO_COURSE))).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const throttled = await fixture.get(enrollment(DEMO_COURSE));
    expect(throttled.json().error_code).toBe('rate_limited');
    expect(throttled.headers['retry-after']).toBeDefined();
    expect((await fixture.get(enrollment(DEMO_COURSE), { authorization: 'Token service-key' })).statusCode).toBe(200);
  });

  it('/health/ is 200 with the store up and 503 UNAVAILABLE when it is down', async () => {
    fixture = await apiFixture();
    expect((await fixture.get('/health/', {})).json()).toEqual({ overall_status: 'OK', detailed_status: { default_db_status: 'OK', analytics_db_status: 'OK' } });
    await fixture.store.close();
    const down = await fixture.get('/health/', {});
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ overall_status: 'UNAVAILABLE', detailed_status: { default_db_status: 'UNAVAILABLE', analytics_db_status: 'UNAVAILABLE' } });
    await fixture.app.close();
    fixture = undefined;
  });

  it('redirects the legacy /api/v0/ operational paths and / to the docs', async () => {
    fixture = await apiFixture();
    for (const name of ['status', 'health', 'authenticated']) {
      const response = await fixture.get(`/api/v0/${name}/`, {});
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(`/${name}/`);
    }
    expect((await fixture.get('/', {})).headers.location).toBe('/docs');
  });
});

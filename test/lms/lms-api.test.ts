import { describe, expect, it } from 'vitest';
import { LmsApiClient, LmsApiError } from '../../src/lms/lms-api.js';
import { fakeLms, json, stopFakeLms } from '../helpers/fake-lms.js';

const settings = (baseUrl: string) => ({ baseUrl: `${baseUrl}/`, clientId: 'lantern', clientSecret: 's3cret', pageSize: 2 });

describe('LMS REST client', () => {
  it('gets a JWT with client credentials, follows the course list pages and reads each course\'s blocks', async () => {
    const lms = await fakeLms((request, response) => {
      const url = new URL(request.path, 'http://lms');
      if (url.pathname === '/oauth2/access_token') return json(response, 200, { access_token: 'tok-1', token_type: 'JWT', expires_in: 3600 });
      if (request.authorization !== 'JWT tok-1') return json(response, 401, { detail: 'no' });
      if (url.pathname === '/api/courses/v1/courses/') {
        const page = Number(url.searchParams.get('page') ?? '1');
        return json(response, 200, page === 1
          ? { results: [{ id: 'course-v1:A+B+C' }, { id: 'course-v1:Gone+B+C' }], pagination: { next: `${lms.url}/api/courses/v1/courses/?page=2&page_size=2` } }
          : { results: [{ course_id: 'course-v1:D+E+F' }], pagination: { next: null } });
      }
      if (url.pathname === '/api/courses/v1/blocks/') {
        const course = url.searchParams.get('course_id');
        if (course === 'course-v1:Gone+B+C') return json(response, 404, { detail: 'Not found.' });
        return json(response, 200, { root: `${course}-root`, blocks: { [`${course}-root`]: { id: `${course}-root`, type: 'course', display_name: 'X' } } });
      }
      json(response, 404, {});
    });
    const client = new LmsApiClient(settings(lms.url));
    const structure = await client.structure();
    expect(structure.courses).toEqual([{ id: 'course-v1:A+B+C' }, { id: 'course-v1:Gone+B+C' }, { course_id: 'course-v1:D+E+F' }]);
    expect(structure.blocks.map((answer) => (answer as { course_id: string }).course_id)).toEqual(['course-v1:A+B+C', 'course-v1:D+E+F']);

    const tokenRequests = lms.seen.filter((request) => request.path === '/oauth2/access_token');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0]!.body))).toEqual({
      grant_type: 'client_credentials', client_id: 'lantern', client_secret: 's3cret', token_type: 'jwt',
    });
    const blocksRequest = new URL(lms.seen.find((request) => request.path.startsWith('/api/courses/v1/blocks/'))!.path, 'http://lms');
    expect(Object.fromEntries(blocksRequest.searchParams)).toEqual({
      course_id: 'course-v1:A+B+C', all_blocks: 'true', depth: 'all', requested_fields: 'children',
    });
    expect(lms.seen.find((request) => request.path.startsWith('/api/courses/v1/courses/'))!.path).toBe('/api/courses/v1/courses/?page_size=2');
  });

  it('names the URL and HTTP status when the LMS refuses the client or fails', async () => {
    const refusing = await fakeLms((request, response) => json(response, 401, { error: 'invalid_client' }));
    const error = await new LmsApiClient(settings(refusing.url)).courses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LmsApiError);
    expect(error).toMatchObject({ status: 401, url: `${refusing.url}/oauth2/access_token` });
    expect((error as Error).message).toContain(`POST ${refusing.url}/oauth2/access_token answered HTTP 401`);

    const failing = await fakeLms((request, response) =>
      request.path === '/oauth2/access_token' ? json(response, 200, { access_token: 't', expires_in: 3600 }) : json(response, 500, { detail: 'boom' }));
    const failure = await new LmsApiClient(settings(failing.url)).courseBlocks('course-v1:A+B+C').catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ status: 500 });
    expect((failure as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/courses\/v1\/blocks\/\?course_id=course-v1%3AA%2BB%2BC&.* answered HTTP 500 Internal Server Error: \{"detail":"boom"\}$/);
  });

  it('names the URL when the LMS cannot be reached', async () => {
    const gone = await fakeLms(() => undefined);
    await stopFakeLms(gone);
    const error = await new LmsApiClient(settings(gone.url)).courses().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: undefined, url: `${gone.url}/oauth2/access_token` });
    expect((error as Error).message).toContain(`POST ${gone.url}/oauth2/access_token failed`);
  });

  it('gets a fresh token once when a call answers 401', async () => {
    let issued = 0;
    const lms = await fakeLms((request, response) => {
      if (request.path === '/oauth2/access_token') return json(response, 200, { access_token: `tok-${++issued}`, expires_in: 3600 });
      if (request.authorization !== 'JWT tok-2') return json(response, 401, { detail: 'expired' });
      json(response, 200, { results: [], pagination: { next: null } });
    });
    expect(await new LmsApiClient(settings(lms.url)).courses()).toEqual([]);
    expect(issued).toBe(2);
  });
});

describe('LMS course_ids API', () => {
  it("pages through the user's course team courses (role staff, 1000 a page)", async () => {
    const lms = await fakeLms((request, response) => {
      const url = new URL(request.path, 'http://lms');
      if (url.pathname === '/oauth2/access_token') return json(response, 200, { access_token: 'tok', expires_in: 3600 });
      if (url.pathname !== '/api/courses/v1/course_ids/') return json(response, 404, {});
      return json(response, 200, url.searchParams.get('page') === '2'
        ? { results: ['course-v1:C+D+E'], pagination: { next: null } }
        : { results: ['course-v1:A+B+C', 'edX/DemoX/Demo_Course'], pagination: { next: `${lms.url}/api/courses/v1/course_ids/?page=2` } });
    });
    expect(await new LmsApiClient(settings(lms.url)).staffCourseIds('ada')).toEqual(['course-v1:A+B+C', 'edX/DemoX/Demo_Course', 'course-v1:C+D+E']);
    const first = new URL(lms.seen.find((request) => request.path.startsWith('/api/courses/v1/course_ids/'))!.path, 'http://lms');
    expect(Object.fromEntries(first.searchParams)).toEqual({ username: 'ada', role: 'staff', page_size: '1000' });
  });
});

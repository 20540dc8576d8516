import { rm, utimes } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedDownloadUrl } from '../../src/api/queries/report-download-links.js';
import { openReportFolder, type StoredReportFile } from '../../src/store/report-folder/report-folder.js';
import { storeDateTime } from '../../src/store/store-values.js';
import { tempDir } from '../helpers/temp.js';
import { apiFixture, DEMO_COURSE, NEW_COURSE, type ApiFixture } from './api-fixture.js';

const CSV = 'username,answer\r\nada,"1,2"\r\n';
const FILE_NAME = 'edX_DemoX_Demo_Course_problem_response.csv';
const MODIFIED = new Date('2014-01-01T00:00:00Z');
const SIGNING_KEY = 'download-secret';
const REPORT = `/api/v0/courses/${DEMO_COURSE}/reports/problem_response/`;

let fixture: ApiFixture;
afterEach(async () => {
  await fixture?.close();
});

/** Records a written file as the problem response task does. */
async function record(file: StoredReportFile, courseId = DEMO_COURSE) {
  await fixture.insert('course_report_files', [
    { course_id: courseId, report_name: 'problem_response', file_name: file.name, location: file.location, file_size: file.size, last_modified: storeDateTime(file.lastModified), row_count: 1 },
  ]);
}

/** A file in a local folder under the fixture's dir, modified at MODIFIED. */
async function localReport(): Promise<StoredReportFile> {
  const written = await openReportFolder(path.join(fixture.dir, 'reports')).write(FILE_NAME, CSV);
  await utimes(written.location, MODIFIED, MODIFIED);
  const file = { ...written, lastModified: MODIFIED };
  await record(file);
  return file;
}

/** GET without a key, as a browser following the link would. */
function follow(url: string) {
  const link = new URL(url);
  return fixture.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
}

describe('GET /api/v0/courses/{course_id}/reports/{report_name}/ (local folder)', () => {
  it('answers the legacy keys and a signed link to this API that downloads the file without a key', async () => {
    fixture = await apiFixture({ downloadSigningKey: SIGNING_KEY, publicUrl: 'https://lantern.example.com/' });
    await localReport();
    const before = Date.now();
    const response = await fixture.get(REPORT);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Record<string, string | number>;
    expect(Object.keys(body)).toEqual(['course_id', 'report_name', 'download_url', 'last_modified', 'expiration_date', 'file_size']);
    expect(body).toMatchObject({ course_id: 'edX_DemoX_Demo_Course', report_name: 'problem_response', last_modified: '2014-01-01T000000', file_size: Buffer.byteLength(CSV) });
    const link = new URL(body.download_url as string);
    expect(`${link.origin}${link.pathname}`).toBe(`https://lantern.example.com/report-downloads/${encodeURIComponent(DEMO_COURSE)}/problem_response/`);
    const expires = Number(link.searchParams.get('expires'));
    expect(expires * 1000).toBeGreaterThanOrEqual(before + 119_000);
    expect(expires * 1000).toBeLessThanOrEqual(Date.now() + 120_000);
    const expiration = new Date(expires * 1000).toISOString();
    expect(body.expiration_date).toBe(`${expiration.slice(0, 10)}T${expiration.slice(11, 19).replace(/:/g, '')}`);

    const download = await follow(body.download_url as string);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    expect(download.headers['content-disposition']).toBe('attachment; filename=edX_DemoX_Demo_Course-problem_response-20140101T000000Z.csv');
    expect(download.body).toBe(CSV);
  });

  it("links to the request's own host without a public URL", async () => {
    fixture = await apiFixture();
    await localReport();
    const response = await fixture.get(REPORT, { authorization: 'Token test-key', host: 'api.example.org:8100' });
    const url = (response.json() as { download_url: string }).download_url;
    expect(url).toMatch(/^http:\/\/api\.example\.org:8100\/report-downloads\/edX%2FDemoX%2FDemo_Course\/problem_response\/\?expires=\d+&signature=[0-9a-f]{64}$/);
    expect((await follow(url)).body).toBe(CSV);
  });

  it('refuses a link that is altered, incomplete or expired (403)', async () => {
    fixture = await apiFixture({ downloadSigningKey: SIGNING_KEY });
    await localReport();
    const url = ((await fixture.get(REPORT)).json() as { download_url: string }).download_url;
    const link = new URL(url);
    const signature = link.searchParams.get('signature')!;
    const tampered = new URL(url);
    tampered.searchParams.set('signature', `${signature[0] === '0' ? '1' : '0'}${signature.slice(1)}`);
    const otherCourse = url.replace(encodeURIComponent(DEMO_COURSE), encodeURIComponent(NEW_COURSE));
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600));
    const expired = signedDownloadUrl('http://localhost', SIGNING_KEY, { courseId: DEMO_COURSE, reportName: 'problem_response', expires: Math.floor(Date.now() / 1000) - 1 });
    const unsigned = `${link.origin}${link.pathname}`;
    for (const bad of [tampered.href, otherCourse, later.href, expired, unsigned, `${unsigned}?expires=abc&signature=${signature}`]) {
      const response = await follow(bad);
      expect(response.statusCode, bad).toBe(403);
      expect(response.json()).toMatchObject({ error_code: 'download_link_invalid' });
    }
    const otherKey = signedDownloadUrl('http://localhost', 'another-key', { courseId: DEMO_COURSE, reportName: 'problem_response', expires: Math.floor(Date.now() / 1000) + 60 });
    expect((await follow(otherKey)).statusCode).toBe(403);
  });

  it('is 404 report_file_not_found for a report that is not served, not recorded, or whose file is gone', async () => {
    fixture = await apiFixture({ downloadSigningKey: SIGNING_KEY });
    expect((await fixture.get(REPORT)).json()).toMatchObject({ error_code: 'report_file_not_found' });
    const file = await localReport();
    expect((await fixture.get(`/api/v0/courses/${DEMO_COURSE}/reports/course_grades/`)).json()).toMatchObject({ error_code: 'report_file_not_found' });
    const url = ((await fixture.get(REPORT)).json() as { download_url: string }).download_url;
    await rm(file.location);
    const gone = await fixture.get(REPORT);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error_code: 'report_file_not_found' });
    expect((await follow(url)).json()).toMatchObject({ error_code: 'report_file_not_found' });
  });

  it('is 401 without a key and 403 for a course the key may not read', async () => {
    fixture = await apiFixture({ scope: { courses: [NEW_COURSE], orgs: null } });
    await localReport();
    expect((await fixture.get(REPORT, {})).statusCode).toBe(401);
    expect((await fixture.get(REPORT)).json()).toMatchObject({ error_code: 'course_not_permitted' });
  });

  it('documents the download route in OpenAPI, without a key', async () => {
    fixture = await apiFixture();
    const document = (await fixture.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, { get: { security?: unknown[]; responses: Record<string, { content?: object }> } }> };
    const download = document.paths['/report-downloads/{course_id}/{report_name}/']!.get;
    expect(download.security).toEqual([]);
    expect(Object.keys(download.responses['200']!.content!)).toEqual(['text/csv']);
    expect(document.paths['/api/v0/courses/{course_id}/reports/{report_name}/']).toBeDefined();
  });
});

describe('GET /api/v0/courses/{course_id}/reports/{report_name}/ (S3 folder)', () => {
  let server: S3rver;
  let endpoint: string;

  beforeAll(async () => {
    const dir = await tempDir();
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'reports', configs: [] }] });
    endpoint = `http://127.0.0.1:${((await server.run()) as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers the presigned S3 link, which names the download after the file', async () => {
    fixture = await apiFixture({ reportFolder: (location) => openReportFolder(location, { endpoint }), downloadLinkSeconds: 60 });
    const folder = openReportFolder('s3://reports/lantern/problem-response', { endpoint });
    try {
      const file = await folder.write(FILE_NAME, CSV);
      await record(file);
      const body = (await fixture.get(REPORT)).json() as { download_url: string; last_modified: string; file_size: number };
      expect(body.download_url).toMatch(/X-Amz-Expires=60/);
      expect(body.file_size).toBe(Buffer.byteLength(CSV));
      const download = await fetch(body.download_url);
      expect(download.status).toBe(200);
      const stamp = body.last_modified.replace(/-/g, '');
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename=edX_DemoX_Demo_Course-problem_response-${stamp}Z.csv`);
      expect(await download.text()).toBe(CSV);
    } finally {
      folder.close();
    }
  });
});

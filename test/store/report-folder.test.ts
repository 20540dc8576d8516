import { readFile, readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportFolder, type ReportFolder } from '../../src/store/report-folder/report-folder.js';
import { tempDir } from '../helpers/temp.js';

const CSV = 'username,answer\r\nada,"1,2"\r\n';

describe('report folders', () => {
  let server: S3rver;
  let endpoint: string;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir();
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'reports', configs: [] }] });
    endpoint = `http://127.0.0.1:${((await server.run()) as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  async function roundTrip(folder: ReportFolder) {
    const written = await folder.write('edX_DemoX_Demo_Course_problem_response.csv', CSV);
    expect(written).toMatchObject({ name: 'edX_DemoX_Demo_Course_problem_response.csv', size: Buffer.byteLength(CSV) });
    expect(Math.abs(written.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await folder.stat('edX_DemoX_Demo_Course_problem_response.csv')).toEqual(written);
    expect(await folder.stat('missing.csv')).toBeUndefined();
    expect(await text(await folder.open(written.name))).toBe(CSV);
    return written;
  }

  it('writes a local file atomically (no staging file left) and makes no link', async () => {
    const folder = openReportFolder(path.join(dir, 'local', 'reports'));
    const written = await roundTrip(folder);
    expect(written.location).toBe(path.join(dir, 'local', 'reports', 'edX_DemoX_Demo_Course_problem_response.csv'));
    expect(await readdir(path.join(dir, 'local', 'reports'))).toEqual(['edX_DemoX_Demo_Course_problem_response.csv']);
    expect(await readFile(written.location, 'utf8')).toBe(CSV);
    expect(await folder.downloadLink(written.name, { expiresIn: 120, fileName: 'x.csv' })).toBeUndefined();
    await expect(folder.stat('../escape.csv')).rejects.toThrow(/invalid report file name "..\/escape.csv"/);
  });

  it('writes to an S3 prefix and hands out a presigned link that downloads the file under its name', async () => {
    const folder = openReportFolder('s3://reports/lantern/problem-response', { endpoint });
    try {
      const written = await roundTrip(folder);
      expect(written.location).toBe('s3://reports/lantern/problem-response/edX_DemoX_Demo_Course_problem_response.csv');
      const link = await folder.downloadLink(written.name, { expiresIn: 120, fileName: 'edX_DemoX_Demo_Course-problem_response-20140101T000000Z.csv' });
      expect(link).toMatch(/X-Amz-Expires=120/);
      const response = await fetch(link!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename=edX_DemoX_Demo_Course-problem_response-20140101T000000Z.csv');
      expect(await response.text()).toBe(CSV);
    } finally {
      folder.close();
    }
  });

  it('names the object when S3 refuses the write', async () => {
    const folder = openReportFolder('s3://no-such-bucket/reports', { endpoint });
    try {
      await expect(folder.write('a.csv', CSV)).rejects.toThrow(/cannot write s3:\/\/no-such-bucket\/reports\/a\.csv/);
    } finally {
      folder.close();
    }
  });
});

import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrlFromCredentials, readCredentials } from '../../src/config/credentials.js';
import { effectiveDatabases, resolveDatabaseUrl } from '../../src/config/database-targets.js';
import { maskUrl } from '../../src/config/database-url.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { tempDir } from '../helpers/temp.js';

const PASSWORD = 'p@ss:w/rd#?%&é';
const CREDENTIALS = JSON.stringify({ host: 'db.example.com', port: 3307, username: 'lantern@reports', password: PASSWORD, driver: 'mysql' });

describe('database credentials files (the legacy {host, port, username, password})', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('become a mysql:// URL with user and password encoded, which decodes back', async () => {
    const file = path.join(dir, 'store.json');
    await writeFile(file, CREDENTIALS);
    const url = await resolveDatabaseUrl({ credentials: file, databaseName: 'reports' });
    expect(url).toBe('mysql://lantern%40reports:p%40ss%3Aw%2Frd%23%3F%25%26%C3%A9@db.example.com:3307/reports');
    const parsed = new URL(url!);
    expect([decodeURIComponent(parsed.username), decodeURIComponent(parsed.password), parsed.hostname, parsed.port, parsed.pathname]).toEqual([
      'lantern@reports',
      PASSWORD,
      'db.example.com',
      '3307',
      '/reports',
    ]);
    expect(maskUrl(url!)).toBe('mysql://lantern%40reports:***@db.example.com:3307/reports');
  });

  it('takes a port as text, defaults it to 3306, and prefers a URL when one is given', async () => {
    expect(databaseUrlFromCredentials({ host: '::1', port: 3306, username: 'u', password: '' }, 'edxapp')).toBe('mysql://u:@[::1]:3306/edxapp');
    const file = path.join(dir, 'text-port.json');
    await writeFile(file, JSON.stringify({ host: 'h', port: '3310', username: 'u', password: 'p' }));
    expect(await readCredentials(file)).toEqual({ host: 'h', port: 3310, username: 'u', password: 'p' });
    await writeFile(file, JSON.stringify({ host: 'h', username: 'u', password: 'p' }));
    expect((await readCredentials(file)).port).toBe(3306);
    expect(await resolveDatabaseUrl({ url: 'sqlite:/x.sqlite', credentials: file, databaseName: 'r' })).toBe('sqlite:/x.sqlite');
    expect(await resolveDatabaseUrl({ databaseName: 'r' })).toBeUndefined();
  });

  it('never quotes the file in errors', async () => {
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, `{"host": "h", "password": "${PASSWORD}",}`);
    await expect(readCredentials(broken)).rejects.toThrow(`the credentials file ${broken} is not JSON`);
    const incomplete = path.join(dir, 'incomplete.json');
    await writeFile(incomplete, JSON.stringify({ host: 'h', password: 42 }));
    const error = (await readCredentials(incomplete).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(`the credentials file ${incomplete} needs {host, port, username, password}; wrong or missing: username, password`);
    await expect(readCredentials(path.join(dir, 'none.json'))).rejects.toThrow(/cannot read the credentials file .*none\.json: it does not exist/);
  });

  it('are used over a URL set with lower precedence, and lose to one set with higher', async () => {
    const file = path.join(dir, 'lms.json');
    await writeFile(file, CREDENTIALS);
    const credentialsFlag = await loadSettings({ env: { LANTERN_LMS_DB: 'mysql://a:b@replica/edxapp' }, flags: { lmsCredentials: file } });
    expect(await effectiveDatabases(credentialsFlag)).toEqual({
      store: { url: 'sqlite:./lantern-data/reports.sqlite', origin: 'default' },
      lms: { url: expect.stringMatching(/^mysql:\/\/lantern%40reports:.*@db\.example\.com:3307\/edxapp$/), origin: `credentials ${file} (flag --lms-credentials)` },
    });
    const urlFlag = await loadSettings({ env: { LANTERN_LMS_CREDENTIALS: file }, flags: { lmsUrl: 'mysql://a:b@replica/edxapp' } });
    expect((await effectiveDatabases(urlFlag)).lms).toEqual({ url: 'mysql://a:b@replica/edxapp', origin: 'flag --lms-db' });
  });

  describe('on S3 (against s3rver)', () => {
    let server: S3rver;
    let endpoint: string;
    beforeAll(async () => {
      process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
      process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
      server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'secure', configs: [] }] });
      const address = (await server.run()) as AddressInfo;
      endpoint = `http://127.0.0.1:${address.port}`;
      const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1' });
      await client.send(new PutObjectCommand({ Bucket: 'secure', Key: 'pipeline/output.json', Body: CREDENTIALS }));
      client.destroy();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('are read from an s3:// URL through the configured endpoint', async () => {
      const config = path.join(dir, 's3.cfg');
      await writeFile(config, `[database-export]\ncredentials = s3://secure/pipeline/output.json\ndatabase = reports\n[s3]\nendpoint = ${endpoint}\n`);
      const settings = await loadSettings({ env: {}, configFiles: [config] });
      const { store } = await effectiveDatabases(settings);
      expect(new URL(store.url).password).toBe(encodeURIComponent(PASSWORD));
      expect(store.url).toMatch(/^mysql:\/\/lantern%40reports:.*@db\.example\.com:3307\/reports$/);
      expect(store.origin).toBe(`credentials s3://secure/pipeline/output.json (file ${config}, [database-export] credentials (line 2))`);
    });

    it('name the object when it cannot be read', async () => {
      await expect(readCredentials('s3://secure/pipeline/missing.json', { s3Endpoint: endpoint })).rejects.toThrow(
        /cannot read the credentials file: cannot read s3:\/\/secure\/pipeline\/missing\.json: /,
      );
    });
  });
});

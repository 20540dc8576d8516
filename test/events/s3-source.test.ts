import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readFile, readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import { loadEvents } from '../../src/events/event-loader.js';
import { parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { tempDir } from '../helpers/temp.js';

describe('an S3 source (against s3rver)', () => {
  let server: S3rver;
  let endpoint: string;
  let dir: string;
  let site: GenerateSummary;

  beforeAll(async () => {
    dir = await tempDir();
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'tracking', configs: [] }] });
    const address = (await server.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${address.port}`;
    site = await generateSite({ out: path.join(dir, 'site'), learners: 40, days: 4, start: '2026-05-04', seed: 3 });
    const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1' });
    for (const group of await readdir(path.join(dir, 'site', 'logs'))) {
      for (const name of await readdir(path.join(dir, 'site', 'logs', group))) {
        const body = await readFile(path.join(dir, 'site', 'logs', group, name));
        await client.send(new PutObjectCommand({ Bucket: 'tracking', Key: `prod/logs/${group}/${name}`, Body: body }));
      }
    }
    await client.send(new PutObjectCommand({ Bucket: 'tracking', Key: 'prod/logs/README.txt', Body: 'not a log' }));
    client.destroy();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the bucket prefix with server groups and loads the same events as the local copy', async () => {
    const source = await openLogSource('s3://tracking/prod/logs', { endpoint });
    const files = await source.list();
    expect(files.filter((file) => file.relativePath.endsWith('.gz')).map((file) => file.group).sort()).toEqual(
      ['edxapp-01', 'edxapp-01', 'edxapp-01', 'edxapp-01', 'edxapp-02', 'edxapp-02', 'edxapp-02', 'edxapp-02'],
    );
    const engine = await createEngine({ dataDir: ':memory:' });
    try {
      const report = await loadEvents(source, engine, { interval: parseInterval('2026-05-04-2026-05-09'), dataDir: dir });
      expect(report.totals.events).toBe(site.events);
      expect(report.ignoredFiles).toBe(1);
      expect(report.files[0]!.file.uri).toMatch(/^s3:\/\/tracking\/prod\/logs\/edxapp-01\/tracking\.log-20260504-\d+\.gz$/);
      const [stored] = await engine.query<{ n: bigint }>('select count(*) as n from events');
      expect(Number(stored!.n)).toBe(site.events);
    } finally {
      await engine.close();
    }
  });

  it('names the bucket when it cannot be listed', async () => {
    const source = await openLogSource('s3://no-such-bucket/logs', { endpoint });
    await expect(source.list()).rejects.toThrow(/cannot list the log source s3:\/\/no-such-bucket\/logs/);
  });
});

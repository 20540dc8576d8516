import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { freePort } from '../../src/demo/free-port.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.ts');


describe('lantern api-key', () => {
  it('sets, refuses a key in use, lists and deletes keys in the store', async () => {
    const store = `sqlite:${path.join(await tempDir(), 'reports.sqlite')}`;
    expect(await runCli('api-key', 'set', 'edx', 'edx', '--store', store)).toMatchObject({ code: 0, stdout: 'edx has a new key, reading every course' });
    const limited = await runCli('api-key', 'set', 'ada', 'ada-key', '--courses', 'course-v1:edX+DemoX+Demo_2014', '--orgs', 'MITx,HarvardX', '--store', store);
    expect(limited.stdout).toBe('ada has a new key, reading courses course-v1:edX+DemoX+Demo_2014 and orgs MITx, HarvardX');
    const taken = await runCli('api-key', 'set', 'bob', 'edx', '--store', store);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("the key is in use by another user; bob's key was not changed");
    const listed = (await runCli('api-key', 'list', '--store', store)).stdout.split('\n');
    expect(listed.map((line) => line.split('\t').slice(0, 2))).toEqual([
      ['ada', 'courses: course-v1:edX+DemoX+Demo_2014; orgs: MITx, HarvardX'],
      ['edx', 'every course'],
    ]);
    expect((await runCli('api-key', 'delete', 'ada', '--store', store)).stdout).toBe("ada's key was deleted");
    expect((await runCli('api-key', 'delete', 'ada', '--store', store)).code).toBe(1);
  });
});

describe('lantern api', () => {
  it('serves the store with JSON request logs and exits 0 on SIGTERM', async () => {
    const store = `sqlite:${path.join(await tempDir(), 'reports.sqlite')}`;
    await runCli('api-key', 'set', 'edx', 'edx', '--store', store);
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'api', '--store', store, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    try {
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        status = await fetch(`http://127.0.0.1:${port}/status/`).then((response) => response.status, () => 0);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
      const authenticated = await fetch(`http://127.0.0.1:${port}/authenticated/`, { headers: { authorization: 'Token edx' } });
      expect(authenticated.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/authenticated/`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    const lines = logs.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; res?: { statusCode: number } });
    expect(lines.map((line) => line.msg)).toContain('shutting down: finishing the requests in flight');
    expect(lines.filter((line) => line.res).map((line) => line.res!.statusCode)).toEqual(expect.arrayContaining([200, 401]));
    expect(logs).not.toContain('Token edx');
  });

  it('exits 2 naming the address when the port is taken', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const store = `sqlite:${path.join(await tempDir(), 'reports.sqlite')}`;
      const result = await runCli('api', '--store', store, '--port', String(port));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
    } finally {
      server.close();
    }
  });
});

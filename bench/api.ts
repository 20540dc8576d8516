// bench:api — the data API against a plain static file server serving the same JSON bytes, measured in the same run
// with autocannon on loopback. Store: 1,000 courses × 365 days of enrollment rows, with their summaries.
// Usage: npm run bench:api [-- --seconds 10 --connections 10]   (the store is cached under lantern-data/bench/api)
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setApiKey } from '../src/store/api-keys.js';
import { openStore } from '../src/store/open-store.js';
import type { ReportsStore } from '../src/store/reports-store.js';
import { freePort } from '../src/demo/free-port.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' }, 'data-dir': { type: 'string', default: 'lantern-data/bench' } },
});
const COURSES = 1000;
const DAYS = 365;
const MODES = ['audit', 'verified', 'honor', 'professional', 'credit', 'masters'];
const KEY = 'bench-key';
const benchDir = path.resolve(values['data-dir']!, 'api');
const storeFile = path.join(benchDir, `reports-${COURSES}x${DAYS}.sqlite`);
const courseId = (i: number) => `course-v1:BenchX+C${String(i).padStart(4, '0')}+2025`;

async function fillStore(store: ReportsStore): Promise<void> {
  console.log(`writing ${(COURSES * DAYS).toLocaleString('en-US')} enrollment rows and ${COURSES * MODES.length} summary rows to ${storeFile} …`);
  const first = Date.UTC(2025, 0, 1);
  await store.db.transaction().execute(async (db) => {
    for (let i = 0; i < COURSES; i++) {
      const daily = Array.from({ length: DAYS }, (_, day) => ({
        course_id: courseId(i),
        date: new Date(first + day * 86_400_000).toISOString().slice(0, 10),
        count: 1000 + ((i * 7 + day * 13) % 500),
        cumulative_count: 1000 + day * 3,
      }));
      for (let at = 0; at < daily.length; at += 200) await db.insertInto('course_enrollment_daily').values(daily.slice(at, at + 200)).execute();
      await db
        .insertInto('course_meta_summary_enrollment')
        .values(MODES.map((mode, m) => ({
          course_id: courseId(i), catalog_course_title: `Bench course ${i}`, catalog_course: `BenchX+C${i}`, start_time: '2025-01-01 00:00:00',
          end_time: '2025-12-31 00:00:00', pacing_type: 'self_paced', availability: 'Current', enrollment_mode: mode,
          count: 100 + m, cumulative_count: 200 + m, count_change_7_days: m, passing_users: m,
        })))
        .execute();
    }
  });
}


async function startServer(args: string[], port: number, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LANTERN_LOG_LEVEL: 'info' } });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${ready}`)).status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`the server ${args.join(' ')} did not start`);
}

interface Load {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
}

async function load(base: string, paths: readonly string[], headers: Record<string, string>): Promise<Load> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  await mkdir(benchDir, { recursive: true });
  const fresh = !existsSync(storeFile);
  const store = await openStore(`sqlite:${storeFile}`, { migrate: true });
  try {
    if (fresh) await fillStore(store);
    await setApiKey(store, 'bench', KEY);
  } finally {
    await store.close();
  }

  const apis = [
    { name: 'Lantern', args: [] as string[] },
    { name: 'Lantern, no answer cache', args: ['--cache-seconds', '0'] },
  ];
  const servers: ChildProcess[] = [];
  try {
    const started = [];
    for (const api of apis) {
      const port = await freePort();
      const args = ['dist/src/cli/bin.js', 'api', '--store', `sqlite:${storeFile}`, '--port', String(port), '--rate-limit', 'off', ...api.args];
      servers.push(await startServer(args, port, '/status/'));
      started.push({ ...api, base: `http://127.0.0.1:${port}` });
    }
    const headers = { authorization: `Token ${KEY}`, accept: 'application/json' };
    const endpoints = [
      { name: 'courses/{id}/enrollment/', paths: Array.from({ length: COURSES }, (_, i) => `/api/v0/courses/${courseId(i)}/enrollment/`) },
      { name: 'course_summaries/', paths: ['/api/v0/course_summaries/'] },
    ];
    const staticDir = path.join(benchDir, 'static');
    const staticPaths = await copyAnswers(started[0]!.base, endpoints, headers, staticDir);
    const staticPort = await freePort();
    servers.push(await startServer(['dist/bench/static-server.js', staticDir, String(staticPort)], staticPort, '/e0/0.json'));

    console.log(`\nbench:api (${values.connections} connections, ${values.seconds} s each; target: ≥ 50 % of the static server's req/s and p99 < 25 ms)`);
    console.log('| endpoint | server | req/s | p99 | static req/s | static p99 | ratio |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const endpoint of endpoints) {
      const baseline = await load(`http://127.0.0.1:${staticPort}`, staticPaths.get(endpoint.name)!, {});
      for (const api of started) {
        const lantern = await load(api.base, endpoint.paths, headers);
        if (lantern.errors + baseline.errors > 0) console.log(`(errors: ${api.name} ${lantern.errors}, static ${baseline.errors})`);
        const ratio = lantern.requestsPerSecond / baseline.requestsPerSecond;
        console.log(
          `| ${endpoint.name} | ${api.name} | ${Math.round(lantern.requestsPerSecond).toLocaleString('en-US')} | ${lantern.p99Ms} ms | ` +
            `${Math.round(baseline.requestsPerSecond).toLocaleString('en-US')} | ${baseline.p99Ms} ms | ${(ratio * 100).toFixed(0)} % |`,
        );
      }
    }
  } finally {
    for (const server of servers) server.kill('SIGTERM');
  }
}

/** The static server gets the very bytes the API answered, one file per URL. */
async function copyAnswers(base: string, endpoints: { name: string; paths: string[] }[], headers: Record<string, string>, staticDir: string) {
  await rm(staticDir, { recursive: true, force: true });
  const staticPaths = new Map<string, string[]>();
  for (const [e, endpoint] of endpoints.entries()) {
    await mkdir(path.join(staticDir, `e${e}`), { recursive: true });
    const files: string[] = [];
    for (const [i, urlPath] of endpoint.paths.entries()) {
      const response = await fetch(`${base}${urlPath}`, { headers });
      if (!response.ok) throw new Error(`GET ${urlPath} answered ${response.status}: ${await response.text()}`);
      const file = `/e${e}/${i}.json`;
      await writeFile(path.join(staticDir, file), Buffer.from(await response.arrayBuffer()));
      files.push(file);
    }
    staticPaths.set(endpoint.name, files);
  }
  return staticPaths;
}

await main();

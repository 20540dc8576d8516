// bench:ingest — `lantern events load` against `gzip -dc` of the same files, measured in the same run.
// Usage: npm run bench:ingest [-- --events N]   (default 1,000,000 events; the data set is cached under lantern-data/bench)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { generateSite, type GenerateSummary } from '../src/demo/generate.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, 'data-dir': { type: 'string', default: 'lantern-data/bench' } } });
const targetEvents = Number(values.events);
const benchDir = path.resolve(values['data-dir']!);

/** About 95 events per learner over 30 days in the generated sites. */
async function dataSet(events: number): Promise<GenerateSummary> {
  const out = path.join(benchDir, `ingest-${events}`);
  const manifest = path.join(out, 'site.json');
  if (existsSync(manifest)) return JSON.parse(await readFile(manifest, 'utf8')) as GenerateSummary;
  console.log(`generating a data set of about ${events.toLocaleString('en-US')} events in ${out} …`);
  return generateSite({ out, learners: Math.ceil(events / 90), days: 30, start: '2026-09-01', seed: 42 });
}

async function logFiles(site: GenerateSummary): Promise<string[]> {
  const logs = path.join(site.out, 'logs');
  const files: string[] = [];
  for (const group of await readdir(logs)) for (const name of await readdir(path.join(logs, group))) files.push(path.join(logs, group, name));
  return files;
}

async function timeGzip(files: string[]): Promise<number> {
  const started = performance.now();
  await run('sh', ['-c', 'gzip -dc "$@" > /dev/null', 'gzip', ...files], { maxBuffer: 1 << 20 });
  return (performance.now() - started) / 1000;
}

async function timeLoad(site: GenerateSummary): Promise<{ seconds: number; events: number; peakRssMiB: number }> {
  const dataDir = path.join(benchDir, `engine-${site.events}`);
  await rm(dataDir, { recursive: true, force: true });
  const child = path.join(import.meta.dirname, 'measure-load.js');
  const { stdout } = await run(process.execPath, [child, path.join(site.out, 'logs'), `${site.start}-2026-10-02`, dataDir], { maxBuffer: 1 << 24 });
  await rm(dataDir, { recursive: true, force: true });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; events: number; peakRssMiB: number };
}

const rows: string[] = [];
for (const size of [Math.ceil(targetEvents / 4), targetEvents]) {
  const site = await dataSet(size);
  const files = await logFiles(site);
  const gzipSeconds = await timeGzip(files);
  const load = await timeLoad(site);
  const ratio = load.seconds / gzipSeconds;
  rows.push(
    `${load.events.toLocaleString('en-US').padStart(10)} events  load ${load.seconds.toFixed(2)} s (${Math.round(load.events / load.seconds).toLocaleString('en-US')} events/s, peak ${Math.round(load.peakRssMiB)} MiB)` +
      `  gzip -dc ${gzipSeconds.toFixed(2)} s  ratio ${ratio.toFixed(2)}x`,
  );
  console.log(rows[rows.length - 1]);
}
console.log('\nbench:ingest (target: ratio ≤ 2.0x gzip -dc, peak memory flat as data grows)');
for (const row of rows) console.log(row);

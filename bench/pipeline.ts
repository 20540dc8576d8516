// bench:pipeline — the bench:ingest data set through every report (`lantern run all`), against `gzip -dc` of the
// same files in the same run; then one more day of logs arrives and the run is repeated.
// Usage: npm run bench:pipeline [-- --events N]   (default 1,000,000 events; data cached under lantern-data/bench)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { generateSite, type GenerateSummary } from '../src/demo/generate.js';
import { addDays } from '../src/events/interval.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, 'data-dir': { type: 'string', default: 'lantern-data/bench' } } });
const targetEvents = Number(values.events);
const benchDir = path.resolve(values['data-dir']!);
const DAYS = 31;
const cores = availableParallelism();

/** The site of bench:ingest plus one day: the last day's files are held back for the incremental run. */
async function dataSet(events: number): Promise<GenerateSummary> {
  const out = path.join(benchDir, `pipeline-${events}`);
  const manifest = path.join(out, 'site.json');
  // A site generated before sites carried their course structure files is generated again.
  if (existsSync(manifest) && existsSync(path.join(out, 'course_blocks.json'))) return JSON.parse(await readFile(manifest, 'utf8')) as GenerateSummary;
  console.log(`generating a data set of about ${events.toLocaleString('en-US')} events in ${out} …`);
  return generateSite({ out, learners: Math.ceil(events / 90), days: DAYS, start: '2026-09-01', seed: 42 });
}

/** Log files by whether their name date is the last day (the day that "arrives" later). */
async function logFiles(site: GenerateSummary, lastDay: string): Promise<{ history: string[]; lastDay: string[] }> {
  const logs = path.join(site.out, 'logs');
  const files = { history: [] as string[], lastDay: [] as string[] };
  const stamp = lastDay.replaceAll('-', '');
  for (const group of await readdir(logs)) {
    for (const name of await readdir(path.join(logs, group))) {
      (name.includes(`-${stamp}`) ? files.lastDay : files.history).push(path.join(logs, group, name));
    }
  }
  return files;
}

async function timeGzip(files: string[]): Promise<number> {
  const started = performance.now();
  await run('sh', ['-c', 'gzip -dc "$@" > /dev/null', 'gzip', ...files], { maxBuffer: 1 << 20 });
  return (performance.now() - started) / 1000;
}

interface Measured {
  exitCode: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  output: string;
}

async function lanternRun(args: string[]): Promise<Measured> {
  const child = path.join(import.meta.dirname, 'measure-run.js');
  const { stdout } = await run(process.execPath, [child, ...args], { maxBuffer: 1 << 26 });
  const lines = stdout.trim().split('\n');
  const figures = JSON.parse(lines.pop()!) as Omit<Measured, 'output'>;
  if (figures.exitCode !== 0) throw new Error(`lantern ${args.join(' ')} exited ${figures.exitCode}:\n${lines.join('\n')}`);
  return { ...figures, output: lines.join('\n') };
}

const site = await dataSet(targetEvents);
const lastDay = addDays(site.start, DAYS - 1);
const files = await logFiles(site, lastDay);
const heldBack = path.join(site.out, 'held-back');
await mkdir(heldBack, { recursive: true });
const moved = files.lastDay.map((file) => ({ from: file, to: path.join(heldBack, path.relative(path.join(site.out, 'logs'), file).replaceAll('/', '__')) }));
for (const { from, to } of moved) await rename(from, to);

const work = path.join(benchDir, `pipeline-run-${targetEvents}`);
await rm(work, { recursive: true, force: true });
const args = [
  'run', 'all',
  '--source', path.join(site.out, 'logs'),
  '--interval', `${site.start}-${addDays(lastDay, 1)}`,
  '--end-date', addDays(lastDay, 1),
  '--date', addDays(lastDay, 1),
  '--weeks', '4',
  '--lms-db', `sqlite:${path.join(site.out, 'lms.sqlite')}`,
  '--store', `sqlite:${path.join(work, 'reports.sqlite')}`,
  '--data-dir', work,
  '--course-structure', site.out,
  '--reports-dir', path.join(work, 'report-files'),
];
try {
  const gzipSeconds = await timeGzip(files.history);
  const full = await lanternRun(args);
  const again = await lanternRun(args);
  for (const { from, to } of moved) await rename(to, from);
  const gzipDay = await timeGzip(files.lastDay);
  const incremental = await lanternRun(args);
  const events = Number(/([\d,]+) events from/.exec(full.output)?.[1]?.replaceAll(',', '') ?? NaN);
  console.log(full.output);
  console.log('\nbench:pipeline (target: full run ≤ 3.0x gzip -dc; one more day ≈ one day of work)');
  console.log(
    `full run      ${full.seconds.toFixed(2)} s  ${events.toLocaleString('en-US')} events  ${Math.round(events / full.seconds).toLocaleString('en-US')} events/s  ` +
      `peak ${Math.round(full.peakRssMiB)} MiB  gzip -dc ${gzipSeconds.toFixed(2)} s  ratio ${(full.seconds / gzipSeconds).toFixed(2)}x`,
  );
  // The run's CPU time (all its threads) spread over every core: what the same work would take with no core ever idle.
  const allBusy = full.cpuSeconds / cores;
  console.log(
    `              cpu ${full.cpuSeconds.toFixed(2)} s on ${cores} cores: ${allBusy.toFixed(2)} s with all busy throughout, ratio ` +
      `${(allBusy / gzipSeconds).toFixed(2)}x; the run kept ${(full.cpuSeconds / full.seconds).toFixed(2)} busy on average`,
  );
  console.log(`same again    ${again.seconds.toFixed(2)} s  (nothing to do)`);
  console.log(
    `one more day  ${incremental.seconds.toFixed(2)} s  (${(incremental.seconds / full.seconds * 100).toFixed(1)}% of the full run; gzip -dc of that day's files ${gzipDay.toFixed(2)} s)`,
  );
  console.log(incremental.output.split('\n').filter((line) => line.startsWith('Events')).join('\n'));
} finally {
  for (const { from, to } of moved) if (existsSync(to)) await rename(to, from);
  await rm(work, { recursive: true, force: true });
}

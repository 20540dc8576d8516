import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { addDays } from '../../src/events/interval.js';
import { tempDir } from '../helpers/temp.js';
import { runCli } from '../helpers/cli.js';

// A run killed while it publishes leaves the previous reports readable and complete, and the next run finishes.

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.ts');
const START = '2026-04-06';
const DAYS = 14;
const END = addDays(START, DAYS);
const REPORTS = ['course_enrollment_daily', 'course_enrollment_mode_daily', 'course_enrollment_gender_daily', 'course_meta_summary_enrollment'];

function runArgs(dir: string): string[] {
  return [
    'run', 'enrollment',
    '--source', path.join(dir, 'logs'),
    '--interval', `${START}-${END}`,
    '--lms-db', `sqlite:${path.join(dir, 'lms.sqlite')}`,
    '--store', `sqlite:${path.join(dir, 'reports.sqlite')}`,
    '--data-dir', path.join(dir, 'data'),
  ];
}

function snapshot(reports: Database.Database) {
  const tables = Object.fromEntries(REPORTS.map((table) => [table, reports.prepare(`select * from ${table} order by id`).all()]));
  return { tables, marker: reports.prepare(`select * from lantern_task_markers where task_id = 'enrollment'`).get() };
}

function stagingTables(reports: Database.Database): string[] {
  return (reports.prepare(`select name from sqlite_master where type = 'table' and name like '%\\_\\_staging' escape '\\'`).all() as { name: string }[]).map((row) => row.name);
}

/** Starts a run in a child process and stops it (SIGSTOP) as soon as it has staging tables; null if it finished first. */
async function stopDuringPublish(dir: string, reports: Database.Database): Promise<ChildProcess | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...runArgs(dir)], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    if (stagingTables(reports).length > 0) {
      child.kill('SIGSTOP');
      return child;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return null;
}

it('keeps the previous reports when a run is killed during publish, and the next run completes them', { timeout: 120_000 }, async () => {
  const dir = await tempDir();
  await generateSite({ out: dir, courses: 12, learners: 900, days: DAYS, start: START, seed: 3 });
  const logs = path.join(dir, 'logs');
  const lastDay = addDays(END, -1).replaceAll('-', '');
  const later: string[] = [];
  for (const group of await readdir(logs)) for (const name of await readdir(path.join(logs, group))) if (name.includes(`-${lastDay}`)) later.push(path.join(group, name));
  await mkdir(path.join(dir, 'later'));
  for (const file of later) await rename(path.join(logs, file), path.join(dir, 'later', file.replace('/', '__')));

  expect((await runCli(...runArgs(dir))).code).toBe(0);
  const reports = new Database(path.join(dir, 'reports.sqlite'), { readonly: true });
  try {
    const previous = snapshot(reports);
    expect(previous.tables.course_enrollment_daily!.length).toBeGreaterThan(100);

    // New logs arrive, so the next run publishes new reports; it is killed while it writes them.
    for (const file of later) await rename(path.join(dir, 'later', file.replace('/', '__')), path.join(logs, file));
    let child: ChildProcess | null = null;
    for (let attempt = 0; attempt < 5 && child === null; attempt += 1) child = await stopDuringPublish(dir, reports);
    expect(child, 'the run was never caught while publishing').not.toBeNull();
    expect(stagingTables(reports).length).toBeGreaterThan(0);
    expect(snapshot(reports)).toEqual(previous);
    const killed = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGKILL');
    await killed;
    expect(snapshot(reports)).toEqual(previous);

    const rerun = await runCli(...runArgs(dir));
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/enrollment\s+ran/);
    expect(stagingTables(reports)).toEqual([]);
    const completed = snapshot(reports);
    expect(completed.marker).not.toEqual(previous.marker);
    expect(completed.tables.course_enrollment_daily).not.toEqual(previous.tables.course_enrollment_daily);
  } finally {
    reports.close();
  }
});

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
  let done = false;
  child.once('exit', () => (done = true));
  while (!done) {
    // Polls without yielding for a while (the child runs on its own), then lets the exit event through.
    const until = performance.now() + 25;
    while (performance.now() < until) {
      if (stagingTables(reports).length > 0) {
        child.kill('SIGSTOP');
        return child;
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return null;
}

const HELD_BACK_DAYS = 4;

it('keeps the previous reports when a run is killed during publish, and the next run completes them', { timeout: 180_000 }, async () => {
  const dir = await tempDir();
  await generateSite({ out: dir, courses: 12, learners: 900, days: DAYS, start: START, seed: 3 });
  const logs = path.join(dir, 'logs');
  // The last days' files arrive one day per attempt, so every attempt has new reports to publish.
  const arrivals: string[][] = [];
  await mkdir(path.join(dir, 'later'));
  for (let back = HELD_BACK_DAYS; back >= 1; back -= 1) {
    const stamp = addDays(END, -back).replaceAll('-', '');
    const files: string[] = [];
    for (const group of await readdir(logs)) for (const name of await readdir(path.join(logs, group))) if (name.includes(`-${stamp}`)) files.push(path.join(group, name));
    for (const file of files) await rename(path.join(logs, file), path.join(dir, 'later', file.replace('/', '__')));
    arrivals.push(files);
  }

  expect((await runCli(...runArgs(dir))).code).toBe(0);
  const reports = new Database(path.join(dir, 'reports.sqlite'), { readonly: true });
  try {
    expect(snapshot(reports).tables.course_enrollment_daily!.length).toBeGreaterThan(100);
    let child: ChildProcess | null = null;
    let previous = snapshot(reports);
    for (const files of arrivals) {
      previous = snapshot(reports);
      for (const file of files) await rename(path.join(dir, 'later', file.replace('/', '__')), path.join(logs, file));
      child = await stopDuringPublish(dir, reports);
      if (child) break;
    }
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

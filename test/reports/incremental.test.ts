import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { addDays, parseInterval } from '../../src/events/interval.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import { openStore } from '../../src/store/open-store.js';
import { runPipeline, storeRows } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

const START = '2026-03-02';
const DAYS = 8;
const END = addDays(START, DAYS);
const TABLES = ['course_enrollment_daily', 'course_enrollment_mode_daily', 'course_enrollment_gender_daily', 'course_activity', 'course_enrollment_location_current'];
const TASKS = ['enrollment', 'activity', 'location'];
const params = { interval: parseInterval(`${START}-${END}`), endDate: END, weeks: 1, date: '2026-11-29' };

async function markers(dir: string) {
  const store = await openStore(`sqlite:${path.join(dir, 'reports.sqlite')}`);
  try {
    return await store.db.selectFrom('lantern_task_markers').selectAll().orderBy('task_id').execute();
  } finally {
    await store.close();
  }
}

async function contents(dir: string) {
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map(({ id: _id, created: _created, ...row }) => JSON.stringify(row)).sort();
  return Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, strip(await storeRows(dir, table))] as const)));
}

/** The log files named for the site's last day: the day that "arrives" later. */
async function lastDayFiles(logs: string): Promise<string[]> {
  const stamp = addDays(END, -1).replaceAll('-', '');
  const files: string[] = [];
  for (const group of await readdir(logs)) for (const name of await readdir(path.join(logs, group))) if (name.includes(`-${stamp}`)) files.push(path.join(group, name));
  return files;
}

describe('idempotent and incremental runs', () => {
  let dir: string;
  let first: RunReport;
  let again: RunReport;
  let arrived: RunReport;
  let newFiles: string[];
  let before: Awaited<ReturnType<typeof markers>>;
  let afterAgain: Awaited<ReturnType<typeof markers>>;

  beforeAll(async () => {
    dir = await tempDir();
    await generateSite({ out: dir, courses: 3, learners: 150, days: DAYS, start: START, seed: 9 });
    const logs = path.join(dir, 'logs');
    newFiles = await lastDayFiles(logs);
    await mkdir(path.join(dir, 'later'));
    for (const file of newFiles) await rename(path.join(logs, file), path.join(dir, 'later', file.replace('/', '__')));
    const lmsUrl = `sqlite:${path.join(dir, 'lms.sqlite')}`;
    first = await runPipeline({ dir, tasks: TASKS, params, lmsUrl });
    before = await markers(dir);
    again = await runPipeline({ dir, tasks: TASKS, params, lmsUrl });
    afterAgain = await markers(dir);
    for (const file of newFiles) await rename(path.join(dir, 'later', file.replace('/', '__')), path.join(logs, file));
    arrived = await runPipeline({ dir, tasks: TASKS, params, lmsUrl });
  });

  it('runs every task the first time', () => {
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual(['ran', 'ran', 'ran']);
    expect(first.events?.load?.files.length).toBeGreaterThan(10);
  });

  it('does nothing the second time: no file read, no table written', async () => {
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(['up-to-date', 'up-to-date', 'up-to-date']);
    expect(again.events?.load?.files).toEqual([]);
    expect(again.events?.plan.days.filter((day) => day.reason)).toEqual([]);
    expect(before.map((marker) => marker.task_id)).toEqual(['activity', 'enrollment', 'location']);
    expect(afterAgain).toEqual(before);
  });

  it('reads only the new files when a day of logs arrives, and updates the tasks that read that day', async () => {
    expect(newFiles).toHaveLength(2);
    expect(arrived.events?.load?.files.map((file) => file.file.relativePath).sort()).toEqual([...newFiles].sort());
    expect(arrived.events?.load?.heldFiles).toBeGreaterThan(10);
    const stale = arrived.events?.plan.days.filter((day) => day.reason).map((day) => day.date);
    expect(stale).toEqual([addDays(END, -3), addDays(END, -2), addDays(END, -1)]);
    // The new file can hold events of the two days before it, which the week of the activity report includes.
    expect(arrived.outcomes.map((outcome) => [outcome.task, outcome.status, outcome.reason])).toEqual([
      ['enrollment', 'ran', 'events of 3 days new or changed'],
      ['activity', 'ran', 'events of 2 days new or changed'],
      ['location', 'ran', 'events of 3 days new or changed'],
    ]);
  });

  it('ends with the same reports as one run over all the logs', async () => {
    const fresh = await tempDir();
    await generateSite({ out: fresh, courses: 3, learners: 150, days: DAYS, start: START, seed: 9 });
    await runPipeline({ dir: fresh, tasks: TASKS, params, lmsUrl: `sqlite:${path.join(fresh, 'lms.sqlite')}` });
    expect(await contents(dir)).toEqual(await contents(fresh));
  });
});

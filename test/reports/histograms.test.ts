import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { parseInterval } from '../../src/events/interval.js';
import { histogramsTask } from '../../src/reports/histograms/histograms-task.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import { asComparableRows, expectedRows } from '../helpers/expected-rows.js';
import { conformanceLms, storeRows } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

/** Runs the histograms task alone (no events) on the LMS file `dir/lms.sqlite`, with the store in `dir/reports.sqlite`. */
async function runHistograms(dir: string, lmsUrl = `sqlite:${path.join(dir, 'lms.sqlite')}`): Promise<RunReport> {
  return runPipeline({
    tasks: [histogramsTask],
    params: { interval: parseInterval('2026-11-28'), endDate: '2026-11-29', weeks: 1, date: '2026-11-29' },
    storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
    lmsUrl,
    engine: { dataDir: path.join(dir, 'data') },
  });
}

/** Rows as text for comparison, with the double columns as numbers first: the CSV spells 0 as 0.0. */
function comparable(rows: readonly (string | null)[][], columns: readonly string[], doubles: readonly string[]) {
  const numeric = columns.map((column) => doubles.includes(column));
  return rows
    .map((row) => row.map((cell, index) => (cell !== null && numeric[index] ? String(Number(cell)) : cell)))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('grade and subsection-open histograms (GradeDist/SeqOpenDistFromSqoopToMySQLWorkflow)', () => {
  let dir: string;
  let report: RunReport;
  beforeAll(async () => {
    dir = await tempDir();
    report = await runHistograms(dir, conformanceLms(dir, ['courseware_studentmodule_for_histograms.sql']));
  });

  it('runs with no events', () => {
    expect(report.events).toBeUndefined();
    expect(report.outcomes).toMatchObject([
      { task: 'histograms', status: 'ran', rows: { grade_distribution: 6, sequential_open_distribution: 2 } },
    ]);
  });

  it('reproduces grade_distribution', async () => {
    const expected = expectedRows('grade_distribution.csv');
    const doubles = ['grade', 'max_grade'];
    const actual = await storeRows(dir, 'grade_distribution');
    expect(actual.every((row) => typeof row.grade === 'number' && typeof row.count === 'number')).toBe(true);
    expect(comparable(asComparableRows(actual, expected.columns), expected.columns, doubles)).toEqual(
      comparable(expected.rows, expected.columns, doubles),
    );
  });

  it('reproduces sequential_open_distribution', async () => {
    const expected = expectedRows('sequential_open_distribution.csv');
    expect(asComparableRows(await storeRows(dir, 'sequential_open_distribution'), expected.columns)).toEqual(expected.rows);
  });

  it('is up to date when the LMS table has not changed', async () => {
    const again = await runHistograms(dir);
    expect(again.outcomes).toMatchObject([{ task: 'histograms', status: 'up-to-date' }]);
  });

  it('needs the LMS database', async () => {
    const other = await tempDir();
    const withoutLms = await runPipeline({
      tasks: [histogramsTask],
      params: { interval: parseInterval('2026-11-28'), endDate: '2026-11-29', weeks: 1, date: '2026-11-29' },
      storeUrl: `sqlite:${path.join(other, 'reports.sqlite')}`,
      engine: { dataDir: path.join(other, 'data') },
    });
    expect(withoutLms.outcomes).toMatchObject([{ task: 'histograms', status: 'missing-input' }]);
  });
});

interface StudentModule {
  module_type: string;
  module_id: string;
  course_id: string;
  grade: number | null;
  max_grade: number | null;
}

describe('histograms of a generated site', () => {
  it('count the LMS rows as counted here from lms.sqlite', async () => {
    const dir = await tempDir();
    await generateSite({ out: dir, courses: 2, learners: 80, days: 10, start: '2026-09-07', seed: 11 });
    const lms = new Database(path.join(dir, 'lms.sqlite'), { readonly: true });
    const modules = lms.prepare('select module_type, module_id, course_id, grade, max_grade from courseware_studentmodule').all() as StudentModule[];
    lms.close();

    const grades = new Map<string, number>();
    const opens = new Map<string, number>();
    for (const module of modules) {
      if (module.grade !== null) {
        const key = JSON.stringify([module.module_id, module.course_id, module.grade, module.max_grade]);
        grades.set(key, (grades.get(key) ?? 0) + 1);
      }
      if (module.module_type === 'sequential') {
        const key = JSON.stringify([module.module_id, module.course_id]);
        opens.set(key, (opens.get(key) ?? 0) + 1);
      }
    }
    expect(grades.size).toBeGreaterThan(0);
    expect(opens.size).toBeGreaterThan(0);

    const report = await runHistograms(dir);
    expect(report.outcomes).toMatchObject([{ task: 'histograms', status: 'ran' }]);
    // Only the rows counted come from the LMS: the graded ones and the subsections (videos, for one, are left there).
    const counted = modules.filter((module) => module.grade !== null || module.module_type === 'sequential').length;
    expect(counted).toBeLessThan(modules.length);
    expect(report.lmsTables).toEqual({ courseware_studentmodule: counted });
    const published = (table: string, columns: readonly string[]) =>
      storeRows(dir, table).then((rows) => rows.map((row) => [JSON.stringify(columns.map((column) => row[column])), row.count]).sort());
    expect(await published('grade_distribution', ['module_id', 'course_id', 'grade', 'max_grade'])).toEqual([...grades].sort());
    expect(await published('sequential_open_distribution', ['module_id', 'course_id'])).toEqual([...opens].sort());
  });
});

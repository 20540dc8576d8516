import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openLogSource } from '../../src/events/open-source.js';
import { parseInterval } from '../../src/events/interval.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import { tagsTask } from '../../src/reports/tags/tags-task.js';
import { asComparableRows, expectedRows } from '../helpers/expected-rows.js';
import { placeConformanceLog, storeRows } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

const COLUMNS = ['course_id', 'org_id', 'module_id', 'tag_name', 'tag_value', 'total_submissions', 'correct_submissions'];

/** Runs the tags task alone over `dir/logs`, with the store in `dir/reports.sqlite`. */
async function runTags(dir: string, interval: string): Promise<RunReport> {
  return runPipeline({
    tasks: [tagsTask],
    params: { interval: parseInterval(interval), endDate: '2026-11-29', weeks: 1, date: '2026-11-29' },
    storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
    source: await openLogSource(path.join(dir, 'logs')),
    engine: { dataDir: path.join(dir, 'data') },
  });
}

describe('tags distribution (TagsDistributionWorkflow)', () => {
  it('reproduces tags_distribution over 2010-01-01-2020-01-01', async () => {
    const dir = await tempDir();
    await placeConformanceLog(dir, 'tags_dist_acceptance_tracking.log', 'tracking.log-20150801.gz');
    const report = await runTags(dir, '2010-01-01-2020-01-01');
    expect(report.outcomes[0]).toMatchObject({ task: 'tags', status: 'ran', rows: { tags_distribution: 30 } });
    const expected = expectedRows('tags_distribution.csv');
    expect(expected.columns).toEqual(COLUMNS);
    expect(asComparableRows(await storeRows(dir, 'tags_distribution'), COLUMNS)).toEqual(expected.rows);

    // Ten years of days to plan again for one unchanged file: nothing to read or compute.
    const again = await runTags(dir, '2010-01-01-2020-01-01');
    expect(again.outcomes[0]).toMatchObject({ task: 'tags', status: 'up-to-date' });
  });
});

interface Check {
  readonly time: string;
  readonly course?: string;
  readonly problem?: string;
  readonly correct?: boolean;
  readonly tags?: unknown;
  readonly source?: string;
  readonly page?: string;
}

const COURSE = 'course-v1:Org+Tags+2026';
const block = (name: string) => `block-v1:Org+Tags+2026+type@problem+block@${name}`;

function problemCheck(check: Check): string {
  const asides = check.tags === undefined ? {} : { tagging_aside: { saved_tags: check.tags } };
  return JSON.stringify({
    time: check.time,
    event_type: 'problem_check',
    event_source: check.source ?? 'server',
    username: 'learner',
    page: check.page ?? 'x_module',
    context: { user_id: 7, ...(check.course ? { course_id: check.course, org_id: 'Org' } : {}), asides },
    event: { problem_id: check.problem, success: check.correct ? 'correct' : 'incorrect' },
  });
}

describe('tags distribution edge cases (events made here)', () => {
  it('takes the tags of the latest submission, counts all, and expands list values', async () => {
    const dir = await tempDir();
    const lines = [
      // p1: tagged early, latest untagged: no rows (as upstream).
      { time: '2026-09-01T10:00:00+00:00', course: COURSE, problem: block('p1'), correct: true, tags: { difficulty: 'Easy' } },
      { time: '2026-09-02T10:00:00+00:00', course: COURSE, problem: block('p1'), correct: false, tags: {} },
      // p2: the latest tags win; a list gives one row per value (repeats once); a null value gives none.
      { time: '2026-09-01T09:00:00+00:00', course: COURSE, problem: block('p2'), correct: true, tags: { difficulty: 'Hard' } },
      { time: '2026-09-02T11:00:00+02:00', course: COURSE, problem: block('p2'), correct: true, tags: { difficulty: 'Medium', outcome: ['A', 'B', 'A'], gone: null } },
      { time: '2026-09-02T08:00:00+00:00', course: COURSE, problem: block('p2'), correct: false },
      // Not counted: a browser problem_check, a course only in the URL, no problem_id, outside the interval.
      { time: '2026-09-02T12:00:00+00:00', course: COURSE, problem: block('p2'), correct: true, source: 'browser', tags: { difficulty: 'X' } },
      { time: '2026-09-02T12:00:00+00:00', problem: block('p2'), correct: true, page: `https://lms/courses/${COURSE}/courseware/`, tags: { difficulty: 'Y' } },
      { time: '2026-09-02T12:00:00+00:00', course: COURSE, correct: true, tags: { difficulty: 'Z' } },
      { time: '2026-09-04T12:00:00+00:00', course: COURSE, problem: block('p2'), correct: true, tags: { difficulty: 'Later' } },
    ].map(problemCheck);
    await mkdir(path.join(dir, 'logs', 'lms-1'), { recursive: true });
    await writeFile(path.join(dir, 'logs', 'lms-1', 'tracking.log-20260903.gz'), gzipSync(`${lines.join('\n')}\n`));

    const report = await runTags(dir, '2026-09-01-2026-09-04');
    expect(report.outcomes[0]).toMatchObject({ task: 'tags', status: 'ran' });
    expect(asComparableRows(await storeRows(dir, 'tags_distribution'), COLUMNS)).toEqual([
      [COURSE, 'Org', block('p2'), 'difficulty', 'Medium', '3', '2'],
      [COURSE, 'Org', block('p2'), 'outcome', 'A', '3', '2'],
      [COURSE, 'Org', block('p2'), 'outcome', 'B', '3', '2'],
    ]);
  });
});

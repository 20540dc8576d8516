import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { addDays, parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import { tagsTask } from '../../src/reports/tags/tags-task.js';
import { storeRows } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

// tags_distribution of a generated site against counts made here from the raw lines: per problem, every server
// problem_check is a submission (correct when success is 'correct'), and the tags are those of its latest one.

interface Check {
  time: string;
  event_type: string;
  event_source: string;
  context: { course_id: string; asides?: { tagging_aside?: { saved_tags?: Record<string, string | string[]> } } };
  event: { problem_id: string; success: string };
}

it('counts submissions per tagged problem and tag value as the raw lines say', async () => {
  const dir = await tempDir();
  const start = '2026-05-04';
  const days = 6;
  await generateSite({ out: dir, courses: 2, learners: 60, days, start, seed: 21 });
  const checks: Check[] = [];
  for (const group of await readdir(path.join(dir, 'logs'))) {
    for (const name of await readdir(path.join(dir, 'logs', group))) {
      for (const line of gunzipSync(await readFile(path.join(dir, 'logs', group, name))).toString('utf8').split('\n')) {
        if (!line.includes('"problem_check"')) continue;
        const event = JSON.parse(line) as Check;
        if (event.event_type === 'problem_check' && event.event_source === 'server') checks.push(event);
      }
    }
  }
  const problems = new Map<string, { course: string; total: number; correct: number; latest: Check }>();
  for (const check of checks) {
    const entry = problems.get(check.event.problem_id) ?? { course: check.context.course_id, total: 0, correct: 0, latest: check };
    entry.total += 1;
    if (check.event.success === 'correct') entry.correct += 1;
    if (Date.parse(check.time) > Date.parse(entry.latest.time)) entry.latest = check;
    problems.set(check.event.problem_id, entry);
  }
  const expected: string[] = [];
  for (const [problem, entry] of problems) {
    for (const [tag, values] of Object.entries(entry.latest.context.asides?.tagging_aside?.saved_tags ?? {})) {
      for (const value of [values].flat()) expected.push([entry.course, problem, tag, value, entry.total, entry.correct].join(' '));
    }
  }
  expect(expected.length).toBeGreaterThan(10);

  const report = await runPipeline({
    tasks: [tagsTask],
    params: { interval: parseInterval(`${start}-${addDays(start, days + 1)}`), endDate: start, weeks: 1, date: start },
    storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
    source: await openLogSource(path.join(dir, 'logs')),
    engine: { dataDir: path.join(dir, 'data') },
  });
  expect(report.outcomes[0]).toMatchObject({ task: 'tags', status: 'ran' });
  const rows = await storeRows(dir, 'tags_distribution');
  expect(rows.map((row) => [row.course_id, row.module_id, row.tag_name, row.tag_value, row.total_submissions, row.correct_submissions].join(' ')).sort()).toEqual(
    expected.sort(),
  );
});

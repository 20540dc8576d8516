import { parse } from 'csv-parse/sync';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { addDays, parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { problemResponseTask } from '../../src/reports/problem-response/problem-response-task.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import { tempDir } from '../helpers/temp.js';

// The report of a generated site against expectations made here from the raw log lines, in plain TypeScript.

interface RawCheck {
  username: string;
  time: string;
  context: { course_id: string };
  event: { problem_id: string; grade: number; max_grade: number; answers: Record<string, string>; correct_map: Record<string, { correctness: string }> };
}

async function serverProblemChecks(logs: string, interval: { start: string; end: string }): Promise<RawCheck[]> {
  const checks: RawCheck[] = [];
  for (const group of await readdir(logs)) {
    for (const name of await readdir(path.join(logs, group))) {
      for (const line of gunzipSync(await readFile(path.join(logs, group, name))).toString('utf8').split('\n')) {
        let event: Record<string, unknown>;
        try {
          event = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (event['event_type'] !== 'problem_check' || event['event_source'] !== 'server') continue;
        const day = new Date(String(event['time'])).toISOString().slice(0, 10);
        if (day >= interval.start && day < interval.end) checks.push(event as unknown as RawCheck);
      }
    }
  }
  return checks;
}

const seconds = (time: string) => `${new Date(time).toISOString().slice(0, 19)}Z`;

describe('problem response report of a generated site', () => {
  it('has one row per learner and problem answered, with the latest answer and the attempts of the interval', async () => {
    const out = await tempDir();
    const start = '2026-09-01';
    const site = await generateSite({ out, courses: 2, learners: 40, days: 4, start, seed: 11 });
    const interval = { start: addDays(start, 1), end: addDays(start, 3) };
    const blocks: unknown[] = [];
    for (const name of await readdir(path.join(out, 'courses'))) {
      const document = JSON.parse(await readFile(path.join(out, 'courses', name), 'utf8')) as object;
      blocks.push({ ...document, course_id: site.courses.find((id) => `${id.replace(/[^A-Za-z0-9]+/g, '_')}.json` === name) });
    }
    const outputDir = path.join(out, 'reports');
    const report = await runPipeline({
      tasks: [problemResponseTask],
      params: { interval: parseInterval(`${interval.start}-${interval.end}`), endDate: interval.end, weeks: 1, date: interval.end, reportsDir: outputDir },
      structure: async () => ({ courses: [], blocks }),
      storeUrl: `sqlite:${path.join(out, 'reports.sqlite')}`,
      source: await openLogSource(path.join(out, 'logs')),
      engine: { dataDir: path.join(out, 'data') },
    });
    expect(report.outcomes[0]).toMatchObject({ status: 'ran' });

    const checks = await serverProblemChecks(path.join(out, 'logs'), interval);
    expect(checks.length).toBeGreaterThan(20);
    const expected = new Map<string, string[][]>();
    const groups = new Map<string, RawCheck[]>();
    for (const check of checks) {
      const key = `${check.context.course_id}\t${check.event.problem_id}\t${check.username}`;
      groups.set(key, [...(groups.get(key) ?? []), check]);
    }
    for (const group of groups.values()) {
      const sorted = group.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
      const last = sorted.at(-1)!;
      const rows = expected.get(last.context.course_id) ?? [];
      for (const [answerId, answer] of Object.entries(last.event.answers)) {
        const correctness = last.event.correct_map[answerId]?.correctness;
        rows.push([
          last.username, last.event.problem_id, answerId, last.event.grade.toFixed(1), last.event.max_grade.toFixed(1),
          correctness === 'correct' ? 'True' : 'False', answer, String(sorted.length), seconds(sorted[0]!.time), seconds(last.time),
        ]);
      }
      expected.set(last.context.course_id, rows);
    }

    const sort = (rows: string[][]) => rows.map((row) => row.join('\t')).sort();
    for (const [courseId, rows] of expected) {
      const file = path.join(outputDir, `${courseId.replace(/^course-v1:/, '').replace(/[^A-Za-z0-9_.-]/g, '_')}_problem_response.csv`);
      const records = parse(await readFile(file, 'utf8'), { columns: true }) as Record<string, string>[];
      const actual = records.map((record) => [
        record['username']!, record['problem_id']!, record['answer_id']!, record['score']!, record['max_score']!, record['correct']!,
        record['answer']!, record['total_attempts']!, record['first_attempt_date']!, record['last_attempt_date']!,
      ]);
      expect(sort(actual)).toEqual(sort(rows));
      // Every generated problem is in the outline: no deleted-block locations, and rows follow the outline.
      expect(records.every((record) => !record['location']!.startsWith('(Deleted block :)'))).toBe(true);
    }
  });
});

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { answerDistributionTask } from '../../src/reports/answer-distribution/answer-distribution-task.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import { placeConformanceLog, storeRows } from '../helpers/pipeline.js';
import { CONFORMANCE_INPUT, tempDir } from '../helpers/temp.js';

const FIXTURE = 'answer_dist_acceptance_tracking.log';

/** Runs the answer distribution alone over `dir/logs` (the legacy read all history: a wide interval here). */
async function runAnswerDistribution(dir: string, interval = '2010-01-01-2030-01-01'): Promise<RunReport> {
  return runPipeline({
    tasks: [answerDistributionTask],
    params: { interval: parseInterval(interval), endDate: '2026-11-29', weeks: 1, date: '2026-11-29' },
    storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
    source: await openLogSource(path.join(dir, 'logs')),
    engine: { dataDir: path.join(dir, 'data') },
  });
}

// Expected counts made here from the raw lines in plain TypeScript: per learner and problem the first and last server
// problem_check, each answered part counted under its raw answer (a list as [a|b]); a part is shown when the latest
// check that answers it gives one of the legacy response types.

const SHOWN_TYPES = ['choiceresponse', 'optionresponse', 'multiplechoiceresponse', 'numericalresponse', 'stringresponse', 'formularesponse'];

interface RawCheck {
  username: string;
  time: string;
  context: { course_id?: string; module?: { display_name?: string } };
  event: { problem_id: string; answers: Record<string, unknown>; submission?: Record<string, { response_type?: string; question?: string }> };
}

function serverChecks(lines: readonly string[]): RawCheck[] {
  const checks: RawCheck[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const raw = JSON.parse(line) as Record<string, unknown>;
    if (raw['event_type'] !== 'problem_check' || raw['event_source'] !== 'server') continue;
    checks.push(raw as unknown as RawCheck);
  }
  return checks;
}

const shown = (value: unknown) => (Array.isArray(value) ? `[${value.join('|')}]` : String(value).trim());

interface PartExpectation {
  counts: Map<string, { first: number; last: number }>;
  latestTime: number;
  responseType: string | undefined;
  displayName: string | undefined;
  question: string | undefined;
}

function expectedDistribution(checks: readonly RawCheck[]): Map<string, PartExpectation> {
  const byLearner = new Map<string, RawCheck[]>();
  for (const check of checks) {
    const key = [check.context.course_id, check.event.problem_id, check.username].join('\n');
    byLearner.set(key, [...(byLearner.get(key) ?? []), check]);
  }
  const parts = new Map<string, PartExpectation>();
  for (const list of byLearner.values()) {
    list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    for (const [check, category] of [[list[0]!, 'first'], [list[list.length - 1]!, 'last']] as const) {
      const ids = Object.keys(check.event.submission ?? check.event.answers).filter((id) => !/_(dynamath|comment)$/.test(id));
      for (const id of ids) {
        const key = `${check.context.course_id}\n${id}`;
        const part = parts.get(key) ?? { counts: new Map(), latestTime: -Infinity, responseType: undefined, displayName: undefined, question: undefined };
        const value = shown(check.event.answers[id]);
        const counts = part.counts.get(value) ?? { first: 0, last: 0 };
        counts[category] += 1;
        part.counts.set(value, counts);
        if (Date.parse(check.time) >= part.latestTime) {
          part.latestTime = Date.parse(check.time);
          part.responseType = check.event.submission?.[id]?.response_type;
          part.displayName = check.context.module?.display_name;
        }
        parts.set(key, part);
      }
    }
  }
  for (const [key, part] of parts) if (!SHOWN_TYPES.includes(part.responseType ?? '')) parts.delete(key);
  return parts;
}

/** The store's rows as { "course\npart": { value: [first, last] } }, a value being the value id, else the answer text. */
function actualCounts(rows: readonly Record<string, unknown>[]): Record<string, Record<string, [number, number]>> {
  const result: Record<string, Record<string, [number, number]>> = {};
  for (const row of rows) {
    const part = (result[`${String(row.course_id)}\n${String(row.part_id)}`] ??= {});
    part[String(row.value_id ?? row.answer_value_text ?? '')] = [Number(row.first_response_count), Number(row.last_response_count)];
  }
  return result;
}

function expectedCounts(parts: Map<string, PartExpectation>): Record<string, Record<string, [number, number]>> {
  return Object.fromEntries(
    [...parts].map(([key, part]) => [key, Object.fromEntries([...part.counts].map(([value, counts]) => [value, [counts.first, counts.last]]))]),
  );
}

describe('answer distribution on the conformance fixture', () => {
  let dir: string;
  let report: RunReport;
  let rows: Record<string, unknown>[];
  let expected: Map<string, PartExpectation>;

  beforeAll(async () => {
    dir = await tempDir();
    // Its events run from 2014-04-18 to 2014-08-26; the legacy read the file whatever its name.
    await placeConformanceLog(dir, FIXTURE, 'tracking.log-20140502.gz');
    report = await runAnswerDistribution(dir);
    rows = await storeRows(dir, 'answer_distribution');
    expected = expectedDistribution(serverChecks((await readFile(path.join(CONFORMANCE_INPUT, FIXTURE), 'utf8')).split('\n')));
  });

  it('meets the upstream assertions: 3 courses, each with a row answered at a last check', () => {
    expect(report.outcomes[0]).toMatchObject({ task: 'answer-distribution', status: 'ran' });
    const courses = new Set(rows.map((row) => row.course_id));
    expect([...courses].sort()).toEqual(['course-v1:edX+DemoX+Test_2014', 'edX/E929/2014_T2', 'edX/Open_DemoX/edx_demo_course']);
    for (const course of courses) expect(rows.some((row) => row.course_id === course && Number(row.last_response_count) > 0)).toBe(true);
  });

  it('counts first and last responses per part and answer value as the raw lines give them', () => {
    expect(expected.size).toBeGreaterThan(10);
    expect(actualCounts(rows)).toEqual(expectedCounts(expected));
  });

  it('takes the problem and display name of the latest answer of each part', () => {
    for (const row of rows) {
      const part = expected.get(`${String(row.course_id)}\n${String(row.part_id)}`)!;
      expect(row.problem_display_name).toBe(part.displayName ?? null);
    }
  });

  it('shows value ids with their answer text, list answers as [a|b], numbers parsed, correctness as 1/0', () => {
    const choices = rows.filter((row) => String(row.value_id ?? '').startsWith('['));
    expect(choices.length).toBeGreaterThan(0);
    for (const row of choices) expect(String(row.answer_value_text)).toMatch(/^\[.*\]$/);
    const multiple = rows.filter((row) => row.value_id !== null && !String(row.value_id).startsWith('['));
    expect(multiple.length).toBeGreaterThan(0);
    for (const row of multiple) expect(row.answer_value_text).not.toMatch(/<[a-z]/i);
    for (const row of rows) {
      const number = Number(row.answer_value_text);
      expect(row.answer_value_numeric).toBe(row.answer_value_text !== null && String(row.answer_value_text).trim() !== '' && Number.isFinite(number) ? number : null);
      expect([0, 1]).toContain(row.correct);
      expect(row.variant).toBeNull();
    }
  });

  it('is up to date when run again over the same file', async () => {
    const again = await runAnswerDistribution(dir);
    expect(again.outcomes[0]).toMatchObject({ task: 'answer-distribution', status: 'up-to-date' });
  });
});

// Hand-made events: one learner per case in edX/DemoX/Demo_Course on 2014-05-02.

const COURSE = 'edX/DemoX/Demo_Course';
const PROBLEM = 'i4x://edX/DemoX/problem/p1';
const part = (n: number) => `i4x-edX-DemoX-problem-p1_${n}_1`;

function check(username: string, second: number, event: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    username,
    event_type: 'problem_check',
    event_source: 'server',
    time: `2014-05-02T10:00:${String(second).padStart(2, '0')}.000000+00:00`,
    page: 'x_module',
    context: { user_id: 1, course_id: COURSE, org_id: 'edX', module: { display_name: 'Problem One' } },
    event,
    ...extra,
  });
}

const submission = (answer: unknown, extra: Record<string, unknown> = {}) => ({
  question: 'Pick one',
  answer,
  response_type: 'optionresponse',
  input_type: 'optioninput',
  correct: typeof answer === 'string' && answer.trim() === 'right',
  variant: '',
  ...extra,
});

function optionCheck(username: string, second: number, answer: string): string {
  return check(username, second, { problem_id: PROBLEM, answers: { [part(2)]: answer }, submission: { [part(2)]: submission(answer) } });
}

describe('answer distribution of hand-made events', () => {
  let dir: string;
  let report: RunReport;
  let rows: Record<string, unknown>[];

  beforeAll(async () => {
    dir = await tempDir();
    const lines = [
      // ann: first "wrong", then "right" twice: wrong counts first, right counts last.
      optionCheck('ann', 1, 'wrong'),
      optionCheck('ann', 2, 'right'),
      optionCheck('ann', 3, 'right'),
      // bob: one check is both first and last.
      optionCheck('bob', 4, ' right '),
      // A checkbox part with choice ids and HTML texts; a hidden _dynamath part; an image part (not shown); a numeric
      // part with a variant.
      check('cid', 5, {
        problem_id: PROBLEM,
        answers: { [part(3)]: ['choice_0', 'choice_2'], [`${part(4)}_dynamath`]: '<math/>', [part(5)]: '[1,2]', [part(6)]: '2.50' },
        submission: {
          [part(3)]: submission(['<p>A &amp; B</p>', '<b>C</b>'], { response_type: 'choiceresponse', correct: true }),
          [`${part(4)}_dynamath`]: submission('<math/>', { response_type: 'formularesponse' }),
          [part(5)]: submission('[1,2]', { response_type: 'imageresponse' }),
          [part(6)]: submission('2.50', { response_type: 'numericalresponse', variant: 7, correct: true }),
        },
      }),
      // An older check without submission (its seed is the variant) and a newer one with the same choice, grouped
      // together (a missing variant counts as '1'); the same choice under another variant is another row.
      check('dan', 15, { problem_id: PROBLEM, answers: { [part(7)]: 'choice_1' }, correct_map: { [part(7)]: { correctness: 'correct' } }, state: { seed: 1 } }),
      check('dan', 16, { problem_id: PROBLEM, answers: { [part(7)]: 'choice_1' }, submission: { [part(7)]: submission('<b>One</b>', { response_type: 'multiplechoiceresponse', correct: true }) } }),
      check('eve', 17, { problem_id: PROBLEM, answers: { [part(7)]: 'choice_1' }, submission: { [part(7)]: submission('<b>One</b>', { response_type: 'multiplechoiceresponse', correct: true, variant: '2' }) } }),
      // Skipped, each a reason.
      check('bad1', 6, { problem_id: PROBLEM }),
      check('bad2', 7, { problem_id: PROBLEM, answers: {} }),
      check('bad3', 8, { problem_id: PROBLEM, answers: { [`${part(2)}\tx`]: 'right' } }),
      check('bad4', 9, { problem_id: PROBLEM, answers: { [part(2)]: 'right' }, submission: { [`${part(2)}é`]: submission('right') } }),
      check('bad5', 10, { problem_id: PROBLEM, answers: { [part(2)]: 'right' }, submission: 'not an object' }),
      check('bad6', 11, { problem_id: PROBLEM, answers: ['right'] }),
      check('bad7', 12, { answers: { [part(2)]: 'right' } }),
      // Not read at all: a browser check, a course only in the URL.
      check('other', 13, { problem_id: PROBLEM, answers: { [part(2)]: 'wrong' } }, { event_source: 'browser' }),
      check('other', 14, { problem_id: PROBLEM, answers: { [part(2)]: 'wrong' } }, { context: { user_id: 2 } }),
    ];
    await mkdir(path.join(dir, 'logs', 'lms-1'), { recursive: true });
    await writeFile(path.join(dir, 'logs', 'lms-1', 'tracking.log-20140502.gz'), gzipSync(`${lines.join('\n')}\n`));
    report = await runAnswerDistribution(dir);
    rows = await storeRows(dir, 'answer_distribution');
  });

  it('counts each skipped event in the notes and publishes the good ones', () => {
    expect(report.outcomes[0]).toMatchObject({ task: 'answer-distribution', status: 'ran', rows: { answer_distribution: 6 } });
    expect(report.outcomes[0]!.notes).toEqual([
      '1 problem_check events skipped: answers not object',
      '2 problem_check events skipped: malformed answer ids',
      '2 problem_check events skipped: missing answers',
      '1 problem_check events skipped: missing problem id',
      '1 problem_check events skipped: submission not object',
    ]);
  });

  it('counts first and last answers per value, with the latest metadata', () => {
    const byValue = (value: string) => rows.find((row) => row.part_id === part(2) && row.answer_value_text === value);
    const common = { course_id: COURSE, module_id: PROBLEM, value_id: null, variant: null, problem_display_name: 'Problem One', question_text: 'Pick one' };
    expect(byValue('right')).toMatchObject({ ...common, correct: 1, first_response_count: 1, last_response_count: 2, answer_value_numeric: null });
    expect(byValue('wrong')).toMatchObject({ ...common, correct: 0, first_response_count: 1, last_response_count: 0 });
  });

  it('renders lists as [a|b] with the HTML stripped from texts of value ids, hides parts and parses numbers', () => {
    expect(rows.find((row) => row.part_id === part(3))).toMatchObject({
      value_id: '[choice_0|choice_2]',
      answer_value_text: '[A & B|C]',
      correct: 1,
      first_response_count: 1,
      last_response_count: 1,
    });
    expect(rows.find((row) => row.part_id === part(6))).toMatchObject({ value_id: null, answer_value_text: '2.50', answer_value_numeric: 2.5, variant: 7 });
    expect(rows.some((row) => String(row.part_id).endsWith('_dynamath') || row.part_id === part(5))).toBe(false);
  });

  it('groups answers by value id and variant, older checks without submission with the rest', () => {
    const choice = rows.filter((row) => row.part_id === part(7)).map((row) => [row.value_id, row.answer_value_text, row.variant, row.first_response_count, row.last_response_count]);
    expect(choice.sort()).toEqual([
      ['choice_1', 'One', null, 1, 1],
      ['choice_1', 'One', 2, 1, 1],
    ]);
  });
});

// The engine counts the checks that answered a part alike; the most recent check must still decide, however many
// checks the older answers stand for.
describe('answer distribution decided by the latest answer, whatever the counts', () => {
  let rows: Record<string, unknown>[];

  beforeAll(async () => {
    const dir = await tempDir();
    const asked = (username: string, second: number, answer: string, question: string, extra: Record<string, unknown> = {}) =>
      check(username, second, { problem_id: PROBLEM, answers: { [part(2)]: answer }, submission: { [part(2)]: submission(answer, { question }) } }, extra);
    // Parts 8 and 9 answered alike, one of them as an image (a type not shown).
    const twoParts = (username: string, second: number, answer: string, image: 8 | 9) =>
      check(username, second, {
        problem_id: PROBLEM,
        answers: { [part(8)]: answer, [part(9)]: answer },
        submission: Object.fromEntries(
          [8, 9].map((n) => [part(n), submission(answer, { response_type: n === image ? 'imageresponse' : 'optionresponse' })]),
        ),
      });
    const lines = [
      // "right": first by ann, then by hal in a single check (both his first and his last), last by ann after him: the
      // value's question comes from ann's last check, the part's display name from the most recent check.
      asked('ann', 1, 'right', 'Old question'),
      asked('mia', 3, 'wrong', 'New question'),
      asked('hal', 5, 'right', 'New question'),
      asked('ann', 9, 'right', 'Old question', { context: { user_id: 1, course_id: COURSE, org_id: 'edX', module: { display_name: 'Renamed' } } }),
      // Three single checks give part 8 a shown type and part 9 the image type; the latest check the other way round.
      twoParts('ivy', 10, 'a', 9),
      twoParts('jon', 11, 'a', 9),
      twoParts('kim', 12, 'a', 9),
      twoParts('lee', 13, 'b', 8),
    ];
    await mkdir(path.join(dir, 'logs', 'lms-1'), { recursive: true });
    await writeFile(path.join(dir, 'logs', 'lms-1', 'tracking.log-20140502.gz'), gzipSync(`${lines.join('\n')}\n`));
    await runAnswerDistribution(dir);
    rows = await storeRows(dir, 'answer_distribution');
  });

  it('takes each value from its most recent answer and the part from the most recent check', () => {
    const answers = rows.filter((row) => row.part_id === part(2)).map((row) => [row.answer_value_text, row.first_response_count, row.last_response_count, row.question_text, row.problem_display_name]);
    expect(answers).toEqual([
      ['right', 2, 2, 'Old question', 'Renamed'],
      ['wrong', 1, 1, 'New question', 'Renamed'],
    ]);
  });

  it('shows a part by the type of its latest answer, not of most answers', () => {
    expect(rows.some((row) => row.part_id === part(8))).toBe(false);
    const shown = rows.filter((row) => row.part_id === part(9)).map((row) => [row.answer_value_text, row.first_response_count, row.last_response_count]);
    expect(shown).toEqual([
      ['b', 1, 1],
      ['a', 3, 3],
    ]);
  });
});

describe('answer distribution on a generated site', () => {
  it('matches the counts made from the raw lines', async () => {
    const dir = await tempDir();
    const start = '2026-09-01';
    await generateSite({ out: dir, courses: 2, learners: 40, days: 4, start, seed: 5 });
    const lines: string[] = [];
    for (const group of await readdir(path.join(dir, 'logs'))) {
      for (const name of await readdir(path.join(dir, 'logs', group))) {
        lines.push(...gunzipSync(await readFile(path.join(dir, 'logs', group, name))).toString('utf8').split('\n'));
      }
    }
    const parsable = lines.filter((line) => {
      try {
        JSON.parse(line);
        return true;
      } catch {
        return false;
      }
    });
    const expected = expectedDistribution(serverChecks(parsable).filter((raw) => raw.context.course_id !== undefined));
    const report = await runAnswerDistribution(dir);
    expect(report.outcomes[0]).toMatchObject({ task: 'answer-distribution', status: 'ran' });
    expect(expected.size).toBeGreaterThan(0);
    expect(actualCounts(await storeRows(dir, 'answer_distribution'))).toEqual(expectedCounts(expected));
  });
});

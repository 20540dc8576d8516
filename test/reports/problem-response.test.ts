import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openLogSource } from '../../src/events/open-source.js';
import { parseInterval } from '../../src/events/interval.js';
import { csvLine } from '../../src/reports/problem-response/csv-text.js';
import { cleanText, problemAnswers, textCleaner } from '../../src/reports/problem-response/problem-answers.js';
import { problemResponseTask } from '../../src/reports/problem-response/problem-response-task.js';
import {
  epochDateTimeFormatter, filenameSafeCourseId, legacyDateTime, legacyScore, scoreFormatter,
} from '../../src/reports/problem-response/report-values.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import { readStructureFiles } from '../../src/reports/structure/structure-files.js';
import { placeConformanceLog, storeRows } from '../helpers/pipeline.js';
import { CONFORMANCE_INPUT, tempDir } from '../helpers/temp.js';

const EXPECTED_DIR = path.resolve(CONFORMANCE_INPUT, '../output/problem_response');

describe('problem response report (ProblemResponseReportWorkflow)', () => {
  it('writes the two conformance CSVs byte for byte for 2016-09-07-2016-09-08', async () => {
    const dir = await tempDir();
    await placeConformanceLog(dir, 'problem_response_tracking.log', 'tracking.log-20160908.gz');
    const outputDir = path.join(dir, 'reports');
    const report = await runPipeline({
      tasks: [problemResponseTask],
      params: { interval: parseInterval('2016-09-07-2016-09-08'), endDate: '2016-09-08', weeks: 1, date: '2016-09-08', reportsDir: outputDir },
      structure: () =>
        readStructureFiles({
          courseList: path.join(CONFORMANCE_INPUT, 'course_list.json'),
          courseBlocks: path.join(CONFORMANCE_INPUT, 'course_blocks.json'),
        }),
      storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
      source: await openLogSource(path.join(dir, 'logs')),
      engine: { dataDir: path.join(dir, 'data') },
    });
    expect(report.outcomes[0]).toMatchObject({ task: 'problem-response', status: 'ran' });

    const expectedNames = (await readdir(EXPECTED_DIR)).sort();
    expect((await readdir(outputDir)).sort()).toEqual(expectedNames);
    for (const name of expectedNames) {
      const actual = await readFile(path.join(outputDir, name));
      const expected = await readFile(path.join(EXPECTED_DIR, name));
      expect(actual.toString('utf8'), name).toBe(expected.toString('utf8'));
      expect(actual.equals(expected), name).toBe(true);
    }
    expect(report.outcomes[0]!.notes).toContain(`2 report files written to ${outputDir}`);
    expect(report.outcomes[0]!.notes).toContain('course structure: 4 courses, 59 blocks');

    // The store records each file for the data API's download links.
    const recorded = (await storeRows(dir, 'course_report_files')).sort((a, b) => String(a.file_name).localeCompare(String(b.file_name)));
    expect(recorded.map((row) => row.file_name)).toEqual(expectedNames);
    for (const row of recorded) {
      const file = path.join(outputDir, String(row.file_name));
      const info = await stat(file);
      const lines = (await readFile(file, 'utf8')).split('\r\n').length - 2;
      expect(row).toMatchObject({ report_name: 'problem_response', location: file, file_size: info.size, row_count: lines });
      expect(row.last_modified).toBe(info.mtime.toISOString().slice(0, 19).replace('T', ' '));
      expect(filenameSafeCourseId(String(row.course_id))).toBe(String(row.file_name).replace(/_problem_response\.csv$/, ''));
    }
  });
});

describe('problem response values', () => {
  it('renders scores as the legacy Hive FLOAT did', () => {
    expect([1, 0, 0.5, 1 / 3, 1e7, 0.0001, 123456.7, -2.5, '2', 'x', null, undefined].map(legacyScore)).toEqual([
      '1.0', '0.0', '0.5', '0.33333334', '1.0E7', '1.0E-4', '123456.7', '-2.5', '2.0', 'None', 'None', 'None',
    ]);
  });

  it('formats as legacyScore, legacyDateTime and cleanText through the formatters of a run, which remember', () => {
    const score = scoreFormatter();
    const values = [1, 0, -0, 0.5, 1 / 3, 1e7, '2', '2', ' ', 'x', null, undefined, NaN, {}, [1]];
    expect([...values, ...values].map(score)).toEqual([...values, ...values].map(legacyScore));

    const dateTime = epochDateTimeFormatter();
    const instants = [
      0, 999, 1000, 59_999, 86_399_999, 86_400_000, 1_473_206_400_000, 1_473_292_799_999, Date.UTC(2026, 8, 30, 23, 59, 59, 500),
      Date.UTC(2024, 1, 29, 12, 0, 0), 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001, 1.5,
    ];
    for (const instant of [...instants, ...instants]) expect(dateTime(instant), String(instant)).toBe(legacyDateTime(new Date(instant)));

    const clean = textCleaner();
    const texts = [' a\t\n b ', 'x <choicehint>h</choicehint>y', '', 'plain'];
    expect([...texts, ...texts].map(clean)).toEqual([...texts, ...texts].map(cleanText));
  });

  it('names files after the course as the legacy did', () => {
    expect(filenameSafeCourseId('course-v1:OpenCraft+PRDemo1+2016')).toBe('OpenCraft_PRDemo1_2016');
    expect(filenameSafeCourseId('edX/DemoX/Demo_Course')).toBe('edX_DemoX_Demo_Course');
    expect(filenameSafeCourseId('not a key!')).toBe('not_a_key_');
  });

  it('quotes CSV fields only where Python csv did', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 'plain', ''])).toBe('"a,b","say ""hi""","x\ny",plain,\r\n');
  });

  it('reads submissions, older events without them, and hides _dynamath and _comment parts', () => {
    expect(problemAnswers({
      answers: { p_2_1: 'choice_1', p_3_1: ['choice_a', 'choice_b'], p_2_1_dynamath: 'x' },
      submission: {
        p_2_1: { question: ' What\n is it? ', answer: 'apple\n  <choicehint selected="true">yes</choicehint>' },
        p_3_1: { question: '' },
        p_2_1_dynamath: { answer: 'x' },
      },
      correct_map: { p_2_1: { correctness: 'correct' }, p_3_1: { correctness: 'partially-correct' } },
    })).toEqual([
      { answerId: 'p_2_1', question: ' What is it? ', correct: true, answer: ['apple '] },
      { answerId: 'p_3_1', question: '', correct: null, answer: ['choice_a', 'choice_b'] },
    ]);
    expect(problemAnswers({
      answers: { p_2_1: 'choice_2', p_3_1: 'lost', p_4_1_comment: 'c' },
      correct_map: { p_2_1: { correctness: 'incorrect' }, p_4_1_comment: {} },
    })).toEqual([{ answerId: 'p_2_1', question: '', correct: false, answer: ['choice_2'] }]);
  });
});

describe('problem response row order', () => {
  it('sorts learners by their UTF-8 bytes and takes the latest attempt of each, its payload read as JSON.parse reads it', async () => {
    const dir = await tempDir();
    const check = (username: string, time: string, answer: string) => JSON.stringify({
      username, event_type: 'problem_check', event_source: 'server', time,
      context: { course_id: 'course-v1:X+Y+Z', module: { display_name: 'P' } },
      event: {
        problem_id: 'block-v1:X+Y+Z+type@problem+block@p', grade: 1, max_grade: 1,
        answers: { p_2_1: answer }, correct_map: { p_2_1: { correctness: 'correct', msg: 'unread' } },
        submission: { p_2_1: { answer, question: 'Q', response_type: 'unread' } }, state: { seed: 1 },
      },
    });
    // UTF-16 order would put the emoji (D83D) before the fullwidth z (FF5A); UTF-8 bytes put it after (F0 > EF).
    const lines = [
      check('\u{1F600}', '2016-09-07T10:00:00+00:00', 'emoji'),
      check('\uFF5A', '2016-09-07T10:00:00+00:00', 'fullwidth'),
      check('b', '2016-09-07T09:00:00+00:00', 'later'),
      check('b', '2016-09-07T08:00:00+00:00', 'earlier'),
      // A repeated key: the last value counts, as JSON.parse and the legacy's json.loads read it.
      check('Z', '2016-09-07T10:00:00+00:00', 'upper').replace('"grade":1,', '"grade":0,"grade":1,'),
      check('\u00e9', '2016-09-07T10:00:00+00:00', 'accent'),
    ];
    const { report, outputDir } = await runOnLines(dir, lines);
    expect(report.outcomes[0]).toMatchObject({ status: 'ran' });
    const rows = (await readFile(path.join(outputDir, 'X_Y_Z_problem_response.csv'), 'utf8')).split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.split(',').filter((_, index) => [0, 5, 8, 9].includes(index)))).toEqual([
      ['Z', '1.0', 'upper', '1'], ['b', '1.0', 'later', '2'], ['\u00e9', '1.0', 'accent', '1'], ['\uFF5A', '1.0', 'fullwidth', '1'],
      ['\u{1F600}', '1.0', 'emoji', '1'],
    ]);
  });
});

describe('problem response bad input', () => {
  it('skips malformed problem_check events, counts them, and places unknown problems as deleted blocks', async () => {
    const dir = await tempDir();
    const event = (username: string, time: string, payload: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({
      username, event_type: 'problem_check', event_source: 'server', time, event: payload,
      context: { course_id: 'course-v1:X+Y+Z', module: { display_name: 'Problem,\n "One"' } }, ...extra,
    });
    const good = (grade: number, answer: string) => ({
      problem_id: 'block-v1:X+Y+Z+type@problem+block@p', grade, max_grade: 2,
      answers: { p_2_1: answer }, submission: { p_2_1: { answer, question: 'Q' } }, correct_map: { p_2_1: { correctness: grade === 2 ? 'correct' : 'incorrect' } },
    });
    const lines = [
      event('ann', '2016-09-07T10:00:00+00:00', good(1, 'first')),
      event('ann', '2016-09-07T11:00:00.250000+00:00', good(2, 'second, "quoted"')),
      event('ann', '2016-09-08T00:00:00+00:00', good(0, 'next day')),
      event('', '2016-09-07T12:00:00+00:00', good(2, 'no user')),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), answers: {} }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), answers: { 'p\t2': 'x' } }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), answers: { 'pé': 'x' } }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), submission: 'oops' }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), problem_id: undefined }),
      event('bob', '2016-09-07T12:00:00+00:00', good(2, 'browser'), { event_source: 'browser' }),
      event('bob', '2016-09-07T12:00:00+00:00', 'input_p_2_1=choice_1'),
      event('bob', '2016-09-07T12:00:00+00:00', undefined),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), answers: ['x'] }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), answers: null }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), answers: undefined }),
      event('bob', '2016-09-07T12:00:00+00:00', { ...good(2, 'x'), submission: null }),
    ];
    const { report, outputDir } = await runOnLines(dir, lines);
    expect(report.outcomes[0]).toMatchObject({ status: 'ran' });
    expect(report.outcomes[0]!.notes).toEqual(expect.arrayContaining([
      '2 problem_check events skipped: missing_answers',
      '2 problem_check events skipped: malformed_answer_ids',
      '2 problem_check events skipped: submission_not_object',
      '2 problem_check events skipped: answers_not_object',
      '1 problem_check events skipped: missing_username',
      '1 problem_check events skipped: missing_problem_id',
      '2 problem_check events skipped: payload_not_object',
    ]));
    expect(await readFile(path.join(outputDir, 'X_Y_Z_problem_response.csv'), 'utf8')).toBe(
      'username,problem_id,answer_id,location,question,score,max_score,correct,answer,total_attempts,first_attempt_date,last_attempt_date\r\n' +
      'ann,block-v1:X+Y+Z+type@problem+block@p,p_2_1,"(Deleted block :) / Problem, ""One""",Q,2.0,2.0,True,' +
      '"second, ""quoted""",2,2016-09-07T10:00:00Z,2016-09-07T11:00:00Z\r\n',
    );
  });
});

/** Runs the problem response task over one day's log of these lines; the report files go to `<dir>/reports`. */
async function runOnLines(dir: string, lines: readonly string[]) {
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  await writeFile(path.join(dir, 'logs', 'tracking.log-20160907.gz'), gzipSync(`${lines.join('\n')}\n`));
  const outputDir = path.join(dir, 'reports');
  const report = await runPipeline({
    tasks: [problemResponseTask],
    params: { interval: parseInterval('2016-09-07-2016-09-08'), endDate: '2016-09-08', weeks: 1, date: '2016-09-08', reportsDir: outputDir },
    storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
    source: await openLogSource(path.join(dir, 'logs')),
    engine: { dataDir: path.join(dir, 'data') },
  });
  return { report, outputDir };
}

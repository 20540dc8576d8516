import { SERVER_PROBLEM_CHECK_SKIPS, SERVER_PROBLEM_CHECKS, shareServerProblemChecks, skippedProblemChecks } from '../problem-checks/server-problem-checks.js';
import type { Engine } from '../../engine/engine.js';
import { sqlFile } from '../../engine/sql-file.js';
import type { DateInterval } from '../../events/interval.js';
import type { ReportFolder, StoredReportFile } from '../../store/report-folder/report-folder.js';
import { csvLine } from './csv-text.js';
import { problemAnswers, textCleaner } from './problem-answers.js';
import { epochDateTimeFormatter, filenameSafeCourseId, legacyBoolean, scoreFormatter } from './report-values.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

export const PROBLEM_RESPONSE_SQL_FILES = [SERVER_PROBLEM_CHECKS, SERVER_PROBLEM_CHECK_SKIPS, 'latest_problem_responses.sql'] as const;

/** The fields of a report row (the legacy ProblemResponseRecord), rendered as the legacy CSV showed them. */
export const PROBLEM_RESPONSE_FIELDS = [
  'course_id', 'answer_id', 'problem_id', 'problem', 'username', 'question', 'score', 'max_score', 'correct', 'answer',
  'total_attempts', 'first_attempt_date', 'last_attempt_date', 'location', 'sort_idx',
] as const;
export type ProblemResponseField = (typeof PROBLEM_RESPONSE_FIELDS)[number];

/** The columns edX configured for the report (`[problem-response] report_fields`), the ones its acceptance test pins. */
export const DEFAULT_REPORT_FIELDS: readonly ProblemResponseField[] = [
  'username', 'problem_id', 'answer_id', 'location', 'question', 'score', 'max_score', 'correct', 'answer',
  'total_attempts', 'first_attempt_date', 'last_attempt_date',
];

export interface ProblemResponseReportOptions {
  readonly interval: DateInterval;
  /** Where the CSV files are written. */
  readonly folder: ReportFolder;
  readonly fields?: readonly ProblemResponseField[];
  /** Between the answers of a multi-answer question (`report_field_list_delimiter`). */
  readonly listDelimiter?: string;
  /** Whether the engine holds `course_blocks` (see loadStructure); without it every problem is placed as deleted. */
  readonly hasStructure: boolean;
}

/** A report file written: what the store records so that the data API can hand out a download link. */
export interface ReportFile extends StoredReportFile {
  readonly courseId: string;
  readonly rows: number;
}

export interface ProblemResponseReport {
  readonly files: ReportFile[];
  /** problem_check events of the interval that were not counted, by reason. */
  readonly skipped: Record<string, number>;
}

interface LatestResponse {
  course_id: string;
  problem_id: string;
  username: string;
  problem_display_name: string | null;
  payload: Record<string, unknown>;
  total_attempts: number;
  /** Epoch milliseconds. */
  first_attempt_date: number;
  last_attempt_date: number;
}

interface Placement {
  course_id: string;
  block_id: string;
  course_path: string | null;
  sort_idx: number | bigint | null;
}

/** A report row: its CSV line, and what the rows are sorted by. */
interface ReportRow {
  readonly order: number;
  readonly username: string;
  readonly problemId: string;
  readonly answerId: string;
  readonly line: string;
}

/** How the rows of one run are written; the formatters remember what they wrote, as values repeat across learners. */
interface RowFormat {
  readonly fields: readonly ProblemResponseField[];
  readonly listDelimiter: string;
  readonly clean: (text: string) => string;
  readonly score: (value: unknown) => string;
  readonly dateTime: (epochMs: number) => string;
}

const DELETED_BLOCKS_PATH = '(Deleted block :)';
const PATH_DELIMITER = ' / ';
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Writes the problem response report (legacy ProblemResponseReportWorkflow): per course, one CSV row per answered
 * part of each learner's latest problem_check in the interval, with the attempts counted in the interval and the
 * problem's place in the course outline; rows in outline order, then by learner.
 */
export async function writeProblemResponseReports(engine: Engine, options: ProblemResponseReportOptions): Promise<ProblemResponseReport> {
  await shareServerProblemChecks(engine, options.interval);
  const skipped = Object.fromEntries((await skippedProblemChecks(engine)).map((row) => [row.reason, row.events]));
  const latest = await engine.queryJson<LatestResponse>(sql('latest_problem_responses.sql'));
  const placements = new Map<string, Placement>();
  if (options.hasStructure) {
    for (const block of await engine.query<Placement>('select course_id, block_id, course_path, sort_idx from course_blocks')) {
      placements.set(`${block.course_id}\n${block.block_id}`, block);
    }
  }

  const format: RowFormat = {
    fields: options.fields ?? DEFAULT_REPORT_FIELDS,
    listDelimiter: options.listDelimiter ?? '|',
    clean: textCleaner(),
    score: scoreFormatter(),
    dateTime: epochDateTimeFormatter(),
  };
  const byCourse = new Map<string, ReportRow[]>();
  for (const response of latest) {
    let rows = byCourse.get(response.course_id);
    if (rows === undefined) {
      rows = [];
      byCourse.set(response.course_id, rows);
    }
    addReportRows(rows, response, placements.get(`${response.course_id}\n${response.problem_id}`), format);
  }

  const files: ReportFile[] = [];
  for (const [courseId, rows] of [...byCourse].sort(([a], [b]) => compareBytes(a, b))) {
    const text = csvLine(format.fields) + sortRows(rows).map((row) => row.line).join('');
    const name = `${filenameSafeCourseId(courseId)}_problem_response.csv`;
    files.push({ ...(await options.folder.write(name, text)), courseId, rows: rows.length });
  }
  return { files, skipped };
}

/** Adds a row per answered part of the learner's latest attempt. */
function addReportRows(rows: ReportRow[], response: LatestResponse, placement: Placement | undefined, format: RowFormat): void {
  const payload = response.payload;
  const problem = response.problem_display_name === null ? '' : format.clean(response.problem_display_name);
  const sortIdx = placement?.sort_idx === null || placement?.sort_idx === undefined ? -1 : Number(placement.sort_idx);
  const values: Record<ProblemResponseField, string> = {
    course_id: response.course_id,
    answer_id: '',
    problem_id: response.problem_id,
    problem,
    username: response.username,
    question: '',
    score: format.score(payload['grade']),
    max_score: format.score(payload['max_grade']),
    correct: '',
    answer: '',
    total_attempts: String(response.total_attempts),
    first_attempt_date: format.dateTime(response.first_attempt_date),
    last_attempt_date: format.dateTime(response.last_attempt_date),
    location: `${placement?.course_path ?? DELETED_BLOCKS_PATH}${PATH_DELIMITER}${problem}`,
    sort_idx: String(sortIdx),
  };
  for (const part of problemAnswers(payload, format.clean)) {
    values.answer_id = part.answerId;
    values.question = part.question;
    values.correct = legacyBoolean(part.correct);
    values.answer = part.answer.join(format.listDelimiter);
    rows.push({
      order: sortIdx,
      username: response.username,
      problemId: response.problem_id,
      answerId: part.answerId,
      line: csvLine(format.fields.map((field) => values[field])),
    });
  }
}

/**
 * The rows in outline order, then by learner (the legacy sort); then by problem and part, which the legacy left to
 * chance. Texts compare as UTF-8 bytes, as the legacy sorted (Python 2 byte strings): each distinct text is ranked
 * once, and the sort compares ranks.
 */
function sortRows(rows: readonly ReportRow[]): ReportRow[] {
  const users = byteRanks(rows.map((row) => row.username));
  const problems = byteRanks(rows.map((row) => row.problemId));
  const answers = byteRanks(rows.map((row) => row.answerId));
  return rows
    .map((row) => ({ row, user: users.get(row.username)!, problem: problems.get(row.problemId)!, answer: answers.get(row.answerId)! }))
    .sort((a, b) => a.row.order - b.row.order || a.user - b.user || a.problem - b.problem || a.answer - b.answer)
    .map((keyed) => keyed.row);
}

/** Each distinct text's place in UTF-8 byte order; texts with the same bytes (lone surrogates) share a place. */
function byteRanks(texts: readonly string[]): Map<string, number> {
  const distinct = [...new Set(texts)];
  if (!distinct.some((text) => SURROGATE.test(text))) {
    // Without surrogates, UTF-16 code unit order is code point order, which is UTF-8 byte order.
    return new Map(distinct.sort().map((text, index) => [text, index]));
  }
  const sorted = distinct.map((text) => ({ text, bytes: Buffer.from(text, 'utf8') })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((entry, index) => {
    if (index > 0 && !entry.bytes.equals(sorted[index - 1]!.bytes)) rank++;
    ranks.set(entry.text, rank);
  });
  return ranks;
}

/** Compares as UTF-8 bytes, as the legacy sorted (Python 2 byte strings). */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

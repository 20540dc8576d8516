import { SERVER_PROBLEM_CHECKS } from '../problem-checks/server-problem-checks.js';
import type { Engine } from '../../engine/engine.js';
import { sqlFile } from '../../engine/sql-file.js';
import type { DateInterval } from '../../events/interval.js';
import type { ReportFolder, StoredReportFile } from '../../store/report-folder/report-folder.js';
import { csvLine } from './csv-text.js';
import { cleanText, problemAnswers } from './problem-answers.js';
import { filenameSafeCourseId, legacyBoolean, legacyDateTime, legacyScore } from './report-values.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

export const PROBLEM_RESPONSE_SQL_FILES = [SERVER_PROBLEM_CHECKS, 'latest_problem_responses.sql'] as const;

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

type ReportRow = Record<ProblemResponseField, string> & { readonly order: number };

const DELETED_BLOCKS_PATH = '(Deleted block :)';
const PATH_DELIMITER = ' / ';

/**
 * Writes the problem response report (legacy ProblemResponseReportWorkflow): per course, one CSV row per answered
 * part of each learner's latest problem_check in the interval, with the attempts counted in the interval and the
 * problem's place in the course outline; rows in outline order, then by learner.
 */
export async function writeProblemResponseReports(engine: Engine, options: ProblemResponseReportOptions): Promise<ProblemResponseReport> {
  const params = { interval_start: options.interval.start, interval_end: options.interval.end };
  await engine.materialize('problem_check_events', sql(SERVER_PROBLEM_CHECKS), params);
  const skipped = Object.fromEntries(
    (await engine.query<{ reason: string; events: bigint }>(
      'select skip_reason as reason, count(*) as events from problem_check_events where skip_reason is not null group by skip_reason',
    )).map((row) => [row.reason, Number(row.events)]),
  );
  const latest = await engine.queryJson<LatestResponse>(sql('latest_problem_responses.sql'));
  const placements = new Map<string, Placement>();
  if (options.hasStructure) {
    for (const block of await engine.query<Placement>('select course_id, block_id, course_path, sort_idx from course_blocks')) {
      placements.set(`${block.course_id}\n${block.block_id}`, block);
    }
  }

  const byCourse = new Map<string, ReportRow[]>();
  for (const response of latest) {
    const rows = byCourse.get(response.course_id) ?? [];
    rows.push(...reportRows(response, placements.get(`${response.course_id}\n${response.problem_id}`), options.listDelimiter ?? '|'));
    byCourse.set(response.course_id, rows);
  }

  const fields = options.fields ?? DEFAULT_REPORT_FIELDS;
  const files: ReportFile[] = [];
  for (const [courseId, rows] of [...byCourse].sort(([a], [b]) => compareBytes(a, b))) {
    rows.sort(compareRows);
    const text = csvLine(fields) + rows.map((row) => csvLine(fields.map((field) => row[field]))).join('');
    const name = `${filenameSafeCourseId(courseId)}_problem_response.csv`;
    files.push({ ...(await options.folder.write(name, text)), courseId, rows: rows.length });
  }
  return { files, skipped };
}

function reportRows(response: LatestResponse, placement: Placement | undefined, listDelimiter: string): ReportRow[] {
  const payload = response.payload;
  const problem = cleanProblemName(response.problem_display_name);
  const sortIdx = placement?.sort_idx === null || placement?.sort_idx === undefined ? -1 : Number(placement.sort_idx);
  const location = `${placement?.course_path ?? DELETED_BLOCKS_PATH}${PATH_DELIMITER}${problem}`;
  return problemAnswers(payload).map((part) => ({
    order: sortIdx,
    course_id: response.course_id,
    answer_id: part.answerId,
    problem_id: response.problem_id,
    problem,
    username: response.username,
    question: part.question,
    score: legacyScore(payload['grade']),
    max_score: legacyScore(payload['max_grade']),
    correct: legacyBoolean(part.correct),
    answer: part.answer.join(listDelimiter),
    total_attempts: String(response.total_attempts),
    first_attempt_date: legacyDateTime(new Date(response.first_attempt_date)),
    last_attempt_date: legacyDateTime(new Date(response.last_attempt_date)),
    location,
    sort_idx: String(sortIdx),
  }));
}

/** The problem's display name at the time of the attempt, cleaned like the answers. */
function cleanProblemName(name: string | null): string {
  return name === null ? '' : cleanText(name);
}

/** Outline order, then learner (the legacy sort); then problem and part, which the legacy left to chance. */
function compareRows(a: ReportRow, b: ReportRow): number {
  return a.order - b.order || compareBytes(a.username, b.username) || compareBytes(a.problem_id, b.problem_id) || compareBytes(a.answer_id, b.answer_id);
}

/** Compares as UTF-8 bytes, as the legacy sorted (Python 2 byte strings). */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

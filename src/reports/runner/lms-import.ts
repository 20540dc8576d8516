import { createHash } from 'node:crypto';
import type { Engine, ImportColumn, Row } from '../../engine/engine.js';

/** An LMS table the reports read, with the columns they need; it lands in the engine as `lms_<table>`. */
export interface LmsTableImport {
  readonly table: string;
  readonly columns: readonly ImportColumn[];
  /** Only the rows the reports count, when they count few of a large table: filtered by the LMS database. */
  readonly only?: LmsRowFilter;
  /**
   * For reports that only count rows: the table is read as counts, one row per combination of the columns' values
   * with how many LMS rows have it in this column, counted by the LMS database.
   */
  readonly countedAs?: string;
}

/** Rows matching any of the conditions. */
export interface LmsRowFilter {
  readonly anyOf: readonly ({ readonly column: string; readonly notNull: true } | { readonly column: string; readonly equals: string })[];
}

const text = (name: string): ImportColumn => ({ name, type: 'varchar' });
const integer = (name: string): ImportColumn => ({ name, type: 'bigint' });

/** What the reports read from the LMS; each table is imported once per run with these columns (dates as text). */
export const LMS_TABLES = {
  auth_userprofile: { table: 'auth_userprofile', columns: [integer('user_id'), text('gender'), integer('year_of_birth'), text('level_of_education')] },
  student_courseenrollment: {
    table: 'student_courseenrollment',
    columns: [integer('user_id'), text('course_id'), text('created'), integer('is_active'), text('mode')],
  },
  grades_persistentcoursegrade: {
    table: 'grades_persistentcoursegrade',
    columns: [integer('user_id'), text('course_id'), text('letter_grade'), text('passed_timestamp'), text('modified')],
  },
  course_overviews_courseoverview: {
    table: 'course_overviews_courseoverview',
    columns: [
      text('id'), text('display_name'), text('display_org_with_default'), text('display_number_with_default'),
      text('start'), text('end'), integer('self_paced'),
    ],
  },
  courseware_studentmodule: {
    table: 'courseware_studentmodule',
    columns: [text('module_type'), text('module_id'), text('course_id'), { name: 'grade', type: 'double' }, { name: 'max_grade', type: 'double' }],
    // One row per learner and module opened: the histograms count the graded ones and the subsections.
    only: { anyOf: [{ column: 'grade', notNull: true }, { column: 'module_type', equals: 'sequential' }] },
    countedAs: 'learners',
  },
} satisfies Record<string, LmsTableImport>;

/**
 * Reads pages of an LMS table, or of its rows matching `only`; with `countedAs`, their counts per combination of the
 * columns' values (the LMS reader supplies it).
 */
export type LmsTableReader = (
  table: string,
  columns: readonly string[],
  options: Pick<LmsTableImport, 'only' | 'countedAs'>,
) => AsyncIterable<readonly Row[]>;

export interface ImportedLmsTable {
  readonly table: string;
  /** The LMS rows read (for a table read as counts, the rows counted). */
  readonly rows: number;
  /** A hash of the rows read: part of the fingerprint of the tasks that read the table. */
  readonly contentHash: string;
}

/** Copies an LMS table into the engine, hashing what it read on the way. */
export async function importLmsTable(engine: Engine, read: LmsTableReader, wanted: LmsTableImport): Promise<ImportedLmsTable> {
  const hash = createHash('sha1');
  const columns = importedColumns(wanted);
  const names = columns.map((column) => column.name);
  let counted = 0;
  async function* hashed(): AsyncIterable<readonly Row[]> {
    for await (const batch of read(wanted.table, wanted.columns.map((column) => column.name), { only: wanted.only, countedAs: wanted.countedAs })) {
      // One update per batch (a call per row cost more than the hashing), of the same text whatever the batches.
      hash.update(batch.map((row) => `${JSON.stringify(names.map((name) => row[name] ?? null))}\n`).join(''));
      if (wanted.countedAs) for (const row of batch) counted += row[wanted.countedAs] as number;
      yield batch;
    }
  }
  const imported = await engine.importRows(`lms_${wanted.table}`, columns, hashed());
  return { table: wanted.table, rows: wanted.countedAs ? counted : imported, contentHash: hash.digest('hex') };
}

/** An empty `lms_<table>` so that SQL joining it runs when no LMS database is configured. */
export async function emptyLmsTable(engine: Engine, wanted: LmsTableImport): Promise<void> {
  await engine.importRows(`lms_${wanted.table}`, importedColumns(wanted), []);
}

/** The columns of `lms_<table>`: the ones read, and the count of a table read as counts. */
function importedColumns(wanted: LmsTableImport): readonly ImportColumn[] {
  return wanted.countedAs ? [...wanted.columns, integer(wanted.countedAs)] : wanted.columns;
}

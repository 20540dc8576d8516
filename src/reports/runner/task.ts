import type { S3Options } from '../../config/s3-client.js';
import type { CarriedRows } from '../../store/publish.js';
import type { Engine, Row, RowList, SqlValue } from '../../engine/engine.js';
import type { DateInterval } from '../../events/interval.js';
import type { CountryLookup } from '../location/country-lookup.js';
import type { LmsTableImport } from './lms-import.js';

/** The parameters of a run, as the legacy tasks took them. */
export interface RunParams {
  /** Days of events for the interval reports (enrollment, location). */
  readonly interval: DateInterval;
  /** Weekly reports: the complete ISO weeks before the week holding `endDate`. */
  readonly endDate: string;
  readonly weeks: number;
  /** The run day: the date of LMS snapshots (location) and of "now" in catalog availability. */
  readonly date: string;
  /** Where report files (the problem response CSVs) are written, a folder or `s3://bucket/prefix` (runPipeline's default: `<data dir>/reports`). */
  readonly reportsDir?: string;
}

/** What a task reads besides its parameters; the runner brings each in and fingerprints it. */
export interface TaskInputs {
  /** Days of tracking events it reads. */
  readonly events?: (params: RunParams) => DateInterval;
  /** LMS tables it reads. */
  readonly lms?: {
    readonly tables: readonly LmsTableImport[];
    /** Tables an LMS may lack (an older release, a trimmed replica): they read as empty, with a note. */
    readonly mayBeAbsent?: readonly LmsTableImport[];
    /** Without an LMS database the task fails (true) or publishes only the outputs it can (false). */
    readonly required: boolean;
  };
  readonly geoip?: boolean;
  /** The course structure (course list and blocks), loaded into the engine as `course_list` and `course_blocks`. */
  readonly structure?: boolean;
}

export interface TaskContext {
  readonly engine: Engine;
  readonly params: RunParams;
  /** Whether the LMS tables were imported (`lms_<table>` in the engine). */
  readonly hasLms: boolean;
  readonly countries?: CountryLookup;
  /** Whether the course structure was loaded (tasks that read it run without it, with less detail). */
  readonly hasStructure: boolean;
  /** How to reach S3 when a report folder is an `s3://` prefix. */
  readonly s3: S3Options;
  /** Adds a line to the task's part of the run summary. */
  note(message: string): void;
  /**
   * For a task whose daily rows carry over (ReportTask.carriesDays): the days whose published rows are as this run
   * would compute them (same SQL, same events), which it may keep with TaskOutput.carry instead of computing.
   */
  readonly unchangedDays?: ReadonlySet<string>;
}

/** One output table's rows, in the store's column names. */
export interface TaskOutput {
  readonly table: string;
  readonly rows: RowList<Row>;
  /** Published rows to keep as they are (whose date column is in [from, until)); `rows` holds the rest. */
  readonly carry?: CarriedRows;
}

/**
 * A report task (the legacy Luigi task's job): reads events and LMS tables in the engine, produces whole
 * result-store tables. Its identity is its name; whether it is up to date is decided by a fingerprint of its SQL,
 * its significant parameters and its inputs, stored with its published tables.
 */
export interface ReportTask {
  readonly name: string;
  readonly description: string;
  readonly inputs: TaskInputs;
  /** Tasks whose results it reads: they run first (and are added when it is asked for alone). */
  readonly requires?: readonly string[];
  /** The SQL files whose text defines the results (part of the fingerprint). */
  readonly sqlFiles: readonly string[];
  /** The module the SQL files sit beside (`import.meta.url`). */
  readonly moduleUrl: string;
  /** The parameters the results depend on, e.g. the interval. */
  significantParams(params: RunParams): Record<string, SqlValue>;
  /**
   * The days of a daily output whose rows for a day depend only on that day's events and the task's SQL: the runner
   * tells the task which of them are unchanged since its last publish (TaskContext.unchangedDays).
   */
  readonly carriesDays?: (params: RunParams) => DateInterval;
  /** The tables it publishes, given whether an LMS database is available. */
  outputs(hasLms: boolean): readonly string[];
  compute(context: TaskContext): Promise<TaskOutput[]>;
}

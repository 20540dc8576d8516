import { createHash } from 'node:crypto';
import type { SqlValue } from '../../engine/engine.js';
import { sqlFile } from '../../engine/sql-file.js';
import type { ReportTask, RunParams } from './task.js';

export interface TaskInputsSeen {
  /** Each event day the task reads, with the fingerprint of the files it was loaded from. */
  readonly eventDays: readonly { readonly date: string; readonly fingerprint: string }[];
  /** Each LMS table it reads, with a hash of its rows; absent when no LMS database was used. */
  readonly lmsTables?: Record<string, string>;
  /** The GeoIP database it located addresses with. */
  readonly geoip?: string;
  /** A hash of the course structure it read. */
  readonly structure?: string;
}

/**
 * What a task's published tables were computed from: its SQL, its significant parameters and its inputs. Equal
 * fingerprints mean a run would publish the same rows, so it is skipped ("complete" means this matches, not merely
 * that a table exists).
 */
export function taskFingerprint(task: ReportTask, params: RunParams, inputs: TaskInputsSeen): string {
  const document = {
    ...taskDefinition(task),
    params: task.significantParams(params) satisfies Record<string, SqlValue>,
    ...inputs,
  };
  return sha256(JSON.stringify(document));
}

/** What a task's daily rows depend on besides each day's events: the task and its SQL. */
export function taskShape(task: ReportTask): string {
  return sha256(JSON.stringify(taskDefinition(task)));
}

function taskDefinition(task: ReportTask): { task: string; sql: string[] } {
  return { task: task.name, sql: task.sqlFiles.map((name) => sha256(sqlFile(task.moduleUrl, name))) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * What happened to a task, in the vocabulary the runner, the scheduler and the exit codes share (as Luigi's
 * execution summary did): `pending` is what a dependency tree shows for a task that would run.
 */
export type TaskStatus = 'up-to-date' | 'ran' | 'failed' | 'blocked-by-upstream' | 'missing-input' | 'pending';

export interface TaskOutcome {
  readonly task: string;
  readonly status: TaskStatus;
  /** Why it ran, why it is pending, or what failed. */
  readonly reason?: string;
  readonly seconds: number;
  /** Rows published per table (tasks that ran). */
  readonly rows?: Record<string, number>;
  readonly notes: readonly string[];
}

/** Statuses that make a run fail. */
export function isFailure(status: TaskStatus): boolean {
  return status === 'failed' || status === 'blocked-by-upstream' || status === 'missing-input';
}

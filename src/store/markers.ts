import { storeDateTime } from './store-values.js';
import type { Kysely } from 'kysely';
import type { ReportsStore } from './reports-store.js';
import type { ResultStore } from './schema.js';

/** What each day of a task's daily table was computed from: its SQL (`shape`) and each day's inputs. */
export interface CarriedDays {
  readonly shape: string;
  /** Per day ('YYYY-MM-DD'), the fingerprint of its inputs. */
  readonly days: Readonly<Record<string, string>>;
}

/** What a task's last publish was computed from; the runner compares the fingerprint to decide it is up to date. */
export interface TaskMarker {
  readonly taskId: string;
  readonly fingerprint: string;
  /** Rows the publish wrote, over all its tables. */
  readonly rows: number;
  /** When it was written: 'YYYY-MM-DD HH:MM:SS', UTC. */
  readonly updated: string;
  /** For a task whose daily rows carry over to its next run. */
  readonly carriedDays?: CarriedDays;
}

export type MarkerInput = Omit<TaskMarker, 'updated' | 'rows'> & { readonly rows?: number };

/** The marker of `taskId`, or undefined when the task never published (or its marker was cleared). */
export async function readMarker(store: ReportsStore, taskId: string): Promise<TaskMarker | undefined> {
  const row = await store.db.selectFrom('lantern_task_markers').selectAll().where('task_id', '=', taskId).executeTakeFirst();
  return (
    row && {
      taskId: row.task_id,
      fingerprint: row.fingerprint,
      rows: Number(row.rows),
      updated: row.updated,
      ...(row.carried_days ? { carriedDays: JSON.parse(row.carried_days) as CarriedDays } : {}),
    }
  );
}

/** Forgets a task's marker, so its next run recomputes (what `--overwrite` does). */
export async function clearMarker(store: ReportsStore, taskId: string): Promise<void> {
  await store.db.deleteFrom('lantern_task_markers').where('task_id', '=', taskId).execute();
}

/** Replaces a task's marker; call inside the transaction that publishes its tables. */
export async function writeMarker(db: Kysely<ResultStore>, marker: MarkerInput & { readonly rows: number }): Promise<void> {
  await db.deleteFrom('lantern_task_markers').where('task_id', '=', marker.taskId).execute();
  await db
    .insertInto('lantern_task_markers')
    .values({
      task_id: marker.taskId,
      fingerprint: marker.fingerprint,
      rows: marker.rows,
      updated: storeDateTime(new Date()),
      carried_days: marker.carriedDays ? JSON.stringify(marker.carriedDays) : null,
    })
    .execute();
}

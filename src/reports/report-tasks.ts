import { activityTask } from './activity/activity-task.js';
import { enrollmentTask } from './enrollment/enrollment-task.js';
import { locationTask } from './location/location-task.js';
import type { ReportTask } from './runner/task.js';

/** Every report task, in the order `all` runs them. */
export const REPORT_TASKS: readonly ReportTask[] = [enrollmentTask, activityTask, locationTask];

/** The tasks named (`all` for every one), in run order; an unknown name is an error listing the known ones. */
export function resolveTasks(names: readonly string[]): ReportTask[] {
  const known = new Map(REPORT_TASKS.map((task) => [task.name, task]));
  for (const name of names) {
    if (name !== 'all' && !known.has(name)) {
      throw new Error(`unknown task "${name}": the tasks are ${[...known.keys()].join(', ')} and all`);
    }
  }
  return names.includes('all') ? [...REPORT_TASKS] : REPORT_TASKS.filter((task) => names.includes(task.name));
}

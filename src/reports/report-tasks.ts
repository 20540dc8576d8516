import { activityTask } from './activity/activity-task.js';
import { answerDistributionTask } from './answer-distribution/answer-distribution-task.js';
import { engagementTask } from './engagement/engagement-task.js';
import { enrollmentTask } from './enrollment/enrollment-task.js';
import { histogramsTask } from './histograms/histograms-task.js';
import { locationTask } from './location/location-task.js';
import { problemResponseTask } from './problem-response/problem-response-task.js';
import type { ReportTask } from './runner/task.js';
import { tagsTask } from './tags/tags-task.js';
import { videoTask } from './video/video-task.js';

/**
 * Every report task, in the order `all` starts them: the longest first, so that the runner's two lanes finish
 * together (started last, engagement ran on alone for seconds; `run all` on the bench:pipeline site: 24.6 s → 22.8 s).
 */
export const REPORT_TASKS: readonly ReportTask[] = [
  engagementTask,
  problemResponseTask,
  videoTask,
  answerDistributionTask,
  tagsTask,
  enrollmentTask,
  activityTask,
  locationTask,
  histogramsTask,
];

/**
 * The tasks named (`all` for every one) with the tasks they require, in run order (REPORT_TASKS lists requirements
 * first); an unknown name is an error listing the known ones.
 */
export function resolveTasks(names: readonly string[]): ReportTask[] {
  const known = new Map(REPORT_TASKS.map((task) => [task.name, task]));
  for (const name of names) {
    if (name !== 'all' && !known.has(name)) {
      throw new Error(`unknown task "${name}": the tasks are ${[...known.keys()].join(', ')} and all`);
    }
  }
  if (names.includes('all')) return [...REPORT_TASKS];
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const required of known.get(name)?.requires ?? []) add(required);
  };
  names.forEach(add);
  return REPORT_TASKS.filter((task) => wanted.has(task.name));
}

import { sqlFile } from '../../engine/sql-file.js';
import { completeWeeksBefore } from '../runner/calendar.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

/** Weekly course activity (legacy InsertToMysqlCourseActivityTask): active learners per ISO week and label. */
export const activityTask: ReportTask = {
  name: 'activity',
  description: 'learners active per course and complete ISO week: any activity, problems tried, videos played, forum posts',
  inputs: { events: (params) => completeWeeksBefore(params.endDate, params.weeks) },
  moduleUrl: import.meta.url,
  sqlFiles: ['user_activity.sql', 'course_activity.sql'],
  // The weeks, not --end-date: a daily run recomputes only when a new week is complete or its events changed.
  significantParams: (params) => {
    const weeks = completeWeeksBefore(params.endDate, params.weeks);
    return { interval_start: weeks.start, interval_end: weeks.end };
  },
  outputs: () => ['course_activity'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const weeks = completeWeeksBefore(context.params.endDate, context.params.weeks);
    await context.engine.materialize('user_activity', sql('user_activity.sql'), { interval_start: weeks.start, interval_end: weeks.end });
    return [{ table: 'course_activity', rows: await context.engine.query(sql('course_activity.sql')) }];
  },
};

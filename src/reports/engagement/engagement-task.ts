import { sqlFile } from '../../engine/sql-file.js';
import { addDays, type DateInterval } from '../../events/interval.js';
import type { ReportTask, RunParams, TaskContext, TaskOutput } from '../runner/task.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

/**
 * The days module_engagement covers: from the interval's start up to the run day (exclusive). The legacy table
 * gained the run's last days on each run and so held every day ever run; Lantern publishes whole tables, so it
 * holds every day of the interval up to --date.
 */
export function engagementDays(params: RunParams): DateInterval {
  return { start: params.interval.start < params.date ? params.interval.start : params.date, end: params.date };
}

/** The week the metric ranges summarize: the 7 days before the run day (the legacy WeekIntervalMixin). */
export function rangesWeek(params: RunParams): DateInterval {
  return { start: addDays(params.date, -7), end: params.date };
}

/** Every day either output reads. */
function eventDays(params: RunParams): DateInterval {
  const days = engagementDays(params);
  const week = rangesWeek(params);
  return { start: days.start < week.start ? days.start : week.start, end: params.date };
}

/**
 * Module engagement (legacy ModuleEngagementWorkflowTask --date D, without the Elasticsearch roster): each learner's
 * problem attempts and completions, video views and discussion contributions per day, and per course the low, normal
 * and high ranges of the week's engagement metrics.
 */
export const engagementTask: ReportTask = {
  name: 'engagement',
  description: "learners' problem, video and discussion interactions per day, and each course's engagement ranges for the last week",
  inputs: { events: eventDays },
  moduleUrl: import.meta.url,
  sqlFiles: ['module_engagement_actions.sql', 'module_engagement_daily.sql', 'module_engagement.sql', 'module_engagement_summary.sql', 'module_engagement_metric_ranges.sql'],
  significantParams: (params) => ({ interval_start: engagementDays(params).start, date: params.date }),
  outputs: () => ['module_engagement', 'module_engagement_metric_ranges'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const { engine, params } = context;
    const read = eventDays(params);
    const days = engagementDays(params);
    const week = rangesWeek(params);
    await engine.materialize('module_engagement_actions', sql('module_engagement_actions.sql'), { from_date: read.start, until_date: read.end });
    await engine.materialize('module_engagement_daily', sql('module_engagement_daily.sql'));
    await engine.materialize('module_engagement_summary', sql('module_engagement_summary.sql'), { window_start: week.start, window_end: week.end });
    const ranges = await engine.query(sql('module_engagement_metric_ranges.sql'), { window_start: week.start, window_end: week.end });
    const daily = await engine.queryJson(sql('module_engagement.sql'), { interval_start: days.start, interval_end: days.end });
    return [
      { table: 'module_engagement', rows: daily },
      { table: 'module_engagement_metric_ranges', rows: ranges },
    ];
  },
};

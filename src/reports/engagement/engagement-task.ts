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

/** The first of `days` not in `unchanged` (the interval's end when all are): the days before it keep their rows. */
function firstChangedDay(days: DateInterval, unchanged: ReadonlySet<string> | undefined): string {
  let day = days.start;
  while (day < days.end && unchanged?.has(day)) day = addDays(day, 1);
  return day;
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
  // A day's rows count that day's events only: a run computes the days from the first whose events changed.
  carriesDays: engagementDays,
  outputs: () => ['module_engagement', 'module_engagement_metric_ranges'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const { engine, params } = context;
    const days = engagementDays(params);
    const week = rangesWeek(params);
    const computedFrom = firstChangedDay(days, context.unchangedDays);
    // The week of the ranges is read whatever is kept.
    const readFrom = computedFrom < week.start ? computedFrom : week.start;
    await engine.materialize('module_engagement_actions', sql('module_engagement_actions.sql'), { from_date: readFrom, until_date: params.date });
    await engine.materialize('module_engagement_daily', sql('module_engagement_daily.sql'));
    await engine.materialize('module_engagement_summary', sql('module_engagement_summary.sql'), { window_start: week.start, window_end: week.end });
    const ranges = await engine.query(sql('module_engagement_metric_ranges.sql'), { window_start: week.start, window_end: week.end });
    const daily = await engine.queryJson(sql('module_engagement.sql'), { interval_start: computedFrom, interval_end: days.end });
    const carried = computedFrom > days.start;
    if (carried) context.note(`module_engagement before ${computedFrom} kept as published: the events of those days did not change`);
    return [
      { table: 'module_engagement', rows: daily, ...(carried ? { carry: { column: 'date', from: days.start, until: computedFrom } } : {}) },
      { table: 'module_engagement_metric_ranges', rows: ranges },
    ];
  },
};

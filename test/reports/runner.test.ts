import { describe, expect, it } from 'vitest';
import { completeWeeksBefore, isoWeekStart } from '../../src/reports/runner/calendar.js';
import { disjointIntervals } from '../../src/reports/runner/run-tasks.js';
import { REPORT_TASKS, resolveTasks } from '../../src/reports/report-tasks.js';

describe('the runner', () => {
  it('reads only the stretches of days its tasks need, merging those that overlap or touch', () => {
    expect(
      disjointIntervals([
        { start: '2026-11-02', end: '2026-11-30' },
        { start: '2014-07-31', end: '2014-08-07' },
        { start: '2014-08-07', end: '2014-08-10' },
        { start: '2026-10-01', end: '2026-11-05' },
      ]),
    ).toEqual([
      { start: '2014-07-31', end: '2014-08-10' },
      { start: '2026-10-01', end: '2026-11-30' },
    ]);
  });

  it('takes the complete ISO weeks before the week of the end date, as the legacy weekly reports', () => {
    expect(isoWeekStart('2014-07-01')).toBe('2014-06-30');
    expect(isoWeekStart('2014-06-30')).toBe('2014-06-30');
    expect(isoWeekStart('2014-07-06')).toBe('2014-06-30');
    expect(completeWeeksBefore('2014-07-01', 6)).toEqual({ start: '2014-05-19', end: '2014-06-30' });
  });

  it('runs the tasks named, in order, and all of them for "all"', () => {
    expect(resolveTasks(['location', 'enrollment']).map((task) => task.name)).toEqual(['enrollment', 'location']);
    expect(resolveTasks(['all']).map((task) => task.name)).toEqual(['engagement', 'problem-response', 'video', 'answer-distribution', 'tags', 'enrollment', 'activity', 'location', 'histograms']);
    expect(() => resolveTasks(['enrolment'])).toThrow(/unknown task "enrolment": the tasks are engagement, problem-response, video, .* and all/);
  });

  it('lists every task after the tasks it requires (the runner waits only for those already started)', () => {
    const names = REPORT_TASKS.map((task) => task.name);
    for (const [index, task] of REPORT_TASKS.entries()) {
      for (const required of task.requires ?? []) {
        const at = names.indexOf(required);
        expect(at >= 0 && at < index, `${task.name} requires ${required}, listed at ${at}`).toBe(true);
      }
    }
  });
});

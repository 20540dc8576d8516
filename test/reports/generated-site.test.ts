import Database from 'better-sqlite3';
import maxmind, { type Reader, type Response } from 'maxmind';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import { addDays, parseInterval } from '../../src/events/interval.js';
import { defaultCountryDatabase } from '../../src/reports/location/country-lookup.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import { runPipeline, storeRows } from '../helpers/pipeline.js';
import { readRawEvents, type RawEvent } from '../helpers/raw-events.js';
import { tempDir } from '../helpers/temp.js';

// The reports of a generated site against counts made here from the raw log lines and the LMS file, in plain
// TypeScript (not by running the reports' SQL again).



const utcDay = (time: string) => new Date(time).toISOString().slice(0, 10);
const payloadOf = (event: RawEvent) => (typeof event.event === 'string' ? (JSON.parse(event.event || '{}') as Record<string, unknown>) : (event.event as Record<string, unknown>));

/** Each learner's enrollment state per course at the end of the events: enrolled?, mode. */
function enrollmentStates(events: RawEvent[], before: string) {
  const states = new Map<string, { enrolled: boolean; mode: string; last: string }>();
  const enrollmentEvents = events
    .filter((event) => event.event_type.startsWith('edx.course.enrollment.') && utcDay(event.time) < before)
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  for (const event of enrollmentEvents) {
    const payload = payloadOf(event);
    const key = `${payload.course_id}\t${payload.user_id}`;
    const state = states.get(key) ?? { enrolled: false, mode: '', last: '' };
    if (event.event_type.endsWith('.activated')) state.enrolled = true;
    if (event.event_type.endsWith('.deactivated')) state.enrolled = false;
    state.mode = String(payload.mode);
    states.set(key, state);
  }
  return [...states].map(([key, state]) => ({ course: key.split('\t')[0]!, user: Number(key.split('\t')[1]), ...state }));
}

function tally<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

describe('reports of a generated site', () => {
  let dir: string;
  let site: GenerateSummary;
  let events: RawEvent[];
  let report: RunReport;
  const days = 21;
  const start = '2026-09-07';
  const end = addDays(start, days);

  beforeAll(async () => {
    dir = await tempDir();
    site = await generateSite({ out: dir, courses: 3, learners: 250, days, start, seed: 5 });
    events = await readRawEvents(path.join(dir, 'logs'));
    report = await runPipeline({
      dir,
      tasks: ['all'],
      params: { interval: parseInterval(`${start}-${end}`), endDate: end, weeks: 3, date: '2026-11-29' },
      lmsUrl: `sqlite:${path.join(dir, 'lms.sqlite')}`,
    });
  });

  it('runs every task', () => {
    expect(report.outcomes.map((outcome) => [outcome.task, outcome.status])).toEqual([
      ['engagement', 'ran'],
      ['problem-response', 'ran'],
      ['video', 'ran'],
      ['answer-distribution', 'ran'],
      ['tags', 'ran'],
      ['enrollment', 'ran'],
      ['activity', 'ran'],
      ['location', 'ran'],
      ['histograms', 'ran'],
    ]);
    expect(report.events?.load?.totals.events).toBe(site.events);
  });

  it('counts enrolled and ever-enrolled learners per course on the last day', async () => {
    const states = enrollmentStates(events, end);
    const lastDay = (await storeRows(dir, 'course_enrollment_daily')).filter((row) => row.date === addDays(end, -1));
    expect(Object.fromEntries(lastDay.map((row) => [row.course_id, [row.count, row.cumulative_count]]))).toEqual(
      Object.fromEntries(site.courses.map((course) => {
        const learners = states.filter((state) => state.course === course);
        return [course, [learners.filter((state) => state.enrolled).length, learners.length]];
      }).filter(([, counts]) => (counts as number[])[1]! > 0)),
    );
  });

  it('splits the last day by mode and by gender as the learners are', async () => {
    const states = enrollmentStates(events, end);
    const lastDay = addDays(end, -1);
    const modes = (await storeRows(dir, 'course_enrollment_mode_daily')).filter((row) => row.date === lastDay);
    expect(tally(modes.flatMap((row) => Array(row.cumulative_count as number).fill(`${row.course_id} ${row.mode}`)), String)).toEqual(
      tally(states, (state) => `${state.course} ${state.mode}`),
    );
    const lms = new Database(path.join(dir, 'lms.sqlite'), { readonly: true });
    const genders = new Map(lms.prepare('select user_id, gender from auth_userprofile').all().map((row) => {
      const { user_id, gender } = row as { user_id: number; gender: string | null };
      return [user_id, gender || null];
    }));
    lms.close();
    const byGender = (await storeRows(dir, 'course_enrollment_gender_daily')).filter((row) => row.date === lastDay);
    expect(Object.fromEntries(byGender.map((row) => [`${row.course_id} ${row.gender}`, row.count]))).toEqual(
      tally(states.filter((state) => state.enrolled), (state) => `${state.course} ${genders.get(state.user) ?? null}`),
    );
  });

  it('counts distinct active learners and video players per course and ISO week', async () => {
    const weekOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
    const weekStart = weekOf(end);
    const first = addDays(weekStart, -21);
    const learners = new Map<string, Set<number>>();
    for (const event of events) {
      const day = utcDay(event.time);
      const user = event.context?.user_id;
      const course = event.context?.course_id;
      if (day < first || day >= weekStart || typeof user !== 'number' || !course) continue;
      if (event.event_source === 'task' || event.event_type.startsWith('edx.course.enrollment.')) continue;
      const labels = ['ACTIVE'];
      if (event.event_type === 'play_video' && ['browser', 'mobile'].includes(event.event_source ?? '')) labels.push('PLAYED_VIDEO');
      if (event.event_type === 'problem_check' && event.event_source === 'server') labels.push('ATTEMPTED_PROBLEM');
      for (const label of labels) {
        const key = `${course} ${weekOf(day)} ${label}`;
        learners.set(key, (learners.get(key) ?? new Set()).add(user));
      }
    }
    const rows = await storeRows(dir, 'course_activity');
    expect(
      Object.fromEntries(rows.filter((row) => row.label !== 'POSTED_FORUM').map((row) => [`${row.course_id} ${String(row.interval_start).slice(0, 10)} ${row.label}`, row.count])),
    ).toEqual(Object.fromEntries([...learners].map(([key, users]) => [key, users.size])));
  });

  it("locates each enrolled learner by the last address seen in the interval", async () => {
    const reader: Reader<Response> = await maxmind.open(defaultCountryDatabase());
    const lastIp = new Map<number, { time: number; ip: string }>();
    for (const event of events) {
      const user = event.context?.user_id;
      const day = utcDay(event.time);
      if (typeof user !== 'number' || !event.ip || day < start || day >= end) continue;
      const time = Date.parse(event.time);
      const seen = lastIp.get(user);
      if (!seen || time > seen.time || (time === seen.time && event.ip > seen.ip)) lastIp.set(user, { time, ip: event.ip });
    }
    const lms = new Database(path.join(dir, 'lms.sqlite'), { readonly: true });
    const enrollments = lms.prepare('select user_id, course_id, is_active from student_courseenrollment').all() as { user_id: number; course_id: string; is_active: number }[];
    lms.close();
    const countryOf = (user: number) => {
      const seen = lastIp.get(user);
      if (!seen) return null;
      return (reader.get(seen.ip) as { country_code?: string } | null)?.country_code ?? 'UNKNOWN';
    };
    const rows = await storeRows(dir, 'course_enrollment_location_current');
    expect(Object.fromEntries(rows.map((row) => [`${row.course_id} ${row.country_code}`, [row.count, row.cumulative_count]]))).toEqual(
      Object.fromEntries(Object.entries(tally(enrollments, (row) => `${row.course_id} ${countryOf(row.user_id)}`)).map(([key, total]) => [
        key,
        [enrollments.filter((row) => `${row.course_id} ${countryOf(row.user_id)}` === key && row.is_active === 1).length, total],
      ])),
    );
    expect(rows.every((row) => row.date === '2026-11-29')).toBe(true);
    expect(new Set(rows.map((row) => row.country_code)).size).toBeGreaterThan(5);
  });
});

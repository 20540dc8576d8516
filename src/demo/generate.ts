import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays, daysOf } from '../events/interval.js';
import { BAD_LINE_KINDS, badLineFor, type BadLineKind } from './bad-lines.js';
import { SiteSimulator } from './learner-activity.js';
import { writeLmsDatabase } from './lms-database.js';
import { RotatingLogWriter } from './log-writer.js';
import { Random } from './random.js';
import { buildSite, type Course } from './site-model.js';

export interface GenerateOptions {
  readonly out: string;
  readonly courses?: number;
  readonly learners?: number;
  readonly days?: number;
  readonly start?: string;
  readonly seed?: number;
  /** Share of event lines followed by a damaged or unusual line, 0..1. */
  readonly badLineRate?: number;
  readonly serverGroups?: number;
  readonly onDay?: (day: string, index: number, total: number) => void;
}

export interface GenerateSummary {
  readonly out: string;
  readonly start: string;
  readonly end: string;
  readonly seed: number;
  readonly courses: string[];
  readonly learners: number;
  readonly events: number;
  readonly eventsByType: Record<string, number>;
  /** Events per UTC date of their own time (the last sessions of a day can run past midnight). */
  readonly eventsByDay: Record<string, number>;
  readonly badLines: Partial<Record<BadLineKind, number>>;
  readonly logFiles: string[];
}

export const GENERATE_DEFAULTS: Required<Omit<GenerateOptions, 'out' | 'onDay'>> = { courses: 4, learners: 300, days: 30, start: '2026-09-01', seed: 1, badLineRate: 0, serverGroups: 2 };

/** Generates a whole Open edX site: LMS database, course structures and gzipped tracking logs, deterministically. */
export async function generateSite(options: GenerateOptions): Promise<GenerateSummary> {
  const settings = { ...GENERATE_DEFAULTS, ...withoutUndefined(options), out: options.out };
  const random = new Random(settings.seed);
  const site = buildSite(random, settings);
  await rm(path.join(settings.out, 'logs'), { recursive: true, force: true });
  await mkdir(path.join(settings.out, 'courses'), { recursive: true });

  for (const course of site.courses) {
    const name = course.id.replace(/[^A-Za-z0-9]+/g, '_');
    await writeFile(path.join(settings.out, 'courses', `${name}.json`), JSON.stringify(course.content.structure, null, 1));
  }
  await writeStructureFiles(settings.out, site.courses);

  const groups = Array.from({ length: settings.serverGroups }, (_, index) => `edxapp-${String(index + 1).padStart(2, '0')}`);
  const rotationRandom = new Random(settings.seed + 1);
  const delays = new Map<string, number>();
  const writers = groups.map(
    (group) =>
      new RotatingLogWriter(path.join(settings.out, 'logs', group), site.start, (day) => {
        const key = `${group} ${day}`;
        if (!delays.has(key)) delays.set(key, rotationRandom.int(0, 15));
        return delays.get(key)!;
      }),
  );
  const simulator = new SiteSimulator(site, random);
  const badRandom = new Random(settings.seed + 2);
  const kinds = Object.keys(BAD_LINE_KINDS) as BadLineKind[];
  const eventsByType: Record<string, number> = {};
  const eventsByDay: Record<string, number> = {};
  const badLines: Partial<Record<BadLineKind, number>> = {};
  let events = 0;
  const days = daysOf({ start: site.start, end: addDays(site.start, settings.days) });
  for (const [index, day] of days.entries()) {
    const dayEvents = simulator.eventsOn(day).sort((a, b) => a.time.localeCompare(b.time));
    for (const event of dayEvents) {
      const writer = writers[groupOf(event.session as string, writers.length)]!;
      const line = JSON.stringify(event);
      const time = Date.parse(event.time);
      await writer.write(time, Buffer.from(line));
      events += 1;
      const type = (event.event_type as string).startsWith('/') ? 'page_view' : (event.event_type as string);
      eventsByType[type] = (eventsByType[type] ?? 0) + 1;
      const date = event.time.slice(0, 10);
      eventsByDay[date] = (eventsByDay[date] ?? 0) + 1;
      if (settings.badLineRate > 0 && badRandom.chance(settings.badLineRate)) {
        const kind = badRandom.pick(kinds);
        badLines[kind] = (badLines[kind] ?? 0) + 1;
        await writer.write(time, badLineFor(badRandom, kind, event, line));
      }
    }
    options.onDay?.(day, index, days.length);
  }
  const lastDay = days[days.length - 1]!;
  for (const writer of writers) await writer.close(lastDay);

  await rm(path.join(settings.out, 'lms.sqlite'), { force: true });
  writeLmsDatabase(path.join(settings.out, 'lms.sqlite'), {
    site,
    enrollments: simulator.finalEnrollments(),
    studentModules: simulator.studentModules.values(),
    asOf: new Date(`${addDays(lastDay, 1)}T00:00:00Z`),
  });

  const summary: GenerateSummary = {
    out: settings.out,
    start: site.start,
    end: addDays(lastDay, 1),
    seed: settings.seed,
    courses: site.courses.map((course) => course.id),
    learners: site.learners.length,
    events,
    eventsByType,
    eventsByDay,
    badLines,
    logFiles: writers.flatMap((writer) => writer.files.map((file) => path.relative(settings.out, file))),
  };
  await writeFile(path.join(settings.out, 'site.json'), `${JSON.stringify(summary, null, 1)}\n`);
  return summary;
}

function groupOf(session: string, groups: number): number {
  let hash = 0;
  for (let index = 0; index < session.length; index += 1) hash = (hash * 31 + session.charCodeAt(index)) | 0;
  return Math.abs(hash) % groups;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/**
 * The LMS API answers as the legacy pipeline stored them (one JSON document a line): the course list and each
 * course's blocks with its course_id, so that `--course-structure DIR` can read a generated site's outline.
 */
async function writeStructureFiles(out: string, courses: readonly Course[]): Promise<void> {
  const list = courses.map((course) =>
    JSON.stringify({
      id: course.id,
      name: course.displayName,
      org: course.org,
      number: course.number,
      start: `${course.start}T00:00:00Z`,
      end: `${course.end}T00:00:00Z`,
      pacing: course.selfPaced ? 'self' : 'instructor',
    }),
  );
  const blocks = courses.map((course) => JSON.stringify({ ...course.content.structure, course_id: course.id }));
  await writeFile(path.join(out, 'course_list.json'), `${list.join('\n')}\n`);
  await writeFile(path.join(out, 'course_blocks.json'), `${blocks.join('\n')}\n`);
}

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import type { CourseStructure } from '../../src/demo/course-structure.js';
import { loadInto } from '../helpers/load.js';
import { tempDir } from '../helpers/temp.js';

async function contentHash(logs: string): Promise<string> {
  const hash = createHash('sha256');
  for (const group of (await readdir(logs)).sort()) {
    for (const name of (await readdir(path.join(logs, group))).sort()) {
      hash.update(name).update(gunzipSync(await readFile(path.join(logs, group, name))));
    }
  }
  return hash.digest('hex');
}

describe('lantern generate', () => {
  let dir: string;
  let site: GenerateSummary;
  let lms: Database.Database;

  beforeAll(async () => {
    dir = await tempDir();
    site = await generateSite({ out: path.join(dir, 'a'), learners: 120, days: 10, start: '2026-02-02', seed: 11, badLineRate: 0.02 });
    lms = new Database(path.join(dir, 'a', 'lms.sqlite'), { readonly: true });
    return () => lms.close();
  });

  it('is deterministic: the same seed gives the same logs', async () => {
    const again = await generateSite({ out: path.join(dir, 'b'), learners: 120, days: 10, start: '2026-02-02', seed: 11, badLineRate: 0.02 });
    expect(again.events).toBe(site.events);
    expect(await contentHash(path.join(dir, 'b', 'logs'))).toBe(await contentHash(path.join(dir, 'a', 'logs')));
    const other = await generateSite({ out: path.join(dir, 'c'), learners: 120, days: 10, start: '2026-02-02', seed: 12 });
    expect(other.events).not.toBe(site.events);
  });

  it('writes one gzipped log per server group and day, named as the log sync names them', () => {
    expect(site.logFiles).toHaveLength(20);
    for (const file of site.logFiles) expect(file).toMatch(/^logs\/edxapp-0[12]\/tracking\.log-202602\d\d-\d{10}\.gz$/);
  });

  it('logs every event type the reports need', () => {
    for (const type of [
      'edx.course.enrollment.activated', 'edx.course.enrollment.deactivated', 'edx.course.enrollment.mode_changed',
      'page_view', 'play_video', 'pause_video', 'seek_video', 'stop_video', 'edx.video.played', 'problem_check',
      'edx.forum.thread.created', 'edx.forum.thread.viewed',
    ]) {
      expect(site.eventsByType[type], type).toBeGreaterThan(0);
    }
  });

  it('keeps the LMS database consistent with the enrollment events', () => {
    const count = (sql: string) => (lms.prepare(sql).get() as { n: number }).n;
    expect(count('select count(*) as n from auth_user')).toBe(site.learners + site.courses.length);
    expect(count('select count(*) as n from auth_userprofile')).toBe(site.learners + site.courses.length);
    expect(count('select count(*) as n from student_courseenrollment')).toBe(site.eventsByType['edx.course.enrollment.activated']);
    expect(count('select count(*) as n from student_courseenrollment where is_active = 0')).toBe(site.eventsByType['edx.course.enrollment.deactivated']);
    expect(count('select count(*) as n from course_overviews_courseoverview')).toBe(site.courses.length);
    expect(count("select count(*) as n from student_courseaccessrole where role = 'staff'")).toBe(site.courses.length);
    expect(count("select count(*) as n from courseware_studentmodule where module_type = 'problem'")).toBeGreaterThan(0);
    expect(count('select count(*) as n from grades_persistentcoursegrade')).toBeGreaterThan(0);
    const profile = lms.prepare('select gender, level_of_education, year_of_birth, country from auth_userprofile where user_id = 5').get();
    expect(profile).toMatchObject({ country: expect.stringMatching(/^[A-Z]{2}$/) });
  });

  it('writes course structures as the blocks API returns them', async () => {
    const files = await readdir(path.join(dir, 'a', 'courses'));
    expect(files).toHaveLength(site.courses.length);
    const structure = JSON.parse(await readFile(path.join(dir, 'a', 'courses', files[0]!), 'utf8')) as CourseStructure;
    const types = new Set(Object.values(structure.blocks).map((block) => block.type));
    for (const type of ['course', 'chapter', 'sequential', 'vertical', 'problem', 'video']) expect(types).toContain(type);
    expect(structure.blocks[structure.root]?.type).toBe('course');
  });

  it('plants bad lines that the loader counts under the matching reasons, and loses no event', async () => {
    const { engine, report } = await loadInto(path.join(dir, 'a', 'logs'), `${site.start}-${site.end}`, dir);
    await engine.close();
    const planted = site.badLines;
    expect(report.totals.dropped).toEqual({
      invalid_json: (planted.truncated ?? 0) + (planted.garbage ?? 0),
      missing_time: planted.missing_time,
      invalid_time: planted.invalid_time,
      missing_event_type: planted.missing_event_type,
      invalid_encoding: planted.invalid_encoding,
      duplicate: planted.duplicate,
    });
    // A line with a syslog prefix is read; it is a copy of an event under another session, so it adds one.
    const inInterval = Object.entries(site.eventsByDay).filter(([day]) => day < site.end).reduce((sum, [, n]) => sum + n, 0);
    expect(report.totals.events).toBe(inInterval + (planted.syslog_prefix ?? 0));
  });
});

import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/demo/generate.js';
import { openLmsDatabase, type LmsDatabase } from '../../src/lms/lms-database.js';
import { LMS_DATETIME_COLUMNS, LMS_FLAG_COLUMNS, type LmsColumn, type LmsTableName } from '../../src/lms/lms-schema.js';
import { readLmsCounts, readLmsRows } from '../../src/lms/read-lms-rows.js';
import { tempDir } from '../helpers/temp.js';

const DEMO_TABLES = [
  'auth_user', 'auth_userprofile', 'student_courseenrollment', 'student_courseaccessrole',
  'course_overviews_courseoverview', 'grades_persistentcoursegrade', 'courseware_studentmodule',
] as const satisfies readonly LmsTableName[];

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;

async function readAll<T extends LmsTableName, C extends LmsColumn<T>>(lms: LmsDatabase, table: T, columns: readonly C[], batchSize: number) {
  const batches = [];
  for await (const batch of readLmsRows(lms, table, columns, { batchSize })) batches.push(batch);
  return batches;
}

describe('readLmsRows over a generated site', () => {
  let file: string;
  let raw: Database.Database;
  let lms: LmsDatabase;

  beforeAll(async () => {
    const dir = await tempDir();
    await generateSite({ out: dir, learners: 40, days: 6, start: '2026-03-02', seed: 5 });
    file = path.join(dir, 'lms.sqlite');
    raw = new Database(file, { readonly: true });
    lms = await openLmsDatabase(`sqlite:${file}`);
  });

  afterAll(async () => {
    await lms?.close();
    raw?.close();
  });

  it('answers the reachability check', async () => {
    await expect(lms.check()).resolves.toBeUndefined();
    expect(lms.backend).toBe('sqlite');
  });

  it.each(DEMO_TABLES)('pages through %s in key order, every row once', async (table) => {
    const columns = (raw.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[]).filter((column) => column !== 'password');
    const expected = raw.prepare(`select ${columns.map((column) => `"${column}"`).join(', ')} from ${table} order by id`).all() as Record<string, unknown>[];
    expect(expected.length).toBeGreaterThan(2);

    const batches = await readAll(lms, table, columns as LmsColumn<typeof table>[], 3);
    expect(batches.slice(0, -1).every((batch) => batch.length === 3)).toBe(true);
    expect(batches.at(-1)!.length).toBeGreaterThan(0);
    const rows = batches.flat() as Record<string, unknown>[];
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    // The demo writes datetimes as the reader returns them and booleans as 0/1, so rows come back unchanged.
    expect(rows).toEqual(expected);
  });

  it('filters every page with `where`', async () => {
    const courseId = raw.prepare('select course_id from student_courseenrollment order by id limit 1').pluck().get() as string;
    const expected = raw.prepare('select id from student_courseenrollment where course_id = ? and is_active = 1 order by id').pluck().all(courseId);
    const rows = [];
    for await (const batch of readLmsRows(lms, 'student_courseenrollment', ['id', 'course_id', 'is_active', 'created'], {
      batchSize: 2,
      where: (eb) => eb.and([eb('course_id', '=', courseId), eb('is_active', '=', 1)]),
    })) {
      rows.push(...batch);
    }
    expect(rows.map((row) => row.id)).toEqual(expected);
    for (const row of rows) {
      expect(row).toMatchObject({ course_id: courseId, is_active: 1, created: expect.stringMatching(DATETIME) });
    }
  });

  it('pages by a text key, and leaves the key out when it was not asked for', async () => {
    const rows = (await readAll(lms, 'course_overviews_courseoverview', ['display_name', 'self_paced', 'start'], 1)).flat();
    const expected = raw.prepare('select display_name, self_paced, start from course_overviews_courseoverview order by id').all();
    expect(rows).toEqual(expected);
    expect(Object.keys(rows[0]!)).toEqual(['display_name', 'self_paced', 'start']);
  });

  it('declares as datetime and boolean exactly the columns the demo schema declares so', () => {
    for (const table of DEMO_TABLES) {
      const declared = raw.prepare(`select name, type from pragma_table_info('${table}')`).all() as { name: string; type: string }[];
      const ofType = (type: string) => declared.filter((column) => column.type.toLowerCase() === type).map((column) => column.name).sort();
      expect(ofType('datetime'), table).toEqual([...LMS_DATETIME_COLUMNS[table]].sort());
      expect(ofType('boolean'), table).toEqual([...LMS_FLAG_COLUMNS[table]].sort());
    }
  });

  it('yields nothing for an empty selection of rows', async () => {
    const batches = [];
    for await (const batch of readLmsRows(lms, 'auth_user', ['id'], { where: (eb) => eb('id', '<', 0) })) batches.push(batch);
    expect(batches).toEqual([]);
  });

  it('reads counts per combination of values, grouped and filtered by the database, in the order of the groups', async () => {
    const rows = [];
    for await (const batch of readLmsCounts(lms, 'courseware_studentmodule', ['module_type', 'course_id', 'grade'], {
      countAs: 'learners',
      batchSize: 4,
      where: (eb) => eb.or([eb('grade', 'is not', null), eb('module_type', '=', 'sequential')]),
    })) {
      expect(batch.length).toBeLessThanOrEqual(4);
      rows.push(...batch);
    }
    // Counted here from every row, NULL grades included as their own group.
    const all = raw.prepare('select module_type, course_id, grade from courseware_studentmodule').all() as { module_type: string; course_id: string; grade: number | null }[];
    const counts = new Map<string, number>();
    for (const row of all.filter((row) => row.grade !== null || row.module_type === 'sequential')) {
      const key = JSON.stringify([row.module_type, row.course_id, row.grade]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.some((row) => row.grade === null)).toBe(true);
    expect(new Map(rows.map((row) => [JSON.stringify([row.module_type, row.course_id, row.grade]), row.learners]))).toEqual(counts);
    const keys = rows.map((row) => [row.module_type, row.course_id, row.grade ?? -Infinity] as const);
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...keys].sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
  });

  it('names the table and the masked URL when counting fails', async () => {
    const read = readLmsCounts(lms, 'course_groups_courseusergroup', ['name'], { countAs: 'groups' })[Symbol.asyncIterator]().next();
    await expect(read).rejects.toMatchObject({
      name: 'LmsDatabaseError',
      code: 'query-failed',
      message: expect.stringMatching(/^counting course_groups_courseusergroup in the LMS database sqlite:.*failed: .*no such table/),
    });
  });

  it('names the table and the masked URL when a read fails', async () => {
    const read = readLmsRows(lms, 'course_groups_courseusergroup', ['id', 'name'])[Symbol.asyncIterator]().next();
    await expect(read).rejects.toMatchObject({
      name: 'LmsDatabaseError',
      code: 'query-failed',
      message: expect.stringMatching(/^reading course_groups_courseusergroup from the LMS database sqlite:.*lms\.sqlite failed: .*no such table: course_groups_courseusergroup$/),
    });
  });
});

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInterval } from '../../src/events/interval.js';
import { asComparableRows, expectedRows } from '../helpers/expected-rows.js';
import { placeConformanceLog, runPipeline, storeRows } from '../helpers/pipeline.js';
import { CONFORMANCE_INPUT, tempDir } from '../helpers/temp.js';

// The enrollment conformance run as a site at scale would have it: the LMS dumps loaded as they are into MariaDB
// (the read replica), and the reports written to MariaDB and to PostgreSQL.

const suffix = randomBytes(5).toString('hex');
const LMS_DB = `lantern_test_lms_${suffix}`;
const MYSQL_STORE = `lantern_test_reports_${suffix}`;
const PG_STORE = `lantern_test_reports_${suffix}`;
const TABLES = [
  ['course_enrollment_daily', 'course_enrollment_daily.csv'],
  ['course_enrollment_mode_daily', 'course_enrollment_mode_daily.csv'],
  ['course_enrollment_gender_daily', 'course_enrollment_gender_daily.csv'],
  ['course_enrollment_birth_year_daily', 'course_enrollment_birth_year_daily.csv'],
  ['course_enrollment_education_level_daily', 'course_enrollment_education_level_daily.csv'],
  ['course_meta_summary_enrollment', 'course_meta_summary_enrollment__catalog_disabled.csv'],
] as const;

describe('the pipeline with a MariaDB read replica and MySQL/PostgreSQL reports stores', () => {
  let mariadb: Connection;
  let postgres: pg.Client;
  let dir: string;

  beforeAll(async () => {
    mariadb = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root', multipleStatements: true });
    await mariadb.query(`create database \`${LMS_DB}\`; create database \`${MYSQL_STORE}\`; use \`${LMS_DB}\``);
    for (const dump of ['load_auth_userprofile.sql', 'load_grades_persistentcoursegrade.sql']) {
      await mariadb.query(await readFile(path.join(CONFORMANCE_INPUT, dump), 'utf8'));
    }
    postgres = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
    await postgres.connect();
    await postgres.query(`create database ${PG_STORE}`);
    dir = await tempDir();
    await placeConformanceLog(dir, 'enrollment_trends_tracking.log', 'tracking.log-20140730.gz');
  });

  afterAll(async () => {
    await mariadb?.query(`drop database if exists \`${LMS_DB}\`; drop database if exists \`${MYSQL_STORE}\``);
    await mariadb?.end();
    await postgres?.query(`drop database if exists ${PG_STORE} with (force)`);
    await postgres?.end();
  });

  it.each([
    ['MariaDB', `mysql://root@127.0.0.1:3306/${MYSQL_STORE}`],
    ['PostgreSQL', `postgres://postgres@127.0.0.1:5432/${PG_STORE}`],
  ])('reproduces the enrollment family into %s', async (_name, storeUrl) => {
    const params = { interval: parseInterval('2014-07-31-2014-08-07'), endDate: '2014-07-01', weeks: 6, date: '2026-11-29' };
    const lmsUrl = `mysql://root@127.0.0.1:3306/${LMS_DB}`;
    const report = await runPipeline({ dir, tasks: ['enrollment'], params, lmsUrl, storeUrl });
    expect(report.outcomes.map((outcome) => [outcome.task, outcome.status])).toEqual([['enrollment', 'ran']]);
    for (const [table, file] of TABLES) {
      const expected = expectedRows(file);
      expect(asComparableRows(await storeRows(dir, table, storeUrl), expected.columns), table).toEqual(expected.rows);
    }
    const again = await runPipeline({ dir, tasks: ['enrollment'], params, lmsUrl, storeUrl });
    expect(again.outcomes[0]?.status).toBe('up-to-date');
  });
});

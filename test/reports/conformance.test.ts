import { beforeAll, describe, expect, it } from 'vitest';
import { parseInterval } from '../../src/events/interval.js';
import type { RunReport } from '../../src/reports/runner/run-tasks.js';
import { asComparableRows, expectedRows } from '../helpers/expected-rows.js';
import { conformanceLms, placeConformanceLog, runPipeline, storeRows } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

// The legacy pipeline's acceptance fixtures (../shared/conformance), run with the parameters its README gives.
const RUN_DAY = '2026-11-29';
const params = (overrides: Partial<Parameters<typeof runPipeline>[0]['params']> = {}) => ({
  interval: parseInterval('2014-07-31-2014-08-07'),
  endDate: '2014-07-01',
  weeks: 6,
  date: RUN_DAY,
  ...overrides,
});

async function expectTable(dir: string, table: string, file = `${table}.csv`, placeholders: Record<string, string> = {}) {
  const expected = expectedRows(file, placeholders);
  expect(asComparableRows(await storeRows(dir, table), expected.columns)).toEqual(expected.rows);
}

describe('enrollment family (ImportEnrollmentsIntoMysql)', () => {
  let dir: string;
  let report: RunReport;
  beforeAll(async () => {
    dir = await tempDir();
    await placeConformanceLog(dir, 'enrollment_trends_tracking.log', 'tracking.log-20140730.gz');
    const lmsUrl = conformanceLms(dir, ['load_auth_userprofile.sql', 'load_grades_persistentcoursegrade.sql']);
    report = await runPipeline({ dir, tasks: ['enrollment'], params: params(), lmsUrl });
  });

  it('runs and publishes every table of the family', () => {
    expect(report.outcomes.map((outcome) => [outcome.task, outcome.status])).toEqual([['enrollment', 'ran']]);
    expect(report.outcomes[0]!.rows).toEqual({
      course_enrollment_daily: 10,
      course_enrollment_mode_daily: 21,
      course_enrollment_gender_daily: 16,
      course_enrollment_birth_year_daily: 6,
      course_enrollment_education_level_daily: 5,
      course_meta_summary_enrollment: 4,
      course_program_metadata: 0,
    });
  });

  for (const table of [
    'course_enrollment_daily',
    'course_enrollment_mode_daily',
    'course_enrollment_gender_daily',
    'course_enrollment_birth_year_daily',
    'course_enrollment_education_level_daily',
  ]) {
    it(`reproduces ${table}`, () => expectTable(dir, table));
  }

  it('reproduces course_meta_summary_enrollment without a catalog', () =>
    expectTable(dir, 'course_meta_summary_enrollment', 'course_meta_summary_enrollment__catalog_disabled.csv'));

  it('leaves course_program_metadata empty without a catalog', async () => {
    expect(await storeRows(dir, 'course_program_metadata')).toEqual([]);
  });
});

describe('course activity (InsertToMysqlCourseActivityTask)', () => {
  it('reproduces course_activity for the 6 complete weeks before 2014-07-01', async () => {
    const dir = await tempDir();
    await placeConformanceLog(dir, 'user_activity_tracking.log', 'tracking.log-20140701.gz');
    const report = await runPipeline({ dir, tasks: ['activity'], params: params() });
    expect(report.outcomes[0]).toMatchObject({ task: 'activity', status: 'ran', rows: { course_activity: 10 } });
    await expectTable(dir, 'course_activity');
  });
});

describe('location (InsertToMysqlLastCountryPerCourseTask)', () => {
  it('reproduces course_enrollment_location_current with the default GeoIP database', async () => {
    const dir = await tempDir();
    await placeConformanceLog(dir, 'location_by_course_tracking.log', 'tracking.log-20140721.gz');
    const lmsUrl = conformanceLms(dir, ['load_student_courseenrollment_for_location_by_course.sql', 'load_auth_user_for_location_by_course.sql']);
    const report = await runPipeline({ dir, tasks: ['location'], params: params({ interval: parseInterval('2014-07-21') }), lmsUrl });
    expect(report.outcomes[0]).toMatchObject({ task: 'location', status: 'ran' });
    await expectTable(dir, 'course_enrollment_location_current', undefined, { '<TODAY_UTC>': RUN_DAY });
  });
});

describe('the machine time zone', () => {
  it('does not change the enrollment rows (run with TZ at UTC+14)', async () => {
    const dir = await tempDir();
    await placeConformanceLog(dir, 'enrollment_trends_tracking.log', 'tracking.log-20140730.gz');
    const lmsUrl = conformanceLms(dir, ['load_auth_userprofile.sql', 'load_grades_persistentcoursegrade.sql']);
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(new Date(2014, 7, 1).getTimezoneOffset()).toBe(-14 * 60);
      await runPipeline({ dir, tasks: ['enrollment'], params: params(), lmsUrl });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    await expectTable(dir, 'course_enrollment_daily');
    await expectTable(dir, 'course_enrollment_mode_daily');
    await expectTable(dir, 'course_meta_summary_enrollment', 'course_meta_summary_enrollment__catalog_disabled.csv');
  });
});

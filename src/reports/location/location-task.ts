import { sqlFile } from '../../engine/sql-file.js';
import { LMS_TABLES } from '../runner/lms-import.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';

const sql = (name: string) => sqlFile(import.meta.url, name);

/** Enrollments by country (legacy InsertToMysqlLastCountryPerCourseTask): each learner's last IP, located. */
export const locationTask: ReportTask = {
  name: 'location',
  description: "current enrollments per course by the country of each learner's last IP address",
  inputs: {
    events: (params) => params.interval,
    lms: { tables: [LMS_TABLES.student_courseenrollment], required: true },
    geoip: true,
  },
  moduleUrl: import.meta.url,
  sqlFiles: ['last_ip_of_user.sql', 'course_enrollment_location_current.sql'],
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end, snapshot_date: params.date }),
  outputs: () => ['course_enrollment_location_current'],
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const { engine, params, countries } = context;
    if (!countries) throw new Error('the location report needs a GeoIP database');
    await engine.materialize('last_ip_of_user', sql('last_ip_of_user.sql'), {
      interval_start: params.interval.start,
      interval_end: params.interval.end,
    });
    const addresses = await engine.query<{ ip: string }>('select distinct ip from last_ip_of_user');
    const located = addresses.map(({ ip }) => ({ ip, country_code: countries.countryOf(ip) }));
    const unknown = located.filter((address) => address.country_code === null).length;
    if (unknown > 0) context.note(`${unknown} of ${located.length} last addresses are private or not in the GeoIP database: counted as UNKNOWN`);
    await engine.importRows('ip_countries', [{ name: 'ip', type: 'varchar' }, { name: 'country_code', type: 'varchar' }], [located]);
    const rows = await engine.query(sql('course_enrollment_location_current.sql'), { snapshot_date: params.date });
    return [{ table: 'course_enrollment_location_current', rows }];
  },
};

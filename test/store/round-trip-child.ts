// Run by store-scenarios.ts in a child process with another TZ: publishes DATE and DATETIME values, prints them back.
import { openStore } from '../../src/store/open-store.js';
import { publishTables } from '../../src/store/publish.js';

const store = await openStore(process.argv[2]!, { migrate: true });
try {
  const course = 'course-v1:edX+DemoX+Demo_2014';
  await publishTables(store, [
    {
      table: 'course_meta_summary_enrollment',
      rows: [
        {
          course_id: course,
          catalog_course_title: null,
          start_time: '2014-01-01 00:00:00',
          end_time: '2014-12-31 23:59:59',
          enrollment_mode: 'honor',
          count: 3,
        },
      ],
    },
    {
      table: 'course_enrollment_daily',
      rows: [
        { course_id: course, date: '2014-08-01', count: 10, cumulative_count: 10 },
        { course_id: course, date: '2014-12-31', count: 11, cumulative_count: 21 },
      ],
    },
  ]);
  const summary = await store.db
    .selectFrom('course_meta_summary_enrollment')
    .select(['course_id', 'catalog_course_title', 'start_time', 'end_time', 'enrollment_mode', 'count', 'passing_users'])
    .execute();
  const daily = await store.db.selectFrom('course_enrollment_daily').select(['date', 'course_id', 'count']).orderBy('date').execute();
  const created = await store.db.selectFrom('course_enrollment_daily').select('created').execute();
  const offsetMinutes = -new Date('2014-08-01T00:00:00Z').getTimezoneOffset();
  process.stdout.write(JSON.stringify({ offsetMinutes, rows: [...summary, ...daily], created: created.map((row) => row.created) }));
} finally {
  await store.close();
}

import path from 'node:path';
import { openReportFolder } from '../../src/store/report-folder/report-folder.js';
import { storeDateTime } from '../../src/store/store-values.js';
import type { ApiFixture } from './api-fixture.js';

const DAY = '2014-01-01';
export const problemOf = (course: string) => `${course}-problem`;
export const videoOf = (course: string) => `${course}|video`;

/** One row (or a few) in every table the API reads, for one course. */
export async function seedEveryTable(fixture: ApiFixture, course: string): Promise<void> {
  const counts = { count: 5, cumulative_count: 5 };
  await fixture.insert('course_enrollment_daily', [{ course_id: course, date: DAY, ...counts }]);
  await fixture.insert('course_enrollment_mode_daily', [{ course_id: course, date: DAY, mode: 'audit', ...counts }]);
  await fixture.insert('course_enrollment_birth_year_daily', [{ course_id: course, date: DAY, birth_year: 1990, ...counts }]);
  await fixture.insert('course_enrollment_education_level_daily', [{ course_id: course, date: DAY, education_level: 'bachelors', ...counts }]);
  await fixture.insert('course_enrollment_gender_daily', [{ course_id: course, date: DAY, gender: 'f', ...counts }]);
  await fixture.insert('course_enrollment_location_current', [{ course_id: course, date: DAY, country_code: 'US', ...counts }]);
  await fixture.insert('course_activity', [{ course_id: course, interval_start: '2014-01-01 00:00:00', interval_end: '2014-01-08 00:00:00', label: 'ACTIVE', count: 3 }]);
  await fixture.insert('answer_distribution', [{
    course_id: course, module_id: problemOf(course), part_id: 'p1', correct: 1, first_response_count: 1, last_response_count: 2, value_id: 'choice_1',
    answer_value_text: 'A', answer_value_numeric: null, variant: null, problem_display_name: 'P', question_text: 'Q',
  }]);
  await fixture.insert('tags_distribution', [{ course_id: course, org_id: 'edX', module_id: problemOf(course), tag_name: 'difficulty', tag_value: 'easy', total_submissions: 2, correct_submissions: 1 }]);
  await fixture.insert('grade_distribution', [{ course_id: course, module_id: problemOf(course), grade: 1, max_grade: 2, count: 3 }]);
  await fixture.insert('sequential_open_distribution', [{ course_id: course, module_id: problemOf(course), count: 3 }]);
  await fixture.insert('video', [{ course_id: course, pipeline_video_id: videoOf(course), encoded_module_id: 'video', duration: 100, segment_length: 5, users_at_start: 2, users_at_end: 1, total_viewed_seconds: 50 }]);
  await fixture.insert('video_timeline', [{ pipeline_video_id: videoOf(course), segment: 0, num_users: 2, num_views: 3 }]);
  await fixture.insert('module_engagement', [{ course_id: course, username: 'ada', date: DAY, entity_type: 'problem', entity_id: problemOf(course), event: 'attempted', count: 1 }]);
  await fixture.insert('course_meta_summary_enrollment', [{
    course_id: course, catalog_course_title: 'T', catalog_course: 'C', start_time: null, end_time: null, pacing_type: 'self_paced',
    availability: 'Current', enrollment_mode: 'audit', count: 5, cumulative_count: 5, count_change_7_days: 0, passing_users: 0,
  }]);
  await fixture.insert('course_program_metadata', [{ course_id: course, program_id: 'program-1', program_type: 'XSeries', program_title: 'Both courses' }]);
  const file = await openReportFolder(path.join(fixture.dir, 'reports')).write(`${course.replace(/\W/g, '_')}.csv`, 'a\r\n1\r\n');
  await fixture.insert('course_report_files', [{
    course_id: course, report_name: 'problem_response', file_name: file.name, location: file.location, file_size: file.size, last_modified: storeDateTime(file.lastModified), row_count: 1,
  }]);
}

/** The URL of a route (an OpenAPI path) for a course's data. */
export function urlFor(route: string, course: string): string {
  const url = route
    .replace('{course_id}', course)
    .replace('{problem_id}', encodeURIComponent(problemOf(course)))
    .replace('{video_id}', encodeURIComponent(videoOf(course)))
    .replace('{report_name}', 'problem_response')
    .replace('{username}', 'ada');
  return route.includes('{username}') ? `${url}?course_id=${encodeURIComponent(course)}` : url;
}

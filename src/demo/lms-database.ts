import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { StudentModuleState } from './learner-activity.js';
import type { EnrollmentPlan, Learner, Site } from './site-model.js';

const sqlite = (time: Date | string) => (typeof time === 'string' ? `${time} 00:00:00` : time.toISOString().replace('T', ' ').slice(0, 19));

export interface LmsFacts {
  readonly site: Site;
  readonly enrollments: readonly { plan: EnrollmentPlan; mode: string; active: boolean }[];
  readonly studentModules: Iterable<StudentModuleState>;
  /** When the read replica was "copied": the end of the generated period. */
  readonly asOf: Date;
}

/** Writes the LMS read replica of a generated site as a SQLite file with edx-platform's tables. */
export function writeLmsDatabase(file: string, facts: LmsFacts): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(readFileSync(new URL('./lms_schema.sql', import.meta.url), 'utf8'));
    db.transaction(() => insertAll(db, facts))();
  } finally {
    db.close();
  }
}

function insertAll(db: Database.Database, facts: LmsFacts): void {
  const { site } = facts;
  const user = db.prepare(`insert into auth_user values (@id, '!', @lastLogin, 0, @username, @first, @last, @email, @staff, 1, @joined)`);
  const profile = db.prepare(`insert into auth_userprofile (id, user_id, name, meta, courseware, language, location,
    year_of_birth, gender, level_of_education, country, goals) values (@id, @id, @name, '', 'course.xml', '', '',
    @yearOfBirth, @gender, @education, @country, '')`);
  const people: [Learner, boolean][] = [...site.staff.map((person) => [person, true] as [Learner, boolean]), ...site.learners.map((person) => [person, false] as [Learner, boolean])];
  for (const [person, staff] of people) {
    const [first, ...rest] = person.name.split(' ');
    user.run({ id: person.id, lastLogin: sqlite(facts.asOf), username: person.username, first, last: rest.join(' '), email: person.email, staff: staff ? 1 : 0, joined: sqlite(person.joined) });
    profile.run({ id: person.id, name: person.name, yearOfBirth: person.yearOfBirth, gender: person.gender ?? '', education: person.levelOfEducation ?? '', country: person.country });
  }

  const role = db.prepare(`insert into student_courseaccessrole (user_id, org, course_id, role) values (?, ?, ?, ?)`);
  const overview = db.prepare(`insert into course_overviews_courseoverview (id, _location, org, display_name,
    display_number_with_default, display_org_with_default, start, end, course_image_url, certificates_show_before_end,
    cert_html_view_enabled, has_any_active_web_certificate, cert_name_short, cert_name_long, lowest_passing_grade,
    mobile_available, visible_to_staff_only, enrollment_start, enrollment_end, invitation_only, catalog_visibility,
    short_description, effort, self_paced, eligible_for_financial_aid, language, start_date, end_date, created,
    modified, version)
    values (@id, @location, @org, @name, @number, @org, @start, @end, '/asset/course_image.jpg', 0, 1, 1, '', '', 0.5,
    1, 0, @enrollmentStart, @end, 0, 'both', @description, '3-5 hours/week', @selfPaced, 1, 'en', @start, @end,
    @created, @created, 13)`);
  for (const course of site.courses) {
    for (const staffId of course.staff) role.run(staffId, course.org, course.id, 'staff');
    overview.run({
      id: course.id,
      location: course.content.structure.root,
      org: course.org,
      name: course.displayName,
      number: course.number,
      start: sqlite(course.start),
      end: sqlite(course.end),
      enrollmentStart: sqlite(site.start),
      description: `${course.displayName}, a generated demo course.`,
      selfPaced: course.selfPaced ? 1 : 0,
      created: sqlite(site.start),
    });
  }

  const enrollment = db.prepare(`insert into student_courseenrollment (user_id, course_id, created, is_active, mode) values (?, ?, ?, ?, ?)`);
  for (const { plan, mode, active } of facts.enrollments) {
    if (plan.enrolledOn > sqlite(facts.asOf)) continue;
    enrollment.run(plan.learner.id, plan.course.id, `${plan.enrolledOn} 12:00:00`, active ? 1 : 0, mode);
  }

  const module = db.prepare(`insert into courseware_studentmodule (module_type, module_id, student_id, state, grade,
    max_grade, done, created, modified, course_id) values (?, ?, ?, ?, ?, ?, 'na', ?, ?, ?)`);
  const earned = new Map<string, number>();
  for (const state of facts.studentModules) {
    const moduleState = state.moduleType === 'problem' ? JSON.stringify({ attempts: state.attempts, done: true }) : JSON.stringify({ position: 1 });
    module.run(state.moduleType, state.moduleId, state.learnerId, moduleState, state.grade, state.maxGrade, sqlite(state.created), sqlite(state.modified), state.courseId);
    if (state.moduleType === 'problem') {
      const key = `${state.learnerId} ${state.courseId}`;
      earned.set(key, (earned.get(key) ?? 0) + (state.grade ?? 0));
    }
  }

  const grade = db.prepare(`insert into grades_persistentcoursegrade (user_id, course_id, course_version, grading_policy_hash,
    percent_grade, letter_grade, passed_timestamp, created, modified) values (?, ?, 'v1', 'policy', ?, ?, ?, ?, ?)`);
  for (const course of site.courses) {
    const possible = course.content.problems.reduce((sum, problem) => sum + problem.maxGrade, 0) || 1;
    for (const { plan } of facts.enrollments.filter((entry) => entry.plan.course === course)) {
      const points = earned.get(`${plan.learner.id} ${course.id}`);
      if (points === undefined) continue;
      const percent = Math.round((points / possible) * 100) / 100;
      const passed = percent >= 0.5;
      grade.run(plan.learner.id, course.id, percent, passed ? 'Pass' : '', passed ? sqlite(facts.asOf) : null, sqlite(facts.asOf), sqlite(facts.asOf));
    }
  }
}

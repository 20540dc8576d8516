/**
 * The edx-platform tables Lantern reads from an LMS read replica, with edx-platform's own table and column names
 * (Django models: auth User, student UserProfile / CourseEnrollment / CourseAccessRole, CourseOverview,
 * PersistentCourseGrade, courseware StudentModule, course_groups CourseUserGroup). Only reads: no insert types.
 */

/** A datetime as the reader returns it: UTC text, `YYYY-MM-DD HH:MM:SS` with `.ffffff` when not whole seconds. */
export type LmsDatetime = string;

/** A Django BooleanField as MySQL stores it (`tinyint(1)`): 0 or 1. */
export type LmsFlag = 0 | 1;

/** `auth_user`. The `password` column exists too; Lantern never reads it. */
export interface AuthUserTable {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  is_staff: LmsFlag;
  is_superuser: LmsFlag;
  is_active: LmsFlag;
  date_joined: LmsDatetime;
  last_login: LmsDatetime | null;
}

/** `auth_userprofile`: one row per user; `gender`, `level_of_education` and `country` are codes, '' or NULL. */
export interface AuthUserprofileTable {
  id: number;
  user_id: number;
  name: string;
  meta: string;
  courseware: string;
  language: string;
  location: string;
  year_of_birth: number | null;
  gender: string | null;
  level_of_education: string | null;
  mailing_address: string | null;
  city: string | null;
  country: string | null;
  state: string | null;
  goals: string | null;
  bio: string | null;
  profile_image_uploaded_at: LmsDatetime | null;
  phone_number: string | null;
}

/** `student_courseenrollment`: the current enrollment of a user in a course run (unique per user and course). */
export interface StudentCourseenrollmentTable {
  id: number;
  user_id: number;
  course_id: string;
  created: LmsDatetime | null;
  is_active: LmsFlag;
  mode: string;
}

/** `student_courseaccessrole`: course or org roles (`staff`, `instructor`, …); '' course_id means the whole org. */
export interface StudentCourseaccessroleTable {
  id: number;
  user_id: number;
  org: string;
  course_id: string;
  role: string;
}

/** `course_overviews_courseoverview`: the LMS's cached course metadata; `id` is the course key. */
export interface CourseOverviewsCourseoverviewTable {
  id: string;
  _location: string;
  version: number;
  org: string;
  display_name: string | null;
  display_number_with_default: string;
  display_org_with_default: string;
  start: LmsDatetime | null;
  end: LmsDatetime | null;
  start_date: LmsDatetime | null;
  end_date: LmsDatetime | null;
  advertised_start: string | null;
  announcement: LmsDatetime | null;
  banner_image_url: string;
  course_image_url: string;
  social_sharing_url: string | null;
  end_of_course_survey_url: string | null;
  certificates_display_behavior: string | null;
  certificates_show_before_end: LmsFlag;
  cert_html_view_enabled: LmsFlag;
  has_any_active_web_certificate: LmsFlag;
  cert_name_short: string;
  cert_name_long: string;
  certificate_available_date: LmsDatetime | null;
  lowest_passing_grade: number | null;
  days_early_for_beta: number | null;
  mobile_available: LmsFlag;
  visible_to_staff_only: LmsFlag;
  _pre_requisite_courses_json: string;
  enrollment_start: LmsDatetime | null;
  enrollment_end: LmsDatetime | null;
  enrollment_domain: string | null;
  invitation_only: LmsFlag;
  max_student_enrollments_allowed: number | null;
  catalog_visibility: string | null;
  short_description: string | null;
  course_video_url: string | null;
  effort: string | null;
  /** edx-platform has no pacing column: a course is self-paced or instructor-paced by this flag. */
  self_paced: LmsFlag;
  marketing_url: string | null;
  eligible_for_financial_aid: LmsFlag;
  language: string | null;
  has_highlights: LmsFlag | null;
  enable_proctored_exams: LmsFlag;
  proctoring_provider: string | null;
  proctoring_escalation_email: string | null;
  allow_proctoring_opt_out: LmsFlag;
  entrance_exam_enabled: LmsFlag;
  entrance_exam_id: string;
  entrance_exam_minimum_score_pct: number;
  force_on_flexible_peer_openassessments: LmsFlag;
  external_id: string | null;
  created: LmsDatetime;
  modified: LmsDatetime;
}

/** `grades_persistentcoursegrade`: the LMS's stored course grade per user and course; `percent_grade` is 0..1. */
export interface GradesPersistentcoursegradeTable {
  id: number;
  user_id: number;
  course_id: string;
  course_edited_timestamp: LmsDatetime | null;
  course_version: string;
  grading_policy_hash: string;
  percent_grade: number;
  letter_grade: string;
  passed_timestamp: LmsDatetime | null;
  created: LmsDatetime;
  modified: LmsDatetime;
}

/** `courseware_studentmodule`: a learner's state in one XBlock; `module_id` is the block's usage key. */
export interface CoursewareStudentmoduleTable {
  id: number;
  module_type: string;
  module_id: string;
  student_id: number;
  course_id: string;
  state: string | null;
  grade: number | null;
  max_grade: number | null;
  done: string;
  created: LmsDatetime;
  modified: LmsDatetime;
}

/** `course_groups_courseusergroup`: cohorts (`group_type` 'cohort') and other user groups of a course. */
export interface CourseGroupsCourseusergroupTable {
  id: number;
  name: string;
  course_id: string;
  group_type: string;
}

/** `course_groups_courseusergroup_users`: who is in which group. */
export interface CourseGroupsCourseusergroupUsersTable {
  id: number;
  courseusergroup_id: number;
  user_id: number;
}

/** The Kysely database type of an LMS read replica. */
export interface LmsTables {
  auth_user: AuthUserTable;
  auth_userprofile: AuthUserprofileTable;
  student_courseenrollment: StudentCourseenrollmentTable;
  student_courseaccessrole: StudentCourseaccessroleTable;
  course_overviews_courseoverview: CourseOverviewsCourseoverviewTable;
  grades_persistentcoursegrade: GradesPersistentcoursegradeTable;
  courseware_studentmodule: CoursewareStudentmoduleTable;
  course_groups_courseusergroup: CourseGroupsCourseusergroupTable;
  course_groups_courseusergroup_users: CourseGroupsCourseusergroupUsersTable;
}

/** The name of an LMS table Lantern reads. */
export type LmsTableName = keyof LmsTables & string;

/** A column of an LMS table. */
export type LmsColumn<T extends LmsTableName> = keyof LmsTables[T] & string;

type ColumnsByTable = { readonly [T in LmsTableName]: readonly LmsColumn<T>[] };

/** The datetime columns of each table: their values are normalised to UTC text when read. */
export const LMS_DATETIME_COLUMNS = {
  auth_user: ['date_joined', 'last_login'],
  auth_userprofile: ['profile_image_uploaded_at'],
  student_courseenrollment: ['created'],
  student_courseaccessrole: [],
  course_overviews_courseoverview: [
    'start', 'end', 'start_date', 'end_date', 'announcement', 'certificate_available_date', 'enrollment_start',
    'enrollment_end', 'created', 'modified',
  ],
  grades_persistentcoursegrade: ['course_edited_timestamp', 'passed_timestamp', 'created', 'modified'],
  courseware_studentmodule: ['created', 'modified'],
  course_groups_courseusergroup: [],
  course_groups_courseusergroup_users: [],
} as const satisfies ColumnsByTable;

/** The boolean columns of each table: their values are normalised to 0 or 1 when read. */
export const LMS_FLAG_COLUMNS = {
  auth_user: ['is_staff', 'is_superuser', 'is_active'],
  auth_userprofile: [],
  student_courseenrollment: ['is_active'],
  student_courseaccessrole: [],
  course_overviews_courseoverview: [
    'certificates_show_before_end', 'cert_html_view_enabled', 'has_any_active_web_certificate', 'mobile_available',
    'visible_to_staff_only', 'invitation_only', 'self_paced', 'eligible_for_financial_aid', 'has_highlights',
    'enable_proctored_exams', 'allow_proctoring_opt_out', 'entrance_exam_enabled',
    'force_on_flexible_peer_openassessments',
  ],
  grades_persistentcoursegrade: [],
  courseware_studentmodule: [],
  course_groups_courseusergroup: [],
  course_groups_courseusergroup_users: [],
} as const satisfies ColumnsByTable;

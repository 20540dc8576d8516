-- The edx-platform tables Lantern reads from an LMS read replica, with edx-platform's table and column names.
create table auth_user (
  id integer primary key, password varchar(128) not null, last_login datetime, is_superuser boolean not null,
  username varchar(150) not null unique, first_name varchar(150) not null, last_name varchar(150) not null,
  email varchar(254) not null, is_staff boolean not null, is_active boolean not null, date_joined datetime not null
);
create table auth_userprofile (
  id integer primary key, user_id integer not null unique references auth_user (id), name varchar(255) not null,
  meta text not null, courseware varchar(255) not null, language varchar(255) not null, location varchar(255) not null,
  year_of_birth integer, gender varchar(6), level_of_education varchar(6), mailing_address text, city text,
  country varchar(2), state varchar(2), goals text, bio varchar(3000), profile_image_uploaded_at datetime,
  phone_number varchar(50)
);
create table student_courseenrollment (
  id integer primary key, user_id integer not null references auth_user (id), course_id varchar(255) not null,
  created datetime, is_active boolean not null, mode varchar(100) not null, unique (user_id, course_id)
);
create table student_courseaccessrole (
  id integer primary key, user_id integer not null references auth_user (id), org varchar(64) not null,
  course_id varchar(255) not null, role varchar(64) not null, unique (user_id, org, course_id, role)
);
create table course_overviews_courseoverview (
  id varchar(255) primary key, _location varchar(255) not null, org text not null, display_name text,
  display_number_with_default text not null, display_org_with_default text not null, start datetime, end datetime,
  advertised_start text, announcement datetime, course_image_url text not null, social_sharing_url text,
  end_of_course_survey_url text, certificates_display_behavior text, certificates_show_before_end boolean not null,
  cert_html_view_enabled boolean not null, has_any_active_web_certificate boolean not null,
  cert_name_short text not null, cert_name_long text not null, lowest_passing_grade decimal(5, 2),
  days_early_for_beta float, mobile_available boolean not null, visible_to_staff_only boolean not null,
  _pre_requisite_courses_json text not null default '[]',
  enrollment_start datetime, enrollment_end datetime, enrollment_domain text, invitation_only boolean not null,
  max_student_enrollments_allowed integer, catalog_visibility text, short_description text, course_video_url text,
  effort text, self_paced boolean not null, marketing_url text, eligible_for_financial_aid boolean not null,
  language text, certificate_available_date datetime, end_date datetime, start_date datetime,
  banner_image_url text not null default '', has_highlights boolean,
  enable_proctored_exams boolean not null default 0, proctoring_provider text, proctoring_escalation_email text,
  allow_proctoring_opt_out boolean not null default 0, entrance_exam_enabled boolean not null default 0,
  entrance_exam_id varchar(255) not null default '', entrance_exam_minimum_score_pct float not null default 0.65,
  force_on_flexible_peer_openassessments boolean not null default 0, external_id varchar(128),
  created datetime not null, modified datetime not null, version integer not null
);
create table grades_persistentcoursegrade (
  id integer primary key, user_id integer not null, course_id varchar(255) not null,
  course_edited_timestamp datetime, course_version varchar(255) not null, grading_policy_hash varchar(255) not null,
  percent_grade double not null, letter_grade varchar(255) not null, passed_timestamp datetime,
  created datetime not null, modified datetime not null, unique (course_id, user_id)
);
create table courseware_studentmodule (
  id integer primary key, module_type varchar(32) not null, module_id varchar(255) not null,
  student_id integer not null references auth_user (id), state text, grade double, max_grade double,
  done varchar(8) not null, created datetime not null, modified datetime not null, course_id varchar(255) not null,
  unique (student_id, module_id, course_id)
);

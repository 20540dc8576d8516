/** Row shapes of the legacy data API v0 (edx-analytics-data-api §1.1, §1.3). */

export type EnrollmentMode = 'audit' | 'credit' | 'honor' | 'professional' | 'verified' | 'masters';

export interface EnrollmentModeRow {
  course_id: string;
  date: string;
  count: number;
  cumulative_count: number;
  created: string;
  audit?: number;
  credit?: number;
  honor?: number;
  professional?: number;
  verified?: number;
  masters?: number;
}

export interface BirthYearRow {
  course_id: string;
  date: string;
  birth_year: number | null;
  count: number;
  created: string;
}

export interface EducationRow {
  course_id: string;
  date: string;
  education_level: string | null;
  count: number;
  created: string;
}

export interface GenderRow {
  course_id: string;
  date: string;
  female: number;
  male: number;
  other: number;
  unknown: number;
  created: string;
}

export interface LocationRow {
  course_id: string;
  date: string;
  country: { alpha2: string | null; alpha3: string | null; name: string };
  count: number;
  created: string;
}

export interface ModeSummary {
  count?: number;
  cumulative_count?: number;
  count_change_7_days?: number;
  passing_users?: number;
}

export interface CourseSummary {
  course_id: string;
  catalog_course_title: string | null;
  catalog_course?: string | null;
  start_date: string | null;
  end_date: string | null;
  pacing_type: string | null;
  availability: string | null;
  count: number | null;
  cumulative_count: number | null;
  count_change_7_days: number | null;
  recent_count_change?: number | null;
  passing_users?: number | null;
  enrollment_modes?: Partial<Record<EnrollmentMode, ModeSummary>>;
  created?: string | null;
  programs?: string[];
}

export interface Program {
  program_id: string;
  program_type: string | null;
  program_title: string | null;
  created?: string | null;
  course_ids: string[];
}

export interface ProblemResponseReport {
  course_id: string;
  report_name: string;
  download_url: string;
  last_modified?: string;
  expiration_date?: string;
  file_size?: number;
}

export interface Session {
  username: string;
  name: string;
  email: string;
  globalStaff: boolean;
  courses: string[] | null;
  permissionsCheckedAt: string;
  csrfToken: string;
}

/** `courses/<id>/activity/`: one row per week; a missing activity type is omitted, not 0. */
export interface ActivityRow {
  course_id: string;
  interval_start: string;
  interval_end: string;
  any?: number;
  attempted_problem?: number;
  played_video?: number;
  posted_forum?: number;
  created: string;
}

/** `courses/<id>/enrollment/`. */
export interface EnrollmentRow {
  course_id: string;
  date: string;
  count: number;
  created: string;
}

/** `courses/<id>/videos/`. `pipeline_video_id` is `<course_id>|<encoded_module_id>`. */
export interface VideoRow {
  pipeline_video_id: string;
  encoded_module_id: string;
  duration: number | null;
  segment_length: number;
  users_at_start: number;
  users_at_end: number;
  created: string;
}

/** `videos/<pipeline_video_id>/timeline/`. */
export interface VideoTimelineRow {
  segment: number;
  num_users: number;
  num_views: number;
  created: string;
}

/** `courses/<id>/problems/`. */
export interface ProblemRow {
  module_id: string;
  total_submissions: number;
  correct_submissions: number;
  part_ids: string[];
  created: string;
}

/** `courses/<id>/problems_and_tags/`. */
export interface ProblemTagsRow {
  module_id: string;
  total_submissions: number;
  correct_submissions: number;
  tags: Record<string, string[]>;
  created: string;
}

/** `problems/<module_id>/answer_distribution/`: either `count` or the first/last response counts. */
export interface AnswerDistributionRow {
  course_id: string;
  module_id: string;
  part_id: string;
  correct: boolean | null;
  count?: number;
  first_response_count?: number;
  last_response_count?: number;
  value_id: string | null;
  answer_value: string | number | null;
  problem_display_name: string | null;
  question_text: string | null;
  variant: number | null;
  created: string;
  consolidated_variant?: boolean;
}

/** One block of the LMS blocks API answer. */
export interface CourseBlock {
  id: string;
  block_id: string;
  type: string;
  display_name: string;
  children?: string[];
  graded?: boolean;
  format?: string | null;
}

/** `GET /data/lms/blocks/<course_id>`. */
export interface CourseBlocks {
  root: string;
  blocks: Record<string, CourseBlock>;
}

/** `GET /data/lms/grading-policy/<course_id>`: one entry per assignment type. */
export interface GradingPolicyEntry {
  assignment_type: string;
  count: number;
  dropped: number;
  weight: number;
}

/** `engagement_timelines/<username>/?course_id=`. */
export interface EngagementTimeline {
  days: Array<{
    date: string;
    problems_attempted: number;
    problems_completed: number;
    discussion_contributions: number;
    videos_viewed: number;
  }>;
}

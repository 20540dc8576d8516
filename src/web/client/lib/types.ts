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

import type { CourseSummary } from '../lib/types.js';

/** What every course page receives from the course layout. */
export interface CoursePageProps {
  courseId: string;
  /** The course summary (name, dates, counts); null when the data API has none. */
  summary: CourseSummary | null;
  /** The path below the page's own URL (drill-downs), without slashes at the ends. */
  rest: string;
}

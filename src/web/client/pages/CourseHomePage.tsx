import { useMemo } from 'react';
import { formatShortDate, parseApiTimestamp } from '../lib/format.js';
import { dataUrl } from '../lib/api.js';
import { coursePageUrl, type CoursePage } from '../lib/routes.js';
import { Link } from '../lib/router.js';
import type { ProblemResponseReport } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import type { CoursePageProps } from './course-page.js';

interface Lens {
  name: string;
  question: string;
  items: Array<{ text: string; page: CoursePage }>;
}

const LENSES: ReadonlyArray<Lens> = [
  { name: 'Enrollment', question: 'Who are my learners?', items: [
    { text: 'How many learners are in my course?', page: 'enrollment/activity' },
    { text: 'How old are my learners?', page: 'enrollment/demographics/age' },
    { text: 'What level of education do my learners have?', page: 'enrollment/demographics/education' },
    { text: 'What is the learner gender breakdown?', page: 'enrollment/demographics/gender' },
    { text: 'Where are my learners?', page: 'enrollment/geography' },
  ] },
  { name: 'Engagement', question: 'What are learners doing in my course?', items: [
    { text: 'How many learners are interacting with my course?', page: 'engagement/content' },
    { text: 'How did learners interact with course videos?', page: 'engagement/videos' },
  ] },
  { name: 'Performance', question: 'How are learners doing on course assignments?', items: [
    { text: 'How are learners doing on graded course assignments?', page: 'performance/graded_content' },
    { text: 'How are learners doing on ungraded exercises?', page: 'performance/ungraded_content' },
    { text: 'What is the breakdown for course learning outcomes?', page: 'performance/learning_outcomes' },
  ] },
];

/** "In Progress", "Ended" or "Not Started Yet", from the course dates and the current time. */
function courseStatus(start: string | null, end: string | null, now: number): string | null {
  const s = parseApiTimestamp(start);
  const e = parseApiTimestamp(end);
  if (s === null && e === null) return null;
  if (s !== null && now < s) return 'Not Started Yet';
  if (e !== null && now > e) return 'Ended';
  return 'In Progress';
}

export default function CourseHomePage({ courseId, summary }: CoursePageProps) {
  const report = useData<ProblemResponseReport>(dataUrl(`courses/${courseId}/reports/problem_response/`));
  const status = useMemo(() => courseStatus(summary?.start_date ?? null, summary?.end_date ?? null, Date.now()), [summary]);
  return (
    <div className="page course-home">
      <h1 className="page-title">{summary?.catalog_course_title || courseId}</h1>
      <section className="course-overview" aria-labelledby="overview-title">
        <h2 id="overview-title" className="section-title">Course Overview</h2>
        <dl className="overview-list">
          <div><dt>Course ID</dt><dd>{courseId}</dd></div>
          <div><dt>Start Date</dt><dd>{formatShortDate(summary?.start_date) ?? '--'}</dd></div>
          <div><dt>End Date</dt><dd>{formatShortDate(summary?.end_date) ?? '--'}</dd></div>
          {status ? <div><dt>Status</dt><dd>{status}</dd></div> : null}
        </dl>
      </section>
      <div className="lens-questions">
        {LENSES.map((lens) => (
          <section key={lens.name} className="lens-card" aria-labelledby={`lens-${lens.name}`}>
            <table className="question-table">
              <caption id={`lens-${lens.name}`}>
                <span className="lens-name">{lens.name}</span> <span className="lens-question">{lens.question}</span>
              </caption>
              <tbody>
                {lens.items.map((item) => (
                  <tr key={item.page}>
                    <td><Link href={coursePageUrl(courseId, item.page)}>{item.text}</Link></td>
                  </tr>
                ))}
                {lens.name === 'Performance' && report.state === 'ok' ? (
                  <tr>
                    <td>
                      <a href={report.data.download_url} download>
                        How are learners responding to questions?
                        <span className="muted"> (Download the problem response report CSV{report.data.file_size ? `, ${Math.ceil(report.data.file_size / 1024)} KB` : ''})</span>
                      </a>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </div>
  );
}

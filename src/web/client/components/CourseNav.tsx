import { coursePageUrl, type CoursePage } from '../lib/routes.js';
import { Link } from '../lib/router.js';

interface NavItem { label: string; page: CoursePage }
interface Lens { label: string; items: NavItem[] }

export const LENSES: ReadonlyArray<Lens> = [
  { label: 'Enrollment', items: [
    { label: 'Activity', page: 'enrollment/activity' },
    { label: 'Demographics', page: 'enrollment/demographics/age' },
    { label: 'Geography', page: 'enrollment/geography' },
  ] },
  { label: 'Engagement', items: [
    { label: 'Content', page: 'engagement/content' },
    { label: 'Videos', page: 'engagement/videos' },
  ] },
  { label: 'Performance', items: [
    { label: 'Graded Content', page: 'performance/graded_content' },
    { label: 'Ungraded Problems', page: 'performance/ungraded_content' },
    { label: 'Learning Outcomes', page: 'performance/learning_outcomes' },
  ] },
  { label: 'Reports', items: [{ label: 'Reports', page: 'reports' }] },
];

export const DEMOGRAPHICS: ReadonlyArray<NavItem> = [
  { label: 'Age', page: 'enrollment/demographics/age' },
  { label: 'Education', page: 'enrollment/demographics/education' },
  { label: 'Gender', page: 'enrollment/demographics/gender' },
];

const section = (page: CoursePage) => (page.startsWith('enrollment/demographics') ? 'enrollment/demographics' : page);

/** Lens navigation: the lenses, the current lens's pages, and Age/Education/Gender under Demographics. */
export function CourseNav({ courseId, page }: { courseId: string; page: CoursePage }) {
  const lens = LENSES.find((l) => l.items.some((i) => section(i.page) === section(page)));
  return (
    <nav className="course-nav" aria-label="Course">
      <ul className="lens-nav">
        {LENSES.map((l) => (
          <li key={l.label}>
            <Link href={coursePageUrl(courseId, l.items[0]!.page)} aria-current={l === lens ? 'true' : undefined}
              className={l === lens ? 'active' : undefined}>{l.label}</Link>
          </li>
        ))}
      </ul>
      {lens && lens.items.length > 1 ? (
        <ul className="sub-nav" aria-label={`${lens.label} pages`}>
          {lens.items.map((i) => {
            const active = section(i.page) === section(page);
            return (
              <li key={i.page}>
                <Link href={coursePageUrl(courseId, i.page)} aria-current={active ? (i.page === page ? 'page' : 'true') : undefined}
                  className={active ? 'active' : undefined}>{i.label}</Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      {page.startsWith('enrollment/demographics') ? (
        <ul className="sub-nav tertiary" aria-label="Demographics pages">
          {DEMOGRAPHICS.map((i) => (
            <li key={i.page}>
              <Link href={coursePageUrl(courseId, i.page)} aria-current={i.page === page ? 'page' : undefined}
                className={i.page === page ? 'active' : undefined}>{i.label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

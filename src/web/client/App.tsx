import { Suspense, useEffect, lazy } from 'react';
import { CourseNav } from './components/CourseNav.js';
import { Header } from './components/Header.js';
import { Loading, LoadError } from './components/States.js';
import { dataUrl } from './lib/api.js';
import { parseRoute, type CoursePage } from './lib/routes.js';
import { useLocation } from './lib/router.js';
import { canSeeCourse, SessionProvider, useSession } from './lib/session.js';
import type { CourseSummary } from './lib/types.js';
import { useData } from './lib/use-data.js';
import { ComingSoonPage, ForbiddenPage, NotFoundPage } from './pages/ErrorPages.js';
import { COURSE_PAGES, PAGE_TITLES } from './pages/registry.js';

const CourseIndexPage = lazy(() => import('./pages/CourseIndexPage.js'));

export function App() {
  return (
    <SessionProvider fallback={<Loading what="your session" />} error={() => <LoadError what="this data" detail="Try reloading the page." />}>
      <Routes />
    </SessionProvider>
  );
}

function Routes() {
  const { pathname } = useLocation();
  const route = parseRoute(pathname);
  if (route.kind === 'course') return <CourseLayout courseId={route.courseId} page={route.page} rest={route.rest} />;
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="main">
        {route.kind === 'index' ? (
          <Suspense fallback={<Loading />}><CourseIndexPage /></Suspense>
        ) : <NotFoundPage />}
      </main>
    </>
  );
}

function CourseLayout({ courseId, page, rest }: { courseId: string; page: CoursePage; rest: string }) {
  const { session } = useSession();
  const allowed = canSeeCourse(session, courseId);
  const summaries = useData<CourseSummary[]>(allowed ? dataUrl('course_summaries/', { course_ids: courseId, exclude: 'programs' }) : null);
  const summary = summaries.state === 'ok' ? (summaries.data.find((c) => c.course_id === courseId) ?? null) : null;
  const name = summary?.catalog_course_title || courseId;
  useEffect(() => {
    document.title = `${PAGE_TITLES[page]} | ${name} | Lantern Insights`;
  }, [page, name]);
  const forbidden = !allowed || summaries.state === 'forbidden';
  const entry = COURSE_PAGES[page];
  const Page = entry?.component;
  return (
    <>
      <Header course={{ id: courseId, name }} />
      {forbidden ? null : <CourseNav courseId={courseId} page={page} />}
      <main id="main" tabIndex={-1} className="main">
        {forbidden ? <ForbiddenPage /> : summaries.state === 'loading' ? <Loading /> : Page ? (
          <Suspense fallback={<Loading />}>
            <Page courseId={courseId} summary={summary} rest={rest} />
          </Suspense>
        ) : <ComingSoonPage title={PAGE_TITLES[page]} />}
      </main>
    </>
  );
}

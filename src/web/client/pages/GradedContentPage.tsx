import { useMemo } from 'react';
import { InfoTip } from '../components/InfoTip.js';
import { Alert, Loading, LoadError } from '../components/States.js';
import { dataUrl } from '../lib/api.js';
import { formatPercent } from '../lib/format.js';
import { coursePageUrl, restSegments, segment } from '../lib/routes.js';
import { Link } from '../lib/router.js';
import type { CourseBlocks, GradingPolicyEntry, ProblemRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { assignment, assignmentsOfType, policyBlocks, type PolicyBlock, type ProblemEntry } from '../presenters/performance.js';
import { AnswerDistributionView } from './answer-distribution.js';
import type { CoursePageProps } from './course-page.js';
import { Breadcrumbs, useCourseBlocks } from './drilldown-shared.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';
import { GROUP_TIP, GroupSubmissions, ProblemSubmissions } from './performance-shared.js';

const NO_SUBMISSIONS = 'No submissions received for these assignments.';

export default function GradedContentPage({ courseId, rest }: CoursePageProps) {
  const blocks = useCourseBlocks(courseId);
  const policy = useData<GradingPolicyEntry[]>(`/data/lms/grading-policy/${courseId}`);
  const problems = useData<ProblemRow[]>(dataUrl(`courses/${courseId}/problems/`));
  const segs = restSegments(rest);
  const states = [blocks, policy, problems];
  if (states.some((s) => s.state === 'forbidden')) return <ForbiddenPage />;
  let body;
  if (states.some((s) => s.state === 'loading')) body = <Loading what="graded content" />;
  else if (problems.state === 'error') body = <LoadError what="this chart" detail={problems.message} />;
  else if (blocks.state !== 'ok' || policy.state === 'error') body = <LoadError what="this chart" detail="The course structure or grading policy is not available." />;
  else body = <GradedLevel courseId={courseId} segs={segs} blocks={blocks.data} policy={policy.state === 'ok' ? policy.data : []}
    problems={problems.state === 'ok' ? problems.data : []} />;
  return (
    <div className="page">
      <h1 className="page-title">Graded Content</h1>
      {body}
    </div>
  );
}

const base = (courseId: string) => coursePageUrl(courseId, 'performance/graded_content');
const assignmentUrl = (courseId: string, a: string) => `${base(courseId)}assignments/${segment(a)}/`;
const answersUrl = (courseId: string, a: string, p: string, part: string) =>
  `${assignmentUrl(courseId, a)}problems/${segment(p)}/parts/${segment(part)}/answer_distribution/`;

function GradedLevel({ courseId, segs, blocks, policy, problems }: { courseId: string; segs: string[]; blocks: CourseBlocks; policy: GradingPolicyEntry[]; problems: ProblemRow[] }) {
  const types = useMemo(() => policyBlocks(policy), [policy]);
  const [first, aId, k2, pId, k3, part, k4] = segs;
  const typeOf = (format: string | null) => types.find((t) => t.type === format);
  if (first === undefined) return <PolicyBar courseId={courseId} types={types} />;
  if (first !== 'assignments') {
    const type = types.find((t) => t.slug === first);
    if (!type || segs.length > 1) return <NotFoundPage />;
    return <TypeLevel courseId={courseId} type={type} types={types} blocks={blocks} problems={problems} />;
  }
  const a = aId === undefined ? null : assignment(blocks, problems, aId);
  if (!a) return <NotFoundPage />;
  const type = typeOf(a.type);
  const crumbs = [
    { label: 'Graded Content', href: base(courseId) },
    ...(type ? [{ label: type.type, href: `${base(courseId)}${type.slug}/` }] : []),
    { label: a.name, href: assignmentUrl(courseId, a.id) },
  ];
  if (k2 === undefined) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        {a.total === 0 ? <Alert title={NO_SUBMISSIONS} /> : null}
        <ProblemSubmissions courseId={courseId} problems={a.items} rows={problems} title={a.name}
          question="How are learners doing on this assignment?"
          href={(p: ProblemEntry) => (p.partIds[0] ? answersUrl(courseId, a.id, p.id, p.partIds[0]) : null)} />
      </>
    );
  }
  const problem = a.items.find((p) => p.id === pId);
  if (k2 !== 'problems' || !problem || k3 !== 'parts' || part === undefined || k4 !== 'answer_distribution') return <NotFoundPage />;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: problem.name }]} />
      <AnswerDistributionView courseId={courseId} problemId={problem.moduleId ?? problem.id} problemName={problem.name} partId={part}
        partUrl={(id) => answersUrl(courseId, a.id, problem.id, id)} />
    </>
  );
}

function PolicyBar({ courseId, types }: { courseId: string; types: PolicyBlock[] }) {
  if (types.length === 0) return <Alert title="This course has no graded assignment types." />;
  return (
    <section aria-labelledby="policy-title" className="chart-panel">
      <header className="panel-header">
        <div>
          <h2 id="policy-title" className="section-title">Grading Policy</h2>
          <p className="question">Which assignment type do you want to investigate?</p>
        </div>
        <InfoTip text="Click an assignment type to view more detail information about the assignments." label="About Grading Policy" />
      </header>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {types.map((t) => (
          <li key={t.slug} style={{ flex: `${t.width} 1 0`, minWidth: '5rem' }}>
            <Link href={`${base(courseId)}${t.slug}/`} className="button" title={`${t.type}: ${formatPercent(t.weight)} of the grading policy`}
              style={{ display: 'block', background: '#0072b2', color: '#fff', textAlign: 'center', overflowWrap: 'anywhere' }}>
              {t.type} {formatPercent(t.weight)}
              <span className="sr-only"> of the grading policy</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TypeLevel({ courseId, type, types, blocks, problems }: { courseId: string; type: PolicyBlock; types: PolicyBlock[]; blocks: CourseBlocks; problems: ProblemRow[] }) {
  const rows = useMemo(() => assignmentsOfType(blocks, problems, type.type).map((a) => ({ ...a, href: assignmentUrl(courseId, a.id) })), [blocks, problems, type, courseId]);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Graded Content', href: base(courseId) }, { label: type.type }]} />
      <nav aria-label="Assignment types" style={{ marginBottom: '1rem' }}>
        <span className="muted">Assignment types: </span>
        {types.map((t, i) => (
          <span key={t.slug}>{i > 0 ? ' · ' : ''}{t.slug === type.slug ? <strong aria-current="page">{t.type}</strong> : <Link href={`${base(courseId)}${t.slug}/`}>{t.type}</Link>}</span>
        ))}
      </nav>
      {rows.length === 0 ? <Alert title={`This course has no ${type.type} assignments.`} /> : (
        <>
          {rows.every((r) => r.total === 0) ? <Alert title={NO_SUBMISSIONS} /> : null}
          <GroupSubmissions courseId={courseId} rows={rows} nameHeader="Assignment Name" caption="Assignment Submissions"
            title={`${type.type} Submissions`} question={`How are learners doing on ${type.type} assignments?`} tooltip={GROUP_TIP}
            problems={problems} what={`Average submissions of ${type.type} assignments`} />
        </>
      )}
    </>
  );
}

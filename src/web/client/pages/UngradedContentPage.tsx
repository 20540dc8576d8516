import { useMemo } from 'react';
import { Alert, Loading, LoadError } from '../components/States.js';
import { dataUrl } from '../lib/api.js';
import { coursePageUrl, restSegments, segment } from '../lib/routes.js';
import type { CourseBlocks, ProblemRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { ungradedTree, type ProblemEntry } from '../presenters/performance.js';
import { AnswerDistributionView } from './answer-distribution.js';
import type { CoursePageProps } from './course-page.js';
import { Breadcrumbs, useCourseBlocks } from './drilldown-shared.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';
import { GroupSubmissions, ProblemSubmissions } from './performance-shared.js';

const NO_SUBMISSIONS = 'No submissions received for these exercises.';
const SECTION_TIP = 'Each bar shows the average number of correct and incorrect submissions for problems in that section. Only the last submission from each learner is counted.';
const SUBSECTION_TIP = 'Each bar shows the average number of correct and incorrect submissions for problems in that subsection. Only the last submission from each learner is counted.';

export default function UngradedContentPage({ courseId, rest }: CoursePageProps) {
  const blocks = useCourseBlocks(courseId);
  const problems = useData<ProblemRow[]>(dataUrl(`courses/${courseId}/problems/`));
  if (blocks.state === 'forbidden' || problems.state === 'forbidden') return <ForbiddenPage />;
  const body = blocks.state === 'loading' || problems.state === 'loading' ? <Loading what="ungraded problems" />
    : problems.state === 'error' ? <LoadError what="this chart" detail={problems.message} />
      : blocks.state !== 'ok' ? <LoadError what="this chart" detail="The course structure is not available." />
        : <UngradedLevel courseId={courseId} segs={restSegments(rest)} blocks={blocks.data} problems={problems.state === 'ok' ? problems.data : []} />;
  return (
    <div className="page">
      <h1 className="page-title">Ungraded Problems</h1>
      {body}
    </div>
  );
}

const base = (c: string) => coursePageUrl(c, 'performance/ungraded_content');
const sectionUrl = (c: string, s: string) => `${base(c)}sections/${segment(s)}/`;
const subsectionUrl = (c: string, s: string, ss: string) => `${sectionUrl(c, s)}subsections/${segment(ss)}/`;
const answersUrl = (c: string, s: string, ss: string, p: string, part: string) =>
  `${subsectionUrl(c, s, ss)}problems/${segment(p)}/parts/${segment(part)}/answer_distribution/`;

function UngradedLevel({ courseId, segs, blocks, problems }: { courseId: string; segs: string[]; blocks: CourseBlocks; problems: ProblemRow[] }) {
  const tree = useMemo(() => ungradedTree(blocks, problems), [blocks, problems]);
  const [k1, sId, k2, ssId, k3, pId, k4, part, k5] = segs;
  if (!tree.hasSubmissions) return <Alert title={NO_SUBMISSIONS} />;
  if (k1 === undefined) {
    return (
      <GroupSubmissions courseId={courseId} rows={tree.sections.map((s) => ({ ...s, href: sectionUrl(courseId, s.id) }))}
        nameHeader="Section Name" caption="Section Submissions" title="Section Submissions"
        question="How are learners doing on ungraded exercises?" tooltip={SECTION_TIP} problems={problems} what="Average submissions per section" />
    );
  }
  const section = k1 === 'sections' ? tree.sections.find((s) => s.id === sId) : undefined;
  if (!section) return <NotFoundPage />;
  const crumbs = [{ label: 'All Sections', href: base(courseId) }, { label: section.name, href: sectionUrl(courseId, section.id) }];
  if (k2 === undefined) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <GroupSubmissions courseId={courseId} rows={section.subsections.map((s) => ({ ...s, href: subsectionUrl(courseId, section.id, s.id) }))}
          nameHeader="Subsection Name" caption="Subsection Submissions" title="Subsection Submissions"
          question="How are learners doing on this section?" tooltip={SUBSECTION_TIP} problems={problems} what="Average submissions per subsection" />
      </>
    );
  }
  const sub = k2 === 'subsections' ? section.subsections.find((s) => s.id === ssId) : undefined;
  if (!sub) return <NotFoundPage />;
  const subCrumbs = [...crumbs, { label: sub.name, href: subsectionUrl(courseId, section.id, sub.id) }];
  if (k3 === undefined) {
    return (
      <>
        <Breadcrumbs items={subCrumbs} />
        <ProblemSubmissions courseId={courseId} problems={sub.items} rows={problems} title="Problem Submissions"
          question="How are learners doing on this subsection?"
          href={(p: ProblemEntry) => (p.partIds[0] ? answersUrl(courseId, section.id, sub.id, p.id, p.partIds[0]) : null)} />
      </>
    );
  }
  const problem = k3 === 'problems' ? sub.items.find((p) => p.id === pId) : undefined;
  if (!problem || k4 !== 'parts' || part === undefined || k5 !== 'answer_distribution') return <NotFoundPage />;
  return (
    <>
      <Breadcrumbs items={[...subCrumbs, { label: problem.name }]} />
      <AnswerDistributionView courseId={courseId} problemId={problem.moduleId ?? problem.id} problemName={problem.name} partId={part}
        partUrl={(id) => answersUrl(courseId, section.id, sub.id, problem.id, id)} />
    </>
  );
}

import { useMemo } from 'react';
import { Alert, Loading, LoadError, NoData } from '../components/States.js';
import { dataUrl } from '../lib/api.js';
import { coursePageUrl, restSegments, segment } from '../lib/routes.js';
import type { CourseBlocks, ProblemRow, ProblemTagsRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { learningOutcomes, type ProblemEntry } from '../presenters/performance.js';
import { AnswerDistributionView } from './answer-distribution.js';
import type { CoursePageProps } from './course-page.js';
import { Breadcrumbs, useCourseBlocks } from './drilldown-shared.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';
import { GroupSubmissions, ProblemSubmissions } from './performance-shared.js';

const TIP = 'Each bar shows the average number of correct and incorrect submissions for problems tagged with that learning outcome. Only the last submission from each learner is counted.';

export default function LearningOutcomesPage({ courseId, rest }: CoursePageProps) {
  const tags = useData<ProblemTagsRow[]>(dataUrl(`courses/${courseId}/problems_and_tags/`));
  const problems = useData<ProblemRow[]>(dataUrl(`courses/${courseId}/problems/`));
  const blocks = useCourseBlocks(courseId);
  if (tags.state === 'forbidden') return <ForbiddenPage />;
  const body = tags.state === 'loading' || problems.state === 'loading' || blocks.state === 'loading' ? <Loading what="learning outcomes" />
    : tags.state === 'error' ? <LoadError what="this chart" detail={tags.message} />
      : tags.state === 'empty' ? <NoData what="this chart" />
        : <OutcomesLevel courseId={courseId} segs={restSegments(rest)} rows={tags.data}
          blocks={blocks.state === 'ok' ? blocks.data : null} problems={problems.state === 'ok' ? problems.data : []} />;
  return (
    <div className="page">
      <h1 className="page-title">Learning Outcomes</h1>
      {body}
    </div>
  );
}

const base = (c: string) => coursePageUrl(c, 'performance/learning_outcomes');
const outcomeUrl = (c: string, o: string) => `${base(c)}${segment(o)}/`;
const answersUrl = (c: string, o: string, p: string, part: string) => `${outcomeUrl(c, o)}problems/${segment(p)}/parts/${segment(part)}/answer_distribution/`;

function OutcomesLevel({ courseId, segs, rows, blocks, problems }: { courseId: string; segs: string[]; rows: ProblemTagsRow[]; blocks: CourseBlocks | null; problems: ProblemRow[] }) {
  const outcomes = useMemo(() => learningOutcomes(rows, blocks, problems), [rows, blocks, problems]);
  const [oId, k1, pId, k2, part, k3] = segs;
  if (outcomes.length === 0) return <Alert title="No problems in this course are tagged with a learning outcome." />;
  if (oId === undefined) {
    return (
      <GroupSubmissions courseId={courseId} rows={outcomes.map((o) => ({ ...o, id: o.outcome, name: o.outcome, href: outcomeUrl(courseId, o.outcome) }))}
        nameHeader="Learning Outcome" caption="Outcome Submissions" title="Outcome Submissions"
        question="Measured by learning outcome, how are learners performing?" tooltip={TIP} problems={rows}
        what="Average submissions per learning outcome" />
    );
  }
  const outcome = outcomes.find((o) => o.outcome === oId);
  if (!outcome) return <NotFoundPage />;
  const crumbs = [{ label: 'All Learning Outcomes', href: base(courseId) }, { label: outcome.outcome, href: outcomeUrl(courseId, outcome.outcome) }];
  if (k1 === undefined) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ProblemSubmissions courseId={courseId} problems={outcome.items} rows={rows} title="Problem Submissions"
          question="How are learners doing on this learning outcome?"
          href={(p: ProblemEntry) => (p.partIds[0] ? answersUrl(courseId, outcome.outcome, p.id, p.partIds[0]) : null)} />
      </>
    );
  }
  const problem = k1 === 'problems' ? outcome.items.find((p) => p.id === pId) : undefined;
  if (!problem || k2 !== 'parts' || part === undefined || k3 !== 'answer_distribution') return <NotFoundPage />;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: problem.name }]} />
      <AnswerDistributionView courseId={courseId} problemId={problem.moduleId ?? problem.id} problemName={problem.name} partId={part}
        partUrl={(id) => answersUrl(courseId, outcome.outcome, problem.id, id)} />
    </>
  );
}

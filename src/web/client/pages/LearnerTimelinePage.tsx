import { useId, useMemo, useState, type FormEvent } from 'react';
import { TrendChart } from '../components/charts/TrendChart.js';
import { DataTable } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Alert, Loading, LoadError } from '../components/States.js';
import { dataUrl } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber } from '../lib/format.js';
import { coursePageUrl, restSegments, segment } from '../lib/routes.js';
import { navigate } from '../lib/router.js';
import type { EngagementTimeline } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { csvDataUrl, toCsv } from '../presenters/csv.js';
import { presentLearnerTimeline } from '../presenters/learner-timeline.js';
import type { CoursePageProps } from './course-page.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';

export default function LearnerTimelinePage({ courseId, rest }: CoursePageProps) {
  const [username, ...more] = restSegments(rest);
  if (more.length > 0) return <NotFoundPage />;
  return (
    <div className="page">
      <h1 className="page-title">{username ? `Learner Engagement: ${username}` : 'Learner Engagement'}</h1>
      <FindLearner courseId={courseId} current={username ?? ''} />
      {username ? <Timeline courseId={courseId} username={username} /> : null}
    </div>
  );
}

function FindLearner({ courseId, current }: { courseId: string; current: string }) {
  const id = useId();
  const [value, setValue] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = value.trim();
    if (name) navigate(`${coursePageUrl(courseId, 'learners')}${segment(name)}/`);
  };
  return (
    <form role="search" onSubmit={submit} className="search-box" style={{ maxWidth: '24rem', marginBottom: '1rem' }}>
      <label htmlFor={id}>Find a learner</label>
      <div className="search-row">
        <input id={id} type="search" value={value} onChange={(e) => setValue(e.target.value)} placeholder="Username" autoComplete="off" />
        <button type="submit">Show</button>
      </div>
    </form>
  );
}

function Timeline({ courseId, username }: { courseId: string; username: string }) {
  const data = useData<EngagementTimeline>(dataUrl(`engagement_timelines/${encodeURIComponent(username)}/`, { course_id: courseId }));
  const t = useMemo(() => (data.state === 'ok' ? presentLearnerTimeline(data.data) : null), [data]);
  const input = useMemo(() => ({ dates: t?.days.map((d) => d.date) ?? [], series: t?.series ?? [], yAxisName: 'Activity', stacked: false }), [t]);
  const tableRows = useMemo(() => [...(t?.days ?? [])].reverse(), [t]);
  if (data.state === 'forbidden') return <ForbiddenPage />;
  if (data.state === 'loading') return <Loading what="learner activity" />;
  if (data.state === 'error') return <LoadError what="this chart" detail={data.message} />;
  if (data.state === 'empty' || !t || t.days.length === 0) return <Alert title={`No activity data is available for ${username} in this course.`} />;
  const csv = csvDataUrl(toCsv(
    ['Date', 'Discussion Contributions', 'Problems Attempted', 'Problems Correct', 'Videos Viewed'],
    tableRows.map((d) => [d.date, d.discussion_contributions, d.problems_attempted, d.problems_completed, d.videos_viewed]),
  ));
  return (
    <>
      <MetricCards title="Activity Totals">
        <MetricCard label="Discussion Contributions" value={formatNumber(t.totals.discussionContributions)} tooltip="Number of contributions by this learner, including posts, responses, and comments." />
        <MetricCard label="Problems Tried" value={formatNumber(t.totals.problemsAttempted)} tooltip="Number of problems this learner attempted, counted once per problem and day." />
        <MetricCard label="Problems Correct" value={formatNumber(t.totals.problemsCompleted)} tooltip="Number of problems the learner answered correctly, counted once per problem and day." />
        <MetricCard label="Videos" value={formatNumber(t.totals.videosViewed)} tooltip="Number of videos this learner played, counted once per video and day." />
      </MetricCards>
      <TrendChart
        input={input}
        what={`Daily activity of ${username}`}
        title="Daily Activity"
        tooltip="Discussion contributions, problems answered correctly and videos viewed by this learner each day."
        download={<DownloadCsv href={csv} filename={`${courseFilePrefix(courseId)}--learner-engagement-timeline.csv`} context="Activity Over Time" />}
        table={<DataTable caption="Activity Over Time" rows={tableRows} rowKey={(d) => d.date} columns={[
          { key: 'date', header: 'Date', cell: (d) => d.date },
          { key: 'discussions', header: 'Discussion Contributions', cell: (d) => formatNumber(d.discussion_contributions), numeric: true },
          { key: 'attempted', header: 'Problems Attempted', cell: (d) => formatNumber(d.problems_attempted), numeric: true },
          { key: 'correct', header: 'Problems Correct', cell: (d) => formatNumber(d.problems_completed), numeric: true },
          { key: 'videos', header: 'Videos Viewed', cell: (d) => formatNumber(d.videos_viewed), numeric: true },
        ]} />}
      />
    </>
  );
}

import { useMemo } from 'react';
import { TrendChart } from '../components/charts/TrendChart.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Loading, LoadError, NoData } from '../components/States.js';
import { csvUrl, dataUrl, utcDate } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import type { ActivityRow, EnrollmentRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { presentEngagement, type EngagementWeek } from '../presenters/engagement-content.js';
import type { CoursePageProps } from './course-page.js';
import { ForbiddenPage } from './ErrorPages.js';

const TOOLTIP = 'The number of active learners, and the number of learners who engaged in specific activities, over time.';

export default function EngagementContentPage({ courseId }: CoursePageProps) {
  const end = utcDate(1);
  const url = useMemo(() => dataUrl(`courses/${courseId}/activity/`, { activity_type: 'any', end_date: end }), [courseId, end]);
  const activity = useData<ActivityRow[]>(url);
  const enrollment = useData<EnrollmentRow[]>(dataUrl(`courses/${courseId}/enrollment/`, { end_date: end }));
  const rows = useMemo(() => (activity.state === 'ok' ? activity.data : []), [activity]);
  const enrolled = useMemo(() => (enrollment.state === 'ok' ? enrollment.data : []), [enrollment]);
  const p = useMemo(() => presentEngagement(rows, enrolled), [rows, enrolled]);
  const input = useMemo(() => ({
    dates: p.weeks.map((w) => w.weekEnding),
    series: p.types.map((t) => ({ name: t.label, values: p.weeks.map((w) => w.counts[t.key]) })),
    yAxisName: 'Learners',
    stacked: false,
  }), [p]);
  const tableRows = useMemo(() => [...p.weeks].reverse(), [p]);

  if (activity.state === 'forbidden') return <ForbiddenPage />;
  const enrollmentPending = enrollment.state === 'loading';
  const columns: Array<Column<EngagementWeek>> = [
    { key: 'week', header: 'Week Ending', cell: (w) => w.weekEnding },
    ...p.types.map((t) => ({ key: t.key, header: t.label, cell: (w: EngagementWeek) => formatNumber(w.counts[t.key]), numeric: true })),
    { key: 'percent', header: 'Percent of Current Learners', cell: (w) => (w.percentActive === null ? '-' : formatPercent(w.percentActive)), numeric: true },
  ];
  return (
    <div className="page">
      <h1 className="page-title">Engagement Content</h1>
      {activity.state === 'loading' || enrollmentPending ? <Loading what="engagement data" />
        : activity.state === 'error' ? <LoadError what="this chart" detail={activity.message} />
          : activity.state === 'empty' || p.weeks.length === 0 ? <NoData what="this data" /> : (
            <>
              <MetricCards title="Learner Activity Metrics">
                {p.metrics.map((m) => (
                  <MetricCard key={m.key} label={m.label} value={formatNumber(m.value)} tooltip={m.tooltip}
                    note={m.percent === null ? undefined : `${formatPercent(m.percent)} of current learners`} />
                ))}
              </MetricCards>
              <TrendChart
                input={input}
                what="Weekly learner engagement"
                title="Weekly Learner Engagement"
                question="How many learners are interacting with my course?"
                tooltip={TOOLTIP}
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--engagement-activity.csv`} context="Content Engagement Breakdown" />}
                table={<DataTable caption="Content Engagement Breakdown" columns={columns} rows={tableRows} rowKey={(w) => w.weekEnding} />}
              />
              <UpdatedFooter label="Course engagement data" rows={rows}
                extra="Engagement is computed weekly, from Monday 00:00 to Sunday 23:59 UTC. Tried a Problem counts only checkboxes, dropdown, multiple choice, numerical, text, and math expression problems." />
            </>
          )}
    </div>
  );
}

import { useMemo } from 'react';
import { TrendChart } from '../components/charts/TrendChart.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Loading, LoadError, NoData } from '../components/States.js';
import { csvUrl, dataUrl, utcDate } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatChange, formatNumber } from '../lib/format.js';
import type { EnrollmentModeRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { activityMetrics, activityTable, presentActivity, type ActivityTableRow } from '../presenters/enrollment-activity.js';
import type { CoursePageProps } from './course-page.js';
import { ForbiddenPage } from './ErrorPages.js';

const TOOLTIP = 'This graph displays the current enrollment for the course as of the end of each day. This includes new enrollments as well as unenrollments.';

export default function EnrollmentActivityPage({ courseId }: CoursePageProps) {
  const url = useMemo(() => dataUrl(`courses/${courseId}/enrollment/mode/`, { end_date: utcDate(1) }), [courseId]);
  const data = useData<EnrollmentModeRow[]>(url);
  const rows = data.state === 'ok' ? data.data : [];
  const series = useMemo(() => presentActivity(rows), [rows]);
  const metrics = useMemo(() => activityMetrics(rows), [rows]);
  const table = useMemo(() => activityTable(rows), [rows]);
  const input = useMemo(() => ({
    dates: series.dates,
    series: series.modes.length > 0
      ? series.modes.map((m) => ({ name: m.label, values: m.values }))
      : [{ name: 'Current Enrollment', values: series.total }],
    yAxisName: 'Enrollments',
    stacked: series.modes.length > 0,
  }), [series]);

  if (data.state === 'forbidden') return <ForbiddenPage />;
  const columns: Array<Column<ActivityTableRow>> = [
    { key: 'date', header: 'Date', cell: (r) => r.date },
    { key: 'count', header: 'Current Enrollment', cell: (r) => formatNumber(r.count), numeric: true },
    ...table.modes.map(({ mode, label }) => ({ key: mode, header: label, cell: (r: ActivityTableRow) => formatNumber(r.modes[mode] ?? 0), numeric: true })),
  ];
  return (
    <div className="page">
      <h1 className="page-title">Enrollment Activity</h1>
      {data.state === 'loading' ? <Loading what="enrollment activity" />
        : data.state === 'error' ? <LoadError what="this chart" detail={data.message} />
          : data.state === 'empty' || !metrics ? <NoData what="this data" /> : (
            <>
              <MetricCards title="Enrollment Metrics">
                <MetricCard label="Total Enrollment" value={formatNumber(metrics.totalEnrollment)} tooltip="Learners who ever enrolled in the course." />
                <MetricCard label="Current Enrollment" value={formatNumber(metrics.currentEnrollment)} tooltip="Learners currently enrolled in the course." />
                {metrics.changeLastWeek !== null ? (
                  <MetricCard label="Change in Last Week" value={formatChange(metrics.changeLastWeek)} tooltip="Net difference in current enrollment in the last week." />
                ) : null}
                {metrics.verifiedEnrollment !== null ? (
                  <MetricCard label="Verified Enrollment" value={formatNumber(metrics.verifiedEnrollment)} tooltip="Number of currently enrolled learners pursuing a verified certificate of achievement." />
                ) : null}
                {metrics.mastersEnrollment !== null ? (
                  <MetricCard label="Master's Enrollment" value={formatNumber(metrics.mastersEnrollment)} tooltip="Number of currently enrolled learners pursuing a Master's degree." />
                ) : null}
              </MetricCards>
              <TrendChart
                input={input}
                what="Daily learner enrollment"
                title="Daily Learner Enrollment"
                question="How many learners are in my course?"
                tooltip={TOOLTIP}
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--enrollment.csv`} context="Enrollment Over Time" />}
                table={<DataTable caption="Enrollment Over Time" columns={columns} rows={table.rows} rowKey={(r) => r.date} />}
              />
              <UpdatedFooter label="Enrollment activity data" rows={rows} />
            </>
          )}
    </div>
  );
}

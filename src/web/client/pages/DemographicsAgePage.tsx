import { useMemo } from 'react';
import { BarChart } from '../components/charts/BarChart.js';
import { DataTable } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Loading, LoadError, NoData } from '../components/States.js';
import { csvUrl, dataUrl } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import type { BirthYearRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { ageHistogram, ageTable, presentAge } from '../presenters/demographics.js';
import type { CoursePageProps } from './course-page.js';
import { DemographicsFooter, Y_LABEL } from './demographics-shared.js';
import { ForbiddenPage } from './ErrorPages.js';

export default function DemographicsAgePage({ courseId }: CoursePageProps) {
  const url = dataUrl(`courses/${courseId}/enrollment/birth_year/`);
  const data = useData<BirthYearRow[]>(url);
  const rows = useMemo(() => (data.state === 'ok' ? data.data : []), [data]);
  const year = new Date().getUTCFullYear();
  const p = useMemo(() => presentAge(rows, year), [rows, year]);
  const input = useMemo(() => ({ categories: ageHistogram(p.bins).map((b) => b.label), values: ageHistogram(p.bins).map((b) => b.count), xAxisName: 'Age', yAxisName: Y_LABEL, histogram: true }), [p]);
  if (data.state === 'forbidden') return <ForbiddenPage />;
  return (
    <div className="page">
      <h1 className="page-title">Enrollment Demographics by Age</h1>
      {data.state === 'loading' ? <Loading what="age data" />
        : data.state === 'error' ? <LoadError what="this chart" detail={data.message} />
          : data.state === 'empty' || p.totalCount === 0 ? <NoData what="this data" /> : (
            <>
              <MetricCards title="Age Metrics">
                <MetricCard label="Median Learner Age" value={p.median === null ? 'n/a' : formatNumber(p.median)} tooltip="The midpoint of the learner ages, computed from the provided year of birth." />
                <MetricCard label="Learners 25 and Under" value={formatPercent(p.under25)} tooltip="The percentage of learners aged 25 years or younger (of those who provided a year of birth)." />
                <MetricCard label="Learners 26 to 40" value={formatPercent(p.from26To40)} tooltip="The percentage of learners aged from 26 to 40 years (of those who provided a year of birth)." />
                <MetricCard label="Learners 41 and Over" value={formatPercent(p.over41)} tooltip="The percentage of learners aged 41 years or older (of those who provided a year of birth)." />
              </MetricCards>
              <BarChart
                input={input}
                what="Age histogram of learners"
                title="Age Breakdown"
                question="How old are my learners?"
                tooltip={`This age histogram presents data computed for the ${formatPercent(p.knownRatio)} of enrolled learners who provided a year of birth.`}
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--enrollment-by-birth-year.csv`} context="Age Breakdown" />}
                table={<DataTable caption="Age Breakdown" rows={ageTable(p)} rowKey={(r) => r.age} columns={[
                  { key: 'age', header: 'Age', cell: (r) => r.age },
                  { key: 'count', header: 'Number of Learners', cell: (r) => formatNumber(r.count), numeric: true },
                  { key: 'percent', header: 'Percent of Total', cell: (r) => formatPercent(r.percent), numeric: true },
                ]} />}
              />
              <DemographicsFooter rows={rows} />
            </>
          )}
    </div>
  );
}

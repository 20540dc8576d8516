import { useMemo } from 'react';
import { BarChart } from '../components/charts/BarChart.js';
import { DataTable } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { Loading, LoadError, NoData } from '../components/States.js';
import { csvUrl, dataUrl, utcDate } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import type { GenderRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { presentGender } from '../presenters/demographics.js';
import type { CoursePageProps } from './course-page.js';
import { DemographicsFooter, Y_LABEL } from './demographics-shared.js';
import { ForbiddenPage } from './ErrorPages.js';

export default function DemographicsGenderPage({ courseId }: CoursePageProps) {
  const url = useMemo(() => dataUrl(`courses/${courseId}/enrollment/gender/`, { end_date: utcDate(1) }), [courseId]);
  const data = useData<GenderRow[]>(url);
  const rows = useMemo(() => (data.state === 'ok' ? data.data : []), [data]);
  const p = useMemo(() => presentGender(rows), [rows]);
  const input = useMemo(() => ({ categories: p?.shares.map((s) => s.label) ?? [], values: p?.shares.map((s) => s.percent) ?? [], yAxisName: Y_LABEL, percent: true }), [p]);
  if (data.state === 'forbidden') return <ForbiddenPage />;
  return (
    <div className="page">
      <h1 className="page-title">Enrollment Demographics by Gender</h1>
      {data.state === 'loading' ? <Loading what="gender data" />
        : data.state === 'error' ? <LoadError what="this chart" detail={data.message} />
          : data.state === 'empty' || !p ? <NoData what="this data" /> : (
            <>
              <BarChart
                input={input}
                what="Percentage of learners by gender"
                title="Gender Breakdown"
                question="What is the learner gender breakdown?"
                tooltip={`This graph presents data for the ${formatPercent(p.knownRatio)} of enrolled learners who specified their gender.`}
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--enrollment-by-gender.csv`} context="Gender Breakdown Over Time" />}
                table={<DataTable caption="Gender Breakdown Over Time" rows={p.table} rowKey={(r) => r.date} columns={[
                  { key: 'date', header: 'Date', cell: (r) => r.date },
                  { key: 'total', header: 'Current Enrollment', cell: (r) => formatNumber(r.total), numeric: true },
                  { key: 'female', header: 'Female', cell: (r) => formatNumber(r.female), numeric: true },
                  { key: 'male', header: 'Male', cell: (r) => formatNumber(r.male), numeric: true },
                  { key: 'other', header: 'Other', cell: (r) => formatNumber(r.other), numeric: true },
                  { key: 'unknown', header: 'Not Reported', cell: (r) => formatNumber(r.unknown), numeric: true },
                ]} />}
              />
              <DemographicsFooter rows={rows} />
            </>
          )}
    </div>
  );
}

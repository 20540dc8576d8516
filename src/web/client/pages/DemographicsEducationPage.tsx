import { useMemo } from 'react';
import { BarChart } from '../components/charts/BarChart.js';
import { DataTable } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Loading, LoadError, NoData } from '../components/States.js';
import { csvUrl, dataUrl } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import type { EducationRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { educationTable, presentEducation } from '../presenters/demographics.js';
import type { CoursePageProps } from './course-page.js';
import { DemographicsFooter, Y_LABEL } from './demographics-shared.js';
import { ForbiddenPage } from './ErrorPages.js';

export default function DemographicsEducationPage({ courseId }: CoursePageProps) {
  const url = dataUrl(`courses/${courseId}/enrollment/education/`);
  const data = useData<EducationRow[]>(url);
  const rows = useMemo(() => (data.state === 'ok' ? data.data : []), [data]);
  const p = useMemo(() => presentEducation(rows), [rows]);
  const input = useMemo(() => ({ categories: p.levels.map((l) => l.label), values: p.levels.map((l) => l.percent), yAxisName: Y_LABEL, percent: true }), [p]);
  if (data.state === 'forbidden') return <ForbiddenPage />;
  return (
    <div className="page">
      <h1 className="page-title">Enrollment Demographics by Education</h1>
      {data.state === 'loading' ? <Loading what="education data" />
        : data.state === 'error' ? <LoadError what="this chart" detail={data.message} />
          : data.state === 'empty' || p.totalCount === 0 ? <NoData what="this data" /> : (
            <>
              <MetricCards title="Education Metrics">
                <MetricCard label="High School Diploma or Less" value={formatPercent(p.highSchoolOrLess)}
                  tooltip="The percentage of learners who selected Secondary/high school, Junior secondary/junior high/middle school, or Elementary/primary school as their highest level of education completed." />
                <MetricCard label="College Degree" value={formatPercent(p.college)}
                  tooltip="The percentage of learners who selected Bachelor's degree or Associate degree as their highest level of education completed." />
                <MetricCard label="Advanced Degree" value={formatPercent(p.advanced)}
                  tooltip="The percentage of learners who selected Doctorate or Master's or professional degree as their highest level of education completed." />
              </MetricCards>
              <BarChart
                input={input}
                what="Percentage of learners by highest level of education completed"
                title="Educational Breakdown"
                question="What level of education do my learners have?"
                tooltip={`This graph presents data for the ${formatPercent(p.knownRatio)} of enrolled learners who provided a highest level of education completed.`}
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--enrollment-by-education.csv`} context="Educational Breakdown" />}
                table={<DataTable caption="Educational Breakdown" rows={educationTable(p)} rowKey={(r) => r.label} columns={[
                  { key: 'label', header: 'Educational Background', cell: (r) => r.label },
                  { key: 'count', header: 'Number of Learners', cell: (r) => formatNumber(r.count), numeric: true },
                ]} />}
              />
              <DemographicsFooter rows={rows} />
            </>
          )}
    </div>
  );
}

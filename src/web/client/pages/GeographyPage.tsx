import { useMemo } from 'react';
import { WorldMap } from '../components/charts/WorldMap.js';
import { DataTable } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Loading, LoadError, NoData } from '../components/States.js';
import { csvUrl, dataUrl } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import type { LocationRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { presentGeography } from '../presenters/geography.js';
import type { CoursePageProps } from './course-page.js';
import { ForbiddenPage } from './ErrorPages.js';

const RANKS = ['Top', 'Second', 'Third'] as const;

export default function GeographyPage({ courseId }: CoursePageProps) {
  const url = dataUrl(`courses/${courseId}/enrollment/location/`);
  const data = useData<LocationRow[]>(url);
  const rows = useMemo(() => (data.state === 'ok' ? data.data : []), [data]);
  const p = useMemo(() => presentGeography(rows), [rows]);
  if (data.state === 'forbidden') return <ForbiddenPage />;
  return (
    <div className="page">
      <h1 className="page-title">Enrollment Geography</h1>
      {data.state === 'loading' ? <Loading what="geography data" />
        : data.state === 'error' ? <LoadError what="this chart" detail={data.message} />
          : data.state === 'empty' || p.countries.length === 0 ? <NoData what="this data" /> : (
            <>
              <MetricCards title="Geography Metrics">
                <MetricCard label="Total Countries or Regions Represented" value={formatNumber(p.countriesRepresented)} tooltip="Countries or regions with at least one learner." />
                {p.top.map((c, i) => (
                  <MetricCard key={c.name} label={`${RANKS[i]} Country or Region by Enrollment`} value={c.name}
                    tooltip={`The ${RANKS[i]!.toLowerCase()} country or region by the number of enrolled learners.`}
                    note={`${formatPercent(c.percent)} of learners`} />
                ))}
              </MetricCards>
              <WorldMap
                countries={p.countries}
                title="Geographic Distribution"
                question="Where are my learners?"
                tooltip="Learner location is determined from IP address. This map shows where learners most recently connected."
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--enrollment-location.csv`} context="Geographic Breakdown" />}
                table={<DataTable caption="Geographic Breakdown" rows={p.countries} rowKey={(r) => r.alpha2 ?? r.name} columns={[
                  { key: 'name', header: 'Country or Region', cell: (r) => r.name },
                  { key: 'percent', header: 'Percent', cell: (r) => formatPercent(r.percent), numeric: true },
                  { key: 'count', header: 'Current Enrollment', cell: (r) => formatNumber(r.count), numeric: true },
                ]} />}
              />
              <UpdatedFooter label="Geographic learner data" rows={rows} />
            </>
          )}
    </div>
  );
}

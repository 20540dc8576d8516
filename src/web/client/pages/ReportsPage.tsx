import { useState } from 'react';
import { Alert, Loading, LoadError } from '../components/States.js';
import { requestJson, dataUrl } from '../lib/api.js';
import { formatNumber, formatUpdated, parseApiTimestamp } from '../lib/format.js';
import type { ProblemResponseReport } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import type { CoursePageProps } from './course-page.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';

function when(value: string | undefined): string | null {
  const t = parseApiTimestamp(value ?? null);
  if (t === null) return null;
  const { date, time } = formatUpdated(t);
  return `${date} at ${time} UTC`;
}

/** The problem response report: its details and a download that asks for a fresh signed link at click time. */
export default function ReportsPage({ courseId, rest }: CoursePageProps) {
  const url = dataUrl(`courses/${courseId}/reports/problem_response/`);
  const report = useData<ProblemResponseReport>(url);
  const [status, setStatus] = useState<'idle' | 'busy' | 'failed'>('idle');
  if (rest !== '') return <NotFoundPage />;
  if (report.state === 'forbidden') return <ForbiddenPage />;
  const download = async () => {
    setStatus('busy');
    try {
      // The signed link expires within minutes, so it is fetched again when the button is used.
      const fresh = await requestJson<ProblemResponseReport>(url);
      setStatus('idle');
      window.location.assign(fresh.download_url);
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div className="page">
      <h1 className="page-title">Reports</h1>
      <section className="chart-panel" aria-labelledby="pr-title">
        <h2 id="pr-title" className="section-title">Problem Response Report</h2>
        <p className="question">How are learners responding to questions?</p>
        {report.state === 'loading' ? <Loading what="report details" />
          : report.state === 'error' ? <LoadError what="this data" detail={report.message} />
            : report.state === 'empty' ? (
              <Alert title="No problem response report is available for this course.">
                <p>The report is created with the other course data. Check back later.</p>
              </Alert>
            ) : (
              <>
                <p>A CSV file with the last response of each learner to each problem of the course.</p>
                <dl className="overview-list">
                  {when(report.data.last_modified) ? <div><dt>Last updated</dt><dd>{when(report.data.last_modified)}</dd></div> : null}
                  {report.data.file_size !== undefined ? <div><dt>File size</dt><dd>{formatNumber(Math.ceil(report.data.file_size / 1024))} KB</dd></div> : null}
                </dl>
                <button type="button" className="button button-download" onClick={() => void download()} disabled={status === 'busy'}>
                  Download CSV<span className="sr-only"> Problem Response Report</span>
                </button>
                <p role="status" aria-live="polite" className="muted">
                  {status === 'busy' ? 'Preparing the download…' : status === 'failed' ? 'We are unable to download this report. Try again later.' : ''}
                </p>
              </>
            )}
      </section>
    </div>
  );
}

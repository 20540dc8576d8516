import { useId, useMemo, useState, type FormEvent } from 'react';
import { ChartPanel } from '../components/ChartPanel.js';
import { EChart } from '../components/charts/EChart.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { Alert, Loading, LoadError, NoData } from '../components/States.js';
import { buildColoredBarOption, CORRECT_COLOR, INCORRECT_COLOR } from '../charts/stacked-bar.js';
import { csvUrl, dataUrl } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import type { AnswerDistributionRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { presentAnswerDistribution, type AnswerEntry } from '../presenters/performance.js';
import { ForbiddenPage } from './ErrorPages.js';

const TIP = 'This chart shows the most common answers submitted by learners, ordered by frequency.';

/**
 * "How did learners answer this problem?": the part selector, the top answers chart (blue correct, red incorrect)
 * and the "Submission Counts" table. `partUrl(partId)` is the URL of a part of this problem.
 */
export function AnswerDistributionView({ courseId, problemId, problemName, partId, partUrl }: {
  courseId: string;
  problemId: string;
  problemName: string;
  partId: string | null;
  partUrl: (partId: string) => string;
}) {
  const url = dataUrl(`problems/${encodeURIComponent(problemId)}/answer_distribution/`);
  const data = useData<AnswerDistributionRow[]>(url);
  const rows = useMemo(() => (data.state === 'ok' ? data.data : []), [data]);
  const p = useMemo(() => presentAnswerDistribution(rows, partId), [rows, partId]);
  const option = useMemo(() => buildColoredBarOption({
    categories: p.chart.map((a) => a.answer),
    values: p.chart.map((a) => a.count),
    colors: p.chart.map((a) => (a.correct ? CORRECT_COLOR : INCORRECT_COLOR)),
    yAxisName: 'Submissions',
  }), [p]);
  if (data.state === 'forbidden') return <ForbiddenPage />;
  const columns: Array<Column<AnswerEntry>> = [
    { key: 'answer', header: 'Answer', cell: (a) => a.answer },
    { key: 'correct', header: 'Correct', cell: (a) => (a.correct ? 'Correct' : '-') },
    { key: 'count', header: 'Submission Count', cell: (a) => formatNumber(a.count), numeric: true },
    ...(p.randomized ? [{ key: 'variant', header: 'Variant', cell: (a: AnswerEntry) => (a.variant === null ? '-' : String(a.variant)), numeric: true }] : []),
  ];
  const correctCount = p.chart.filter((a) => a.correct).length;
  const label = `Most common answers to ${p.part?.label ?? 'this problem'}, ${p.chart.length} answers by submission count; `
    + `${correctCount} correct (blue), ${p.chart.length - correctCount} incorrect (red). `
    + (p.chart[0] ? `Most frequent: ${p.chart[0].answer} with ${formatNumber(p.chart[0].count)}. ` : '')
    + 'The table below lists every answer.';
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title" className="section-title">How did learners answer this problem?</h2>
      <p style={{ overflowWrap: 'anywhere' }}><strong>{p.problemName ?? problemName}</strong>{p.part?.question ? <>: {p.part.question}</> : null}</p>
      {data.state === 'loading' ? <Loading what="answer distribution" />
        : data.state === 'error' ? <LoadError what="this chart" detail={data.message} />
          : data.state === 'empty' || !p.part ? <NoData what="this chart" /> : (
            <>
              {p.parts.length > 1 ? <PartSelector parts={p.parts} current={p.part.partId} onGo={(id) => navigate(partUrl(id))} /> : null}
              {p.randomized ? (
                <Alert title="Due to the number of possible variants for randomized problems, charts are not available.">
                  <p>Review all submission variants below, or click Download CSV to review them offline.</p>
                </Alert>
              ) : null}
              <ChartPanel
                title={`Submissions for ${p.part.label}`}
                tooltip={TIP}
                chart={p.randomized ? null : <EChart option={option} label={label} />}
                download={<DownloadCsv href={csvUrl(url)} filename={`${courseFilePrefix(courseId)}--performance-answer-distribution.csv`} context="Submission Counts" />}
                table={<DataTable caption="Submission Counts" columns={columns} rows={p.answers} rowKey={(a, i) => `${i}-${a.answer}-${a.variant ?? ''}`} />}
              />
              <UpdatedFooter label="Problem submission data" rows={rows} />
            </>
          )}
    </section>
  );
}

/** The part selector of a multi-part problem: a labelled select and a button (no navigation while browsing options). */
function PartSelector({ parts, current, onGo }: { parts: ReadonlyArray<{ partId: string; label: string; question: string | null }>; current: string; onGo: (id: string) => void }) {
  const id = useId();
  const [value, setValue] = useState(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value !== current) onGo(value);
  };
  return (
    <form onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center', margin: '0 0 1rem' }}>
      <label htmlFor={id}>Problem part</label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value)} style={{ maxWidth: '100%', font: 'inherit' }}>
        {parts.map((part) => (
          <option key={part.partId} value={part.partId}>
            {`Submissions for ${part.label}${part.question ? `: ${part.question}` : ''}`}
          </option>
        ))}
      </select>
      <button type="submit" className="button">Show</button>
    </form>
  );
}

import { useId, type ReactNode } from 'react';
import { InfoTip } from './InfoTip.js';

/** What every chart component takes besides its data: the frame's texts, its table and CSV link. */
export interface ChartFrame {
  /** What the chart counts, for its spoken summary. */
  what: string;
  title: string;
  question?: string;
  tooltip?: string;
  table: ReactNode;
  download?: ReactNode;
}

/**
 * The frame every chart kind shares: title, question, info tooltip, the chart, then ALWAYS its data table and
 * the "Download CSV" link.
 */
export function ChartPanel({ title, question, tooltip, chart, table, download }: Omit<ChartFrame, 'what'> & { chart: ReactNode }) {
  const id = useId();
  return (
    <section className="chart-panel" aria-labelledby={id}>
      <header className="panel-header">
        <div>
          <h2 id={id} className="section-title">{title}</h2>
          {question ? <p className="question">{question}</p> : null}
        </div>
        {tooltip ? <InfoTip text={tooltip} label={`About ${title}`} /> : null}
      </header>
      <div className="chart-area">{chart}</div>
      <div className="table-area">
        {download ? <div className="table-actions">{download}</div> : null}
        {table}
      </div>
    </section>
  );
}

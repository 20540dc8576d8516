import { useId, type ReactNode } from 'react';
import { InfoTip } from './InfoTip.js';

/** A summary number with its label and tooltip. Long values are cut at 13 characters, the full value in `title`. */
export function MetricCard({ label, value, tooltip, note }: { label: string; value: string; tooltip: string; note?: ReactNode }) {
  const id = useId();
  const shown = value.length > 13 ? `${value.slice(0, 12)}…` : value;
  return (
    <div className="metric-card" role="group" aria-labelledby={`${id}-label`}>
      <div className="metric-label">
        <span id={`${id}-label`}>{label}</span>
        <InfoTip text={tooltip} label={`About ${label}`} />
      </div>
      <div className="metric-value" title={value}>{shown}</div>
      {note ? <div className="metric-note">{note}</div> : null}
    </div>
  );
}

export function MetricCards({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="metrics" aria-labelledby={id}>
      <h2 id={id} className="section-title">{title}</h2>
      <div className="metric-grid">{children}</div>
    </section>
  );
}

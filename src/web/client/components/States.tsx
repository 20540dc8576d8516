import type { ReactNode } from 'react';

export function Loading({ what = 'data' }: { what?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading<span className="sr-only"> {what}</span>...
    </div>
  );
}

/** Legacy error alert: "We are unable to load this chart." / "…this table." / "…these metrics." */
export function LoadError({ what, detail }: { what: 'this chart' | 'this table' | 'these metrics' | 'this data'; detail?: string }) {
  return (
    <div className="alert alert-error" role="alert">
      <p><strong>We are unable to load {what}.</strong></p>
      {detail ? <p>{detail}</p> : null}
    </div>
  );
}

/** The data API answered 404: no data for this course yet. */
export function NoData({ what = 'this data' }: { what?: 'this chart' | 'this table' | 'these metrics' | 'this data' }) {
  return (
    <div className="alert alert-info" role="alert">
      <p><strong>We are unable to load {what}.</strong></p>
      <p>This data may not be available for your course. Data is updated every day, so check back regularly for up-to-date metrics.</p>
    </div>
  );
}

export function Alert({ title, children, kind = 'info' }: { title: string; children?: ReactNode; kind?: 'info' | 'error' | 'warning' }) {
  return (
    <div className={`alert alert-${kind}`} role="alert">
      <p><strong>{title}</strong></p>
      {children}
    </div>
  );
}

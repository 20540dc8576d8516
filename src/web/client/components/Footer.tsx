import { lastUpdatedSentence, newestCreated } from '../lib/format.js';

/** "<label> was last updated <date> at <time> UTC.", from the newest `created` of the page's rows. */
export function UpdatedFooter({ label, rows, extra }: { label: string; rows: ReadonlyArray<{ created?: string | null }>; extra?: string }) {
  const t = newestCreated(rows);
  if (t === null && !extra) return null;
  return (
    <footer className="data-footer">
      {extra ? <p>{extra}</p> : null}
      {t !== null ? <p>{lastUpdatedSentence(label, t)}</p> : null}
    </footer>
  );
}

import { useState, type ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  /** Cell content; strings and numbers are shown as they are. */
  cell: (row: R) => ReactNode;
  numeric?: boolean;
}

/**
 * A real table with caption and column headers, scrolling horizontally inside a focusable region on narrow
 * screens; long tables are paged.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, pageSize = 25 }: {
  caption: string;
  columns: ReadonlyArray<Column<R>>;
  rows: ReadonlyArray<R>;
  rowKey: (row: R, index: number) => string;
  pageSize?: number;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * pageSize, (current + 1) * pageSize);
  return (
    <div className="data-table">
      <div className="table-scroll" role="region" aria-label={`${caption} (table)`} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={rowKey(r, current * pageSize + i)}>
                {columns.map((c, j) => j === 0
                  ? <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>{c.cell(r)}</th>
                  : <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.cell(r)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label={`${caption} pages`}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>Previous</button>
          <span aria-live="polite">Page {current + 1} of {pages} ({rows.length} rows)</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>Next</button>
        </nav>
      ) : null}
    </div>
  );
}

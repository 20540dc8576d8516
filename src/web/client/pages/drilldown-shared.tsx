import { useEffect, useMemo, useRef } from 'react';
import { ChartPanel, type ChartFrame } from '../components/ChartPanel.js';
import { EChart } from '../components/charts/EChart.js';
import { echarts } from '../components/charts/echarts-setup.js';
import { buildStackedBarOption, stackedBarSummary, type StackedBarInput } from '../charts/stacked-bar.js';
import { formatNumber } from '../lib/format.js';
import { Link, navigate } from '../lib/router.js';
import type { CourseBlocks } from '../lib/types.js';
import { useData, type DataState } from '../lib/use-data.js';

/** The course outline from the LMS blocks API (through the dashboard server). */
export function useCourseBlocks(courseId: string): DataState<CourseBlocks> {
  return useData<CourseBlocks>(`/data/lms/blocks/${courseId}`);
}

/**
 * Stacked bar chart in the shared chart frame, with its table and CSV link. `hrefs[i]` (optional) makes bar i a
 * mouse shortcut to the drill-down; the same links are in the table for the keyboard and screen readers.
 */
export function StackedBarChart({ input, what, title, question, tooltip, table, download, hrefs }: {
  input: StackedBarInput;
  hrefs?: ReadonlyArray<string | null>;
} & ChartFrame) {
  const option = useMemo(() => buildStackedBarOption(input), [input]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current?.querySelector<HTMLDivElement>('.echart');
    const chart = el ? echarts.getInstanceByDom(el) : undefined;
    if (!chart || !hrefs) return;
    const onClick = (e: { dataIndex?: number }) => {
      const href = e.dataIndex === undefined ? null : hrefs[e.dataIndex];
      if (href) navigate(href);
    };
    chart.on('click', onClick);
    return () => { chart.off('click', onClick); };
  }, [hrefs]);
  return (
    <ChartPanel title={title} question={question} tooltip={tooltip} table={table} download={download}
      chart={<div ref={box}><EChart option={option} label={stackedBarSummary(input, what)} /></div>} />
  );
}

/** Where the drill-down is: links up to each level, the current one last (not a link). */
export function Breadcrumbs({ items }: { items: ReadonlyArray<{ label: string; href?: string }> }) {
  if (items.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol style={{ listStyle: 'none', padding: 0, margin: '0 0 0.75rem', display: 'flex', flexWrap: 'wrap', gap: '0.25rem 0.5rem' }}>
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`} style={{ overflowWrap: 'anywhere' }}>
            {item.href && i < items.length - 1 ? <Link href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
            {i < items.length - 1 ? <span aria-hidden="true"> ›</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Previous / next links (videos, problems), as real links so the keyboard and screen readers get them. */
export function PrevNext({ prev, next, prevLabel, nextLabel }: { prev: string | null; next: string | null; prevLabel: string; nextLabel: string }) {
  if (!prev && !next) return null;
  return (
    <nav aria-label="Previous and next" style={{ display: 'flex', justifyContent: 'space-between', gap: '1rem', margin: '0 0 1rem', flexWrap: 'wrap' }}>
      {prev ? <Link className="button" href={prev}>{prevLabel}</Link> : <span />}
      {next ? <Link className="button" href={next}>{nextLabel}</Link> : <span />}
    </nav>
  );
}

/** A fixed-point average as the legacy tables show it: one decimal place, grouped. */
export function formatAverage(n: number): string {
  const [int = '0', frac = '0'] = (Math.round(n * 10) / 10).toFixed(1).split('.');
  return `${formatNumber(Number(int))}.${frac}`;
}

import { useMemo } from 'react';
import { buildTrendOption, trendSummary, type TrendInput } from '../../charts/trend.js';
import { ChartPanel, type ChartFrame } from '../ChartPanel.js';
import { EChart } from './EChart.js';

/** Line / stacked-area chart over days, with its table and CSV link. */
export function TrendChart({ input, what, title, question, tooltip, table, download }: {
  input: TrendInput;
} & ChartFrame) {
  const option = useMemo(() => buildTrendOption(input), [input]);
  return (
    <ChartPanel title={title} question={question} tooltip={tooltip} table={table} download={download}
      chart={<EChart option={option} label={trendSummary(input, what)} />} />
  );
}

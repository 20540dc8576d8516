import { useMemo } from 'react';
import { barSummary, buildBarOption, type BarInput } from '../../charts/bar.js';
import { ChartPanel, type ChartFrame } from '../ChartPanel.js';
import { EChart } from './EChart.js';

/** Bar chart or histogram, with its table and CSV link. */
export function BarChart({ input, what, title, question, tooltip, table, download }: {
  input: BarInput;
} & ChartFrame) {
  const option = useMemo(() => buildBarOption(input), [input]);
  return (
    <ChartPanel title={title} question={question} tooltip={tooltip} table={table} download={download}
      chart={<EChart option={option} label={barSummary(input, what)} />} />
  );
}

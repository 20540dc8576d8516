import type { EChartsOption } from 'echarts';
import { formatNumber } from '../lib/format.js';
import { SERIES_COLORS } from './palette.js';

export interface TrendInput {
  /** x values (dates `YYYY-MM-DD`), ascending. */
  dates: ReadonlyArray<string>;
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number> }>;
  yAxisName: string;
  /** Stacked areas (enrollment by mode) or plain lines. */
  stacked: boolean;
}

/** A line or stacked-area chart over dates. The numbers in the option are the input values, unchanged. */
export function buildTrendOption(input: TrendInput): EChartsOption {
  const fewPoints = input.dates.length < 11;
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: { left: 48, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', selectedMode: false },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: [...input.dates],
      axisLabel: fewPoints ? { interval: 0, hideOverlap: true } : { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: input.yAxisName,
      nameLocation: 'middle',
      nameGap: 48,
      minInterval: 1,
    },
    series: input.series.map((s) => ({
      type: 'line',
      name: s.name,
      data: [...s.values],
      showSymbol: fewPoints,
      ...(input.stacked ? { stack: 'total', areaStyle: { opacity: 0.85 }, lineStyle: { width: 1 } } : {}),
    })),
  };
}

/** A one-sentence description for screen readers (`aria-label` of the chart). */
export function trendSummary(input: TrendInput, what: string): string {
  const n = input.dates.length;
  if (n === 0) return `${what}: no data.`;
  const first = input.dates[0]!;
  const last = input.dates[n - 1]!;
  const latest = input.series.map((s) => `${s.name} ${formatNumber(s.values[n - 1] ?? 0)}`).join(', ');
  return `${what} from ${first} to ${last}${input.stacked ? ', stacked' : ''}. On ${last}: ${latest}. The table below lists every value.`;
}

import type { EChartsOption } from 'echarts';
import { formatNumber, formatPercent } from '../lib/format.js';
import { BAR_COLOR } from './palette.js';

export interface BarInput {
  categories: ReadonlyArray<string>;
  values: ReadonlyArray<number>;
  xAxisName?: string;
  yAxisName: string;
  /** Values are ratios (0..1), shown as percentages on the axis and tooltip. */
  percent?: boolean;
  /** Bars touch (a histogram) instead of standing apart (a discrete bar chart). */
  histogram?: boolean;
}

/** A bar chart or histogram. The numbers in the option are the input values, unchanged. */
export function buildBarOption(input: BarInput): EChartsOption {
  const fmt = input.percent ? (v: number) => formatPercent(v) : (v: number) => formatNumber(v);
  return {
    animation: false,
    color: [BAR_COLOR],
    grid: { left: 48, right: 16, top: 24, bottom: input.xAxisName ? 28 : 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : String(v)),
    },
    xAxis: {
      type: 'category',
      data: [...input.categories],
      ...(input.xAxisName ? { name: input.xAxisName, nameLocation: 'middle' as const, nameGap: 28 } : {}),
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: input.yAxisName,
      nameLocation: 'middle',
      nameGap: 48,
      ...(input.percent ? { axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : { minInterval: 1 }),
    },
    series: [
      {
        type: 'bar',
        name: input.yAxisName,
        data: [...input.values],
        ...(input.histogram ? { barCategoryGap: '4%' } : { barMaxWidth: 64 }),
      },
    ],
  };
}

export function barSummary(input: BarInput, what: string): string {
  if (input.categories.length === 0) return `${what}: no data.`;
  const fmt = input.percent ? formatPercent : formatNumber;
  let best = 0;
  input.values.forEach((v, i) => { if (v > (input.values[best] ?? -Infinity)) best = i; });
  return `${what}, ${input.categories.length} bars from ${input.categories[0]} to ${input.categories[input.categories.length - 1]}. `
    + `Highest: ${input.categories[best]} with ${fmt(input.values[best] ?? 0)}. The table below lists every value.`;
}

import type { EChartsOption } from 'echarts';
import { formatNumber } from '../lib/format.js';

/** Legacy colours: videos green/gray; submissions "#4BB4FB" correct and "#CA0061" incorrect. */
export const COMPLETE_COLOR = '#009e73';
export const INCOMPLETE_COLOR = '#8a8f98';
export const CORRECT_COLOR = '#4BB4FB';
export const INCORRECT_COLOR = '#CA0061';

export interface StackedBarInput {
  categories: ReadonlyArray<string>;
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number>; color: string }>;
  yAxisName: string;
}

/** Two or more series stacked per category. The numbers in the option are the input values, unchanged. */
export function buildStackedBarOption(input: StackedBarInput): EChartsOption {
  return {
    animation: false,
    color: input.series.map((s) => s.color),
    grid: { left: 48, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', selectedMode: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? formatNumber(Math.round(v * 10) / 10) : String(v)),
    },
    xAxis: {
      type: 'category',
      data: [...input.categories],
      axisLabel: { hideOverlap: true, width: 96, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: input.yAxisName, nameLocation: 'middle', nameGap: 48 },
    series: input.series.map((s) => ({ type: 'bar', name: s.name, stack: 'total', data: [...s.values], barMaxWidth: 64 })),
  };
}

export function stackedBarSummary(input: StackedBarInput, what: string): string {
  const n = input.categories.length;
  if (n === 0) return `${what}: no data.`;
  const names = input.series.map((s) => s.name).join(' and ');
  return `${what}: ${names} for ${n} ${n === 1 ? 'item' : 'items'}, from ${input.categories[0]} to ${input.categories[n - 1]}. The table below lists every value.`;
}

export interface ColoredBarInput {
  categories: ReadonlyArray<string>;
  values: ReadonlyArray<number>;
  /** One colour per bar. */
  colors: ReadonlyArray<string>;
  yAxisName: string;
}

/** A discrete bar chart whose bars have their own colours (answers: correct / incorrect). */
export function buildColoredBarOption(input: ColoredBarInput): EChartsOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
    xAxis: { type: 'category', data: [...input.categories], axisLabel: { hideOverlap: true, width: 96, overflow: 'truncate' } },
    yAxis: { type: 'value', name: input.yAxisName, nameLocation: 'middle', nameGap: 48, minInterval: 1 },
    series: [{
      type: 'bar',
      name: input.yAxisName,
      barMaxWidth: 64,
      data: input.values.map((value, i) => ({ value, itemStyle: { color: input.colors[i] ?? CORRECT_COLOR } })),
    }],
  };
}

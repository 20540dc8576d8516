import type { EChartsOption } from 'echarts';
import { formatNumber, formatPercent } from '../lib/format.js';
import type { CountryCount } from '../presenters/geography.js';
import { MAP_COLORS } from './palette.js';

export const WORLD_MAP_NAME = 'world';

export interface MapDatum {
  /** ISO alpha-3, the name of the region in the registered map. */
  name: string;
  /** √count: the value the colour scale reads. */
  value: number;
  count: number;
  country: string;
  percent: number;
}

/**
 * The world heat map: one datum per known country (the unknown entry has no region). The scale runs from 0 to
 * the largest count, on a square-root scale as the legacy map (the visual value is √count; the tooltip and data
 * keep the counts).
 */
export function buildWorldMapOption(countries: ReadonlyArray<CountryCount>): EChartsOption {
  const data: MapDatum[] = countries
    .filter((c) => c.alpha3 !== null)
    .map((c) => ({ name: c.alpha3!, value: Math.sqrt(c.count), count: c.count, country: c.name, percent: c.percent }));
  const max = data.reduce((m, d) => Math.max(m, d.count), 0);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = (Array.isArray(p) ? p[0] : p)?.data as MapDatum | undefined;
        return d ? `${d.country}: ${formatNumber(d.count)} (${formatPercent(d.percent)})` : '';
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(1, Math.sqrt(max)),
      inRange: { color: [...MAP_COLORS] },
      text: [`${formatNumber(max)}+`, '0'],
      left: 8,
      bottom: 8,
      calculable: false,
      seriesIndex: 0,
    },
    series: [
      {
        type: 'map',
        map: WORLD_MAP_NAME,
        roam: false,
        itemStyle: { areaColor: '#eeeeee', borderColor: '#ffffff', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#f0b429' } },
        select: { disabled: true },
        data,
      },
    ],
  };
}

export function worldMapSummary(countries: ReadonlyArray<CountryCount>): string {
  const known = countries.filter((c) => c.alpha3 !== null);
  if (known.length === 0) return 'World map of learner locations: no data.';
  const top = known.slice(0, 3).map((c) => `${c.name} ${formatNumber(c.count)} (${formatPercent(c.percent)})`).join(', ');
  return `World map of learners by country: ${known.length} countries or regions. Most learners: ${top}. The table below lists every country.`;
}

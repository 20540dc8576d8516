import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { buildWorldMapOption, WORLD_MAP_NAME, worldMapSummary } from '../../charts/world-map.js';
import type { CountryCount } from '../../presenters/geography.js';
import { ChartPanel } from '../ChartPanel.js';
import { Loading } from '../States.js';
import { EChart } from './EChart.js';
import { echarts } from './echarts-setup.js';

let registered: Promise<void> | null = null;

/** Loads the world-atlas 110m countries (a separate chunk) once and registers them as the "world" map. */
function registerWorld(): Promise<void> {
  registered ??= Promise.all([import('world-atlas/countries-110m.json'), import('../../charts/world-geo.js')]).then(
    ([atlas, geo]) => {
      const topology = (atlas as unknown as { default: Parameters<typeof geo.worldGeoJson>[0] }).default;
      echarts.registerMap(WORLD_MAP_NAME, geo.worldGeoJson(topology) as unknown as Parameters<typeof echarts.registerMap>[1]);
    },
  );
  return registered;
}

/** World heat map of learners by country, with its table and CSV link. */
export function WorldMap({ countries, title, question, tooltip, table, download }: {
  countries: ReadonlyArray<CountryCount>;
  title: string;
  question?: string;
  tooltip?: string;
  table: ReactNode;
  download?: ReactNode;
}) {
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    registerWorld().then(() => { if (live) setReady(true); }, () => { if (live) setFailed(true); });
    return () => { live = false; };
  }, []);
  const option = useMemo(() => buildWorldMapOption(countries), [countries]);
  const chart = failed
    ? <p className="alert alert-error" role="alert">We are unable to load this chart.</p>
    : ready ? <EChart option={option} label={worldMapSummary(countries)} height={420} /> : <Loading what="map" />;
  return <ChartPanel title={title} question={question} tooltip={tooltip} chart={chart} table={table} download={download} />;
}

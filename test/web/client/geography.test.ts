import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildWorldMapOption } from '../../../src/web/client/charts/world-map.js';
import { worldGeoJson } from '../../../src/web/client/charts/world-geo.js';
import { presentGeography, UNKNOWN_COUNTRY } from '../../../src/web/client/presenters/geography.js';
import type { LocationRow } from '../../../src/web/client/lib/types.js';

const loc = (alpha2: string | null, alpha3: string | null, name: string, count: number): LocationRow => ({
  course_id: 'edX/DemoX/Demo', date: '2024-03-10', country: { alpha2, alpha3, name }, count, created: '2024-03-10T000000',
});
const rows = [loc(null, null, 'UNKNOWN', 5), loc('US', 'USA', 'United States', 50), loc('BR', 'BRA', 'Brazil', 25), loc('IN', 'IND', 'India', 15), loc('FR', 'FRA', 'France', 5)];

describe('geography', () => {
  const p = presentGeography(rows);
  it('sorts by count, renames the unknown entry, counts countries, picks the top three', () => {
    expect(p.countries.map((c) => [c.name, c.count])).toEqual([
      ['United States', 50], ['Brazil', 25], ['India', 15], ['France', 5], [UNKNOWN_COUNTRY, 5],
    ]);
    expect(p.total).toBe(100);
    expect(p.countriesRepresented).toBe(4);
    expect(p.top.map((c) => [c.name, c.percent])).toEqual([['United States', 0.5], ['Brazil', 0.25], ['India', 0.15]]);
  });
  it('map option carries the counts by alpha-3 and a 0..max scale', () => {
    const option = buildWorldMapOption(p.countries);
    const data = (option.series as Array<{ data: Array<{ name: string; count: number; value: number }> }>)[0]!.data;
    expect(data.map((d) => [d.name, d.count])).toEqual([['USA', 50], ['BRA', 25], ['IND', 15], ['FRA', 5]]);
    expect(data.every((d) => d.value === Math.sqrt(d.count))).toBe(true);
    const vm = option.visualMap as { min: number; max: number; text: string[] };
    expect([vm.min, vm.max, vm.text]).toEqual([0, Math.sqrt(50), ['50+', '0']]);
  });
  it('names the atlas regions by alpha-3 and hides Antarctica', () => {
    const require = createRequire(import.meta.url);
    const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
    const names = worldGeoJson(topology).features.map((f) => f.properties.name);
    expect(names).toContain('USA');
    expect(names).toContain('BRA');
    expect(names).not.toContain('ATA');
    expect(names).not.toContain('Antarctica');
  });
});

import { ratio } from '../lib/format.js';
import type { LocationRow } from '../lib/types.js';

export const UNKNOWN_COUNTRY = 'Unknown Country';

export interface CountryCount {
  alpha2: string | null;
  alpha3: string | null;
  name: string;
  count: number;
  /** Share of all enrolled learners, unknown location included (0..1). */
  percent: number;
}

export interface GeographyPresentation {
  /** Every row, sorted by count descending (ties by name); the unknown entry named "Unknown Country". */
  countries: CountryCount[];
  total: number;
  /** Countries or regions with at least one learner (the unknown entry not counted). */
  countriesRepresented: number;
  /** The first three known countries by count. */
  top: CountryCount[];
  /** The largest known-country count (the map scale's top). */
  maxCount: number;
}

export function presentGeography(rows: ReadonlyArray<LocationRow>): GeographyPresentation {
  const total = rows.reduce((s, r) => s + r.count, 0);
  const countries = rows
    .map((r) => {
      const unknown = !r.country.alpha2 || r.country.name === 'UNKNOWN';
      return {
        alpha2: unknown ? null : r.country.alpha2,
        alpha3: unknown ? null : r.country.alpha3,
        name: unknown ? UNKNOWN_COUNTRY : r.country.name,
        count: r.count,
        percent: ratio(r.count, total),
      };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const known = countries.filter((c) => c.alpha2 !== null && c.count > 0);
  return {
    countries,
    total,
    countriesRepresented: known.length,
    top: known.slice(0, 3),
    maxCount: known.reduce((m, c) => Math.max(m, c.count), 0),
  };
}

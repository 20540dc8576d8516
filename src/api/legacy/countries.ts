/** Countries as the legacy location endpoint named them (django-countries 7.5.1, English, common names on). */
import isoCountries from 'i18n-iso-countries';
import { formatLegacyDate, formatLegacyDateTime, toDate } from './dates.js';

export interface LegacyCountry {
  alpha2: string | null;
  alpha3: string | null;
  name: string;
}

export const UNKNOWN_COUNTRY: LegacyCountry = Object.freeze({ alpha2: null, alpha3: null, name: 'UNKNOWN' });

/** Where django-countries' English name differs from i18n-iso-countries'. */
const DJANGO_COUNTRIES_NAMES: Readonly<Record<string, string>> = {
  BN: 'Brunei',
  CD: 'Congo (the Democratic Republic of the)',
  CG: 'Congo',
  CI: "Côte d'Ivoire",
  CN: 'China',
  CV: 'Cabo Verde',
  CZ: 'Czechia',
  FM: 'Micronesia (Federated States of)',
  GM: 'Gambia',
  IR: 'Iran',
  LA: 'Laos',
  MD: 'Moldova',
  MK: 'North Macedonia',
  PS: 'Palestine, State of',
  RE: 'Réunion',
  RU: 'Russia',
  SH: 'Saint Helena, Ascension and Tristan da Cunha',
  SY: 'Syria',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  VA: 'Holy See',
  VG: 'Virgin Islands (British)',
  VI: 'Virgin Islands (U.S.)',
};

/** Codes i18n-iso-countries knows but django-countries does not. */
const NOT_IN_DJANGO_COUNTRIES = new Set(['XK']);

/**
 * The country for a stored `country_code`. Like django-countries, the code may be alpha-2, alpha-3 or numeric, in
 * any case; anything else ('', null, A1, A2, AP, EU, O1, UNKNOWN, …) is the UNKNOWN country.
 */
export function countryOf(code: string | null): LegacyCountry {
  const alpha2 = normalizedAlpha2(code ?? '');
  if (alpha2 === null) return UNKNOWN_COUNTRY;
  const name = DJANGO_COUNTRIES_NAMES[alpha2] ?? isoCountries.getName(alpha2, 'en');
  const alpha3 = isoCountries.alpha2ToAlpha3(alpha2);
  return name && alpha3 ? { alpha2, alpha3, name } : UNKNOWN_COUNTRY;
}

function normalizedAlpha2(code: string): string | null {
  const upper = code.toUpperCase();
  let alpha2: string | undefined;
  if (/^\d+$/.test(upper)) alpha2 = isoCountries.numericToAlpha2(String(Number(upper)).padStart(3, '0'));
  else if (upper.length === 3) alpha2 = isoCountries.alpha3ToAlpha2(upper);
  else if (/^[A-Z]{2}$/.test(upper) && isoCountries.alpha2ToAlpha3(upper)) alpha2 = upper;
  return alpha2 && !NOT_IN_DJANGO_COUNTRIES.has(alpha2) ? alpha2 : null;
}

export interface LocationRow {
  date: Date | string;
  course_id: string;
  country_code: string | null;
  count: number | null;
  created: Date | string;
}

export interface LocationItem {
  date: string;
  course_id: string;
  country: LegacyCountry;
  count: number;
  created: string;
}

/**
 * enrollment/location items: rows summed per (date, resolved country, course), so that every unresolvable code
 * lands in one UNKNOWN row; `created` is the latest. Ordered as the legacy view left them: by alpha-2 (UNKNOWN, with
 * no code, first), then date, then course.
 */
export function aggregateLocations(rows: readonly LocationRow[]): LocationItem[] {
  const groups = new Map<string, { date: string; course_id: string; country: LegacyCountry; count: number; created: Date }>();
  for (const row of rows) {
    const country = countryOf(row.country_code);
    const date = formatLegacyDate(row.date);
    const created = toDate(row.created);
    const key = JSON.stringify([country.alpha2, date, row.course_id]);
    const group = groups.get(key);
    if (!group) groups.set(key, { date, course_id: row.course_id, country, count: row.count ?? 0, created });
    else {
      group.count += row.count ?? 0;
      if (created > group.created) group.created = created;
    }
  }
  return [...groups.values()]
    .sort((a, b) => compare(a.country.alpha2 ?? '', b.country.alpha2 ?? '') || compare(a.date, b.date) || compare(a.course_id, b.course_id))
    .map((group) => ({ ...group, country: { ...group.country }, created: formatLegacyDateTime(group.created) }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { createRequire } from 'node:module';
import maxmind, { type Reader, type Response } from 'maxmind';

/** The CC0 country database shipped with Lantern (it maps the legacy conformance addresses as upstream did). */
export function defaultCountryDatabase(): string {
  return createRequire(import.meta.url).resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb');
}

export interface CountryLookup {
  readonly database: string;
  /** The ISO country code of an address, or null when it is private, malformed or unknown to the database. */
  countryOf(ip: string): string | null;
}

/**
 * Opens a country-level MMDB file: the default ip-location-db one (`country_code`) or any MaxMind GeoIP2/GeoLite2
 * country or city database (`country.iso_code`).
 */
export async function openCountryLookup(database = defaultCountryDatabase()): Promise<CountryLookup> {
  let reader: Reader<Response>;
  try {
    reader = await maxmind.open<Response>(database);
  } catch (error) {
    throw new Error(`cannot open the GeoIP database ${database}: ${(error as Error).message}`, { cause: error });
  }
  return {
    database,
    countryOf(ip) {
      if (!maxmind.validate(ip)) return null;
      const record = reader.get(ip) as { country_code?: string; country?: { iso_code?: string } } | null;
      return record?.country_code ?? record?.country?.iso_code ?? null;
    },
  };
}

import { isIP } from 'node:net';
import { z } from 'zod';
import { DatabaseUrlError, maskUrl, parseDatabaseUrl } from './database-url.js';

/**
 * Schemas for setting values. Every raw value is text (a config file, a variable, a flag); each schema checks it and
 * turns it into the typed value. Messages are predicates: the loader prefixes where the value came from and the value.
 */

/** `parse` returns the value or throws an Error whose message says what is wrong. */
function parsedText<T>(parse: (raw: string) => T): z.ZodType<T, string> {
  return z.string().transform((raw, context) => {
    try {
      return parse(raw.trim());
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}

export const text = z.string().trim().min(1, 'is empty');

export const positiveInteger = z
  .string()
  .trim()
  .regex(/^[1-9]\d*$/, 'is not a positive whole number')
  .transform(Number);

/** A size DuckDB understands: `512MB`, `2GB`, `1.5GiB`. */
export const memorySize = z
  .string()
  .trim()
  .regex(/^\d+(?:\.\d+)?\s*(?:B|[KMGT]i?B)$/i, 'is not a memory size such as 512MB or 2GB');

export const httpUrl = parsedText((raw) => {
  if (!/^https?:\/\/[^/\s]+/i.test(raw)) throw new Error('is not an http(s):// URL');
  return raw;
});

export const databaseUrl = parsedText((raw) => {
  try {
    return parseDatabaseUrl(raw).url;
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    // parseDatabaseUrl's messages start with the quoted URL, which the loader prints already.
    const quoted = [`"${maskUrl(raw)}" `, `"${raw}" `].find((prefix) => error.message.startsWith(prefix));
    throw new Error(quoted ? error.message.slice(quoted.length) : error.message, { cause: error });
  }
});

/** A MaxMind database file; the legacy pipeline's GeoIP Legacy `.dat` files are a format Lantern does not read. */
export const geoipDatabaseFile = parsedText((raw) => {
  if (/\.dat(?:\.gz)?$/i.test(raw)) throw new Error('is a GeoIP Legacy .dat file: give a MaxMind .mmdb file (GeoIP2 or GeoLite2 Country)');
  if (raw === '') throw new Error('is empty');
  return raw;
});

/** Whole days: `2`, `2 days`, `1 week 2 d` or ISO 8601 `P2D` (the legacy `expand_interval` was `2 days`). */
export const days = parsedText((raw) => {
  const value = raw.toLowerCase();
  if (/^\d+$/.test(value)) return Number(value);
  const iso = /^p(?:(\d+)w)?(?:(\d+)d)?$/.exec(value);
  if (iso && (iso[1] || iso[2])) return 7 * Number(iso[1] ?? 0) + Number(iso[2] ?? 0);
  const part = /(\d+)\s*(weeks?|w|days?|d)\b/g;
  if (part.test(value) && value.replace(part, '').replace(/[\s,]/g, '') === '') {
    return [...value.matchAll(part)].reduce((sum, [, n, unit]) => sum + Number(n) * (unit!.startsWith('w') ? 7 : 1), 0);
  }
  throw new Error('is not a whole number of days (2, "2 days", "1 week" or P2D)');
});

/** Tracking-log location: a local path or s3://bucket/prefix; a legacy JSON list of one is accepted. */
export const sourceLocation = parsedText((raw) => {
  const location = oneFromLegacyList(raw, 'sources', 'Lantern reads one source; merge them under one prefix');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) && !location.startsWith('s3://')) {
    throw new Error('is not a source Lantern reads: use a local path or s3://bucket/prefix');
  }
  return location;
});

/**
 * A file-name regex; Python-style `(?P<date>…)` groups and a legacy JSON list of one are accepted. Only compiled
 * here: the events module gives it meaning.
 */
export const filePatternSource = parsedText((raw) => {
  const pattern = oneFromLegacyList(raw, 'patterns', 'give one regex (use | inside it)');
  try {
    new RegExp(pattern.replaceAll('(?P<', '(?<'));
  } catch (error) {
    throw new Error(`is not a valid regex: ${(error as Error).message}`, { cause: error });
  }
  return pattern;
});

// The legacy `[event-logs]` values were JSON lists (`["s3://bucket/logs/"]`); a plain value is taken as it is.
function oneFromLegacyList(raw: string, plural: string, advice: string): string {
  let parsed: unknown;
  if (/^[["]/.test(raw)) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (typeof parsed === 'string') return parsed;
  if (!Array.isArray(parsed)) return raw;
  if (parsed.length !== 1 || typeof parsed[0] !== 'string') {
    throw new Error(`lists ${parsed.length} ${plural}: ${advice}`);
  }
  return parsed[0];
}

export const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d+$/, 'is not a whole number')
  .transform(Number);

/** A TCP port, 0 for any free one. */
export const port = z
  .string()
  .trim()
  .regex(/^\d+$/, 'is not a port number')
  .transform(Number)
  .refine((value) => value <= 65535, 'is not a port number (0-65535)');

export interface RequestRate {
  readonly max: number;
  readonly timeWindowMs: number;
}

const RATE_PERIODS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Requests per period as Django REST framework wrote rates (`60/minute`, `5/hour`, `10/s`), or `off`. */
export const requestRate = parsedText((raw): RequestRate | false => {
  if (raw.toLowerCase() === 'off') return false;
  const match = /^(\d+)\s*\/\s*([a-z]+)$/i.exec(raw);
  const period = match && Object.keys(RATE_PERIODS).find((name) => name.startsWith(match[2]!.toLowerCase()));
  if (!match || !period || Number(match[1]) === 0) throw new Error('is not a rate such as 60/minute, 5/hour or off');
  return { max: Number(match[1]), timeWindowMs: RATE_PERIODS[period]! };
});

export function formatRate(rate: RequestRate | false): string {
  if (rate === false) return 'off';
  const period = Object.entries(RATE_PERIODS).find(([, ms]) => ms === rate.timeWindowMs)?.[0];
  return period ? `${rate.max}/${period}` : `${rate.max}/${rate.timeWindowMs} ms`;
}

/** The address ranges Fastify (proxy-addr) knows by name. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** Addresses, ranges (`10.0.0.0/8`) and named ranges (loopback, uniquelocal) separated by commas, or off (none). */
export const proxyAddresses = parsedText((raw): string[] | false => {
  if (raw.toLowerCase() === 'off') return false;
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (NAMED_RANGES.includes(entry)) continue;
    const [address = '', bits, extra] = entry.split('/');
    const maxBits = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (maxBits === 0 || !validBits || extra !== undefined) throw new Error(`has "${entry}", which is not an address, a range such as 10.0.0.0/8, loopback, linklocal or uniquelocal (or give off)`);
  }
  return entries;
});

export function formatProxyAddresses(addresses: readonly string[] | false): string {
  return addresses === false ? 'off' : addresses.join(',');
}

/** yes/no, true/false, on/off, 1/0 (ConfigParser's booleans). */
export const yesNo = parsedText((raw) => {
  const value = raw.toLowerCase();
  if (['yes', 'true', 'on', '1'].includes(value)) return true;
  if (['no', 'false', 'off', '0'].includes(value)) return false;
  throw new Error('is not yes or no');
});

import type { Random } from './random.js';

/**
 * Countries learners come from, with their share and public address blocks registered there (so that a GeoIP
 * country database maps them back to the country).
 */
export const COUNTRIES: readonly { code: string; share: number; prefixes: readonly string[] }[] = [
  { code: 'US', share: 24, prefixes: ['8.8.4', '104.28.12', '64.233.160', '172.217.6'] },
  { code: 'IN', share: 16, prefixes: ['49.36.20', '117.200.48', '106.51.12'] },
  { code: 'CN', share: 6, prefixes: ['114.114.114', '220.181.38', '123.125.71'] },
  { code: 'BR', share: 6, prefixes: ['177.32.14', '189.6.2', '200.147.67'] },
  { code: 'GB', share: 5, prefixes: ['81.2.69', '86.128.14', '212.58.244'] },
  { code: 'MX', share: 4, prefixes: ['187.188.10', '201.141.2'] },
  { code: 'NG', share: 4, prefixes: ['105.112.96', '197.210.54'] },
  { code: 'DE', share: 4, prefixes: ['79.192.10', '217.0.34'] },
  { code: 'FR', share: 3, prefixes: ['90.12.45', '81.250.128'] },
  { code: 'EG', share: 3, prefixes: ['41.33.20', '156.197.40'] },
  { code: 'ES', share: 3, prefixes: ['83.44.10', '88.26.200'] },
  { code: 'ID', share: 3, prefixes: ['36.72.10', '114.124.160'] },
  { code: 'CA', share: 3, prefixes: ['24.114.40', '99.230.10'] },
  { code: 'JP', share: 2, prefixes: ['126.10.20', '133.242.10'] },
  { code: 'IE', share: 2, prefixes: ['31.13.64'] },
  { code: 'TH', share: 2, prefixes: ['49.231.128'] },
  { code: 'PK', share: 2, prefixes: ['39.32.10', '111.68.100'] },
  { code: 'KE', share: 2, prefixes: ['41.90.64', '105.160.20'] },
  { code: 'AU', share: 2, prefixes: ['1.120.10', '203.2.218'] },
  { code: 'CO', share: 2, prefixes: ['181.49.20', '190.25.30'] },
];

export function pickCountry(random: Random): string {
  return random.weighted(COUNTRIES.map((country) => [country.code, country.share] as const));
}

export function addressIn(random: Random, countryCode: string): string {
  const country = COUNTRIES.find((entry) => entry.code === countryCode)!;
  return `${random.pick(country.prefixes)}.${random.int(1, 254)}`;
}

export const DESKTOP_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
];

export const MOBILE_APP_AGENTS = [
  'edX/org.edx.mobile (4.4.1; OS Version 17.6 (Build 21G80))',
  'Dalvik/2.1.0 (Linux; U; Android 14; SM-S911B Build/UP1A.231005.007) edX/org.edx.mobile/4.2.0',
];

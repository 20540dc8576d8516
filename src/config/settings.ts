import { z } from 'zod';
import { maskUrl } from './database-url.js';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_ENGINE,
  DEFAULT_ENGINE_MEMORY_LIMIT,
  DEFAULT_EXPAND_INTERVAL_DAYS,
  DEFAULT_LMS_DATABASE_NAME,
  DEFAULT_STORE_DATABASE_NAME,
  defaultStoreUrl,
} from './defaults.js';
import {
  databaseUrl,
  days,
  filePatternSource,
  geoipDatabaseFile,
  httpUrl,
  memorySize,
  port,
  positiveInteger,
  wholeNumber,
  formatProxyAddresses,
  formatRate,
  yesNo,
  proxyAddresses,
  requestRate,
  sourceLocation,
  text,
} from './setting-values.js';

/** Where a setting is written in a config file: `[section] key`. */
export interface IniName {
  readonly section: string;
  readonly key: string;
}

/** The values other defaults may depend on. */
export interface DefaultContext {
  readonly dataDir: string;
}

/** The engines Lantern can run on (ClickHouse is still to come). */
export const ENGINE_NAMES = ['duckdb'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

type Default<T> = T | ((context: DefaultContext) => T);

/** One setting, as data: every way to set it, how to check it, and how to show it. */
export interface SettingDefinition<T> {
  readonly ini: IniName;
  /** Other names accepted in config files (legacy spellings); the main name wins when a file has both. */
  readonly iniAliases?: readonly IniName[];
  readonly env: string;
  /** The command-line option as commander takes it: `--threads <n>`. */
  readonly flag: string;
  /** Checks the raw text and gives the typed value. */
  readonly schema: z.ZodType<T, string>;
  readonly default?: Default<T>;
  /** How `--help` states a default computed from other settings. */
  readonly defaultText?: string;
  /** What leaving an optional setting unset means. */
  readonly whenUnset?: string;
  /** Shown masked: database URLs carry passwords. */
  readonly secret?: boolean;
  /** How `config show` writes a value that is not text. */
  readonly show?: (value: T) => string;
  readonly description: string;
}

type WithDefault<T> = SettingDefinition<T> & { readonly default: Default<T> };

function withDefault<T>(definition: WithDefault<T>): WithDefault<T> {
  return definition;
}

function optional<T>(definition: Omit<SettingDefinition<T>, 'default'>): SettingDefinition<T> {
  return definition;
}

/** Every Lantern setting. Parsing, variables, flags and `lantern config show` are all derived from this table. */
export const SETTINGS = {
  source: optional({
    ini: { section: 'event-logs', key: 'source' },
    env: 'LANTERN_SOURCE',
    flag: '--source <location>',
    schema: sourceLocation,
    whenUnset: 'lantern run has no logs to read; logs audit and events load need it as their argument',
    description: 'where the tracking logs are: a folder, a file or s3://bucket/prefix',
  }),
  pattern: optional({
    ini: { section: 'event-logs', key: 'pattern' },
    env: 'LANTERN_PATTERN',
    flag: '--pattern <regex>',
    schema: filePatternSource,
    whenUnset: 'the built-in tracking.log-YYYYMMDD[-epoch][.gz] pattern',
    description: 'which files are tracking logs: a regex with a named group "date" (YYYYMMDD) or "timestamp"',
  }),
  expandInterval: withDefault({
    ini: { section: 'event-logs', key: 'expand_interval' },
    env: 'LANTERN_EXPAND_INTERVAL',
    flag: '--expand-interval <days>',
    schema: days,
    default: DEFAULT_EXPAND_INTERVAL_DAYS,
    description: 'also read log files named up to this many days outside the interval (2, "2 days")',
  }),
  storeUrl: withDefault({
    ini: { section: 'database-export', key: 'url' },
    env: 'LANTERN_STORE',
    flag: '--store <url>',
    schema: databaseUrl,
    default: ({ dataDir }) => defaultStoreUrl(dataDir),
    defaultText: defaultStoreUrl('<data dir>'),
    secret: true,
    description: 'the reports store: sqlite:PATH, mysql://user:password@host:port/db or postgres://user:password@host:port/db',
  }),
  storeCredentials: optional({
    ini: { section: 'database-export', key: 'credentials' },
    env: 'LANTERN_STORE_CREDENTIALS',
    flag: '--store-credentials <file>',
    schema: text,
    whenUnset: 'the store URL is used',
    description: 'the store as a MySQL credentials JSON file {host, port, username, password}, or an s3:// URL of one',
  }),
  storeDatabaseName: withDefault({
    ini: { section: 'database-export', key: 'database' },
    env: 'LANTERN_STORE_DB_NAME',
    flag: '--store-db-name <name>',
    schema: text,
    default: DEFAULT_STORE_DATABASE_NAME,
    description: 'the store database name, when the store is given as credentials',
  }),
  lmsUrl: optional({
    ini: { section: 'lms-database', key: 'url' },
    env: 'LANTERN_LMS_DB',
    flag: '--lms-db <url>',
    schema: databaseUrl,
    secret: true,
    whenUnset: 'no LMS: enrollment computes what needs only events; location cannot run',
    description: 'the LMS read replica: mysql://user:password@host:port/edxapp (sqlite:PATH for the demo LMS)',
  }),
  lmsCredentials: optional({
    ini: { section: 'lms-database', key: 'credentials' },
    iniAliases: [{ section: 'database-import', key: 'credentials' }],
    env: 'LANTERN_LMS_CREDENTIALS',
    flag: '--lms-credentials <file>',
    schema: text,
    whenUnset: 'the LMS URL is used',
    description: 'the LMS read replica as a MySQL credentials JSON file {host, port, username, password}, or an s3:// URL of one',
  }),
  lmsDatabaseName: withDefault({
    ini: { section: 'lms-database', key: 'database' },
    iniAliases: [{ section: 'database-import', key: 'database' }],
    env: 'LANTERN_LMS_DB_NAME',
    flag: '--lms-db-name <name>',
    schema: text,
    default: DEFAULT_LMS_DATABASE_NAME,
    description: 'the LMS database name, when the LMS is given as credentials',
  }),
  geoipDatabase: optional({
    ini: { section: 'geolocation', key: 'geolocation_data' },
    iniAliases: [{ section: 'geolocation', key: 'database' }],
    env: 'LANTERN_GEOIP_DATABASE',
    flag: '--geoip-db <file>',
    schema: geoipDatabaseFile,
    whenUnset: 'the bundled CC0 country database (@ip-location-db/geo-whois-asn-country-mmdb)',
    description: 'a MaxMind country database (.mmdb: GeoIP2 or GeoLite2 Country) for the location reports',
  }),
  engine: withDefault<EngineName>({
    ini: { section: 'engine', key: 'name' },
    env: 'LANTERN_ENGINE',
    flag: '--engine <name>',
    schema: z.enum(ENGINE_NAMES, { error: `is not an engine Lantern has: ${ENGINE_NAMES.join(', ')}` }),
    default: DEFAULT_ENGINE,
    description: 'the compute engine: duckdb (embedded)',
  }),
  engineMemoryLimit: withDefault({
    ini: { section: 'engine', key: 'memory_limit' },
    env: 'LANTERN_ENGINE_MEMORY_LIMIT',
    flag: '--engine-memory-limit <size>',
    schema: memorySize,
    default: DEFAULT_ENGINE_MEMORY_LIMIT,
    description: "the engine's memory limit (512MB, 4GB); above it the engine spills to the data directory",
  }),
  dataDir: withDefault({
    ini: { section: 'engine', key: 'data_dir' },
    env: 'LANTERN_DATA_DIR',
    flag: '--data-dir <dir>',
    schema: text,
    default: DEFAULT_DATA_DIR,
    description: 'where Lantern keeps its engine database and scratch files',
  }),
  engineThreads: optional({
    ini: { section: 'engine', key: 'threads' },
    env: 'LANTERN_ENGINE_THREADS',
    flag: '--threads <n>',
    schema: positiveInteger,
    whenUnset: 'one per core',
    description: 'how many threads the engine uses (fewer while report tasks compute side by side)',
  }),
  reportsDir: withDefault({
    ini: { section: 'problem-response', key: 'report_output_root' },
    env: 'LANTERN_REPORTS_DIR',
    flag: '--reports-dir <dir>',
    schema: text,
    default: ({ dataDir }) => `${dataDir.replace(/\/+$/, '')}/reports`,
    defaultText: '<data_dir>/reports',
    description: 'where report files (the problem response CSVs) are written: a folder or s3://bucket/prefix',
  }),
  courseStructure: optional({
    ini: { section: 'course-structure', key: 'files' },
    env: 'LANTERN_COURSE_STRUCTURE',
    flag: '--course-structure <dir>',
    schema: text,
    whenUnset: 'read from the LMS API when [edx-rest-api] is set; else problems are placed as deleted blocks',
    description: 'a folder with course_list.json and course_blocks.json (the LMS API answers, one JSON document a line)',
  }),
  lmsApiUrl: optional({
    ini: { section: 'edx-rest-api', key: 'url' },
    env: 'LANTERN_LMS_API_URL',
    flag: '--lms-api-url <url>',
    schema: httpUrl,
    whenUnset: 'no LMS API: the course structure comes from files, if any',
    description: 'the LMS root for its REST APIs (course list, course blocks), e.g. https://lms.example.com',
  }),
  lmsApiClientId: optional({
    ini: { section: 'edx-rest-api', key: 'client_id' },
    env: 'LANTERN_LMS_API_CLIENT_ID',
    flag: '--lms-api-client-id <id>',
    schema: text,
    whenUnset: 'none',
    description: "the OAuth2 client (client-credentials grant) Lantern signs in to the LMS API with",
  }),
  lmsApiClientSecret: optional({
    ini: { section: 'edx-rest-api', key: 'client_secret' },
    env: 'LANTERN_LMS_API_CLIENT_SECRET',
    flag: '--lms-api-client-secret <secret>',
    schema: text,
    secret: true,
    whenUnset: 'none',
    description: 'the secret of that OAuth2 client',
  }),
  s3Endpoint: optional({
    ini: { section: 's3', key: 'endpoint' },
    env: 'LANTERN_S3_ENDPOINT',
    flag: '--s3-endpoint <url>',
    schema: httpUrl,
    whenUnset: 'AWS S3 (region from AWS_REGION)',
    description: 'an S3-compatible endpoint for s3:// sources, report folders and credentials (MinIO, Ceph, s3rver)',
  }),
  apiHost: withDefault({
    ini: { section: 'api', key: 'host' },
    env: 'LANTERN_API_HOST',
    flag: '--host <address>',
    schema: text,
    default: '127.0.0.1',
    description: 'the address the data API listens on (0.0.0.0: every interface)',
  }),
  apiPort: withDefault({
    ini: { section: 'api', key: 'port' },
    env: 'LANTERN_API_PORT',
    flag: '--port <n>',
    schema: port,
    default: 8100,
    description: 'the port the data API listens on (0: any free port)',
  }),
  apiRateLimit: withDefault({
    ini: { section: 'api', key: 'rate_limit' },
    env: 'LANTERN_API_RATE_LIMIT',
    flag: '--rate-limit <rate>',
    schema: requestRate,
    default: { max: 1200, timeWindowMs: 60_000 },
    show: formatRate,
    description: 'requests per key (or per address before sign-in) as 60/minute, 5/hour, or off; over it the API answers 429',
  }),
  apiTrustProxy: withDefault({
    ini: { section: 'api', key: 'trust_proxy' },
    env: 'LANTERN_API_TRUST_PROXY',
    flag: '--trust-proxy <addresses>',
    schema: proxyAddresses,
    default: false,
    show: formatProxyAddresses,
    description: "the reverse proxies (addresses or ranges, comma-separated) whose X-Forwarded-For and X-Forwarded-Proto are believed; off: none, the connection's address is the client's (the address limits failed sign-ins and anonymous requests)",
  }),
  apiCacheSeconds: withDefault({
    ini: { section: 'api', key: 'cache_seconds' },
    env: 'LANTERN_API_CACHE_SECONDS',
    flag: '--cache-seconds <n>',
    schema: wholeNumber,
    default: 60,
    description: 'answers are kept until a report is published, at most this long (for stores other tools write); 0: none kept',
  }),
  apiPublicUrl: optional({
    ini: { section: 'api', key: 'public_url' },
    env: 'LANTERN_API_PUBLIC_URL',
    flag: '--public-url <url>',
    schema: httpUrl,
    whenUnset: "taken from each request's Host header",
    description: 'the address clients reach the data API at, for the download links it makes',
  }),
  apiDownloadSigningKey: optional({
    ini: { section: 'api', key: 'download_signing_key' },
    env: 'LANTERN_API_DOWNLOAD_SIGNING_KEY',
    flag: '--download-signing-key <secret>',
    schema: text,
    secret: true,
    whenUnset: 'a random key per server (set one when several servers share an address)',
    description: 'signs the download links of report files kept in a local folder',
  }),
  webHost: withDefault({
    ini: { section: 'web', key: 'host' },
    env: 'LANTERN_WEB_HOST',
    flag: '--web-host <address>',
    schema: text,
    default: '127.0.0.1',
    description: 'the address the dashboard listens on',
  }),
  webPort: withDefault({
    ini: { section: 'web', key: 'port' },
    env: 'LANTERN_WEB_PORT',
    flag: '--web-port <n>',
    schema: port,
    default: 8110,
    description: 'the port the dashboard listens on',
  }),
  webPublicUrl: optional({
    ini: { section: 'web', key: 'public_url' },
    env: 'LANTERN_WEB_PUBLIC_URL',
    flag: '--web-public-url <url>',
    schema: httpUrl,
    whenUnset: 'http://<web host>:<web port>',
    description: "the dashboard's address as browsers reach it; the LMS redirects to <it>/complete/edx-oauth2/ (the legacy ANALYTICS_DASHBOARD_URL)",
  }),
  webSignIn: withDefault<'edx' | 'oidc'>({
    ini: { section: 'web', key: 'sign_in' },
    env: 'LANTERN_WEB_SIGN_IN',
    flag: '--sign-in <flavour>',
    schema: z.enum(['edx', 'oidc'], { error: 'is not a sign-in Lantern has: edx, oidc' }),
    default: 'edx',
    description: 'edx: edx-platform OAuth2 at the LMS ([edx-rest-api] url); oidc: any OpenID Connect provider ([web] oidc_issuer)',
  }),
  webOidcIssuer: optional({
    ini: { section: 'web', key: 'oidc_issuer' },
    env: 'LANTERN_WEB_OIDC_ISSUER',
    flag: '--oidc-issuer <url>',
    schema: httpUrl,
    whenUnset: 'needed only with sign_in = oidc',
    description: 'the OpenID Connect issuer (discovery at <issuer>/.well-known/openid-configuration)',
  }),
  webClientId: optional({
    ini: { section: 'web', key: 'client_id' },
    env: 'LANTERN_WEB_CLIENT_ID',
    flag: '--web-client-id <id>',
    schema: text,
    whenUnset: 'the dashboard cannot sign users in',
    description: "the dashboard's sign-in client at the LMS (authorization code, the legacy SOCIAL_AUTH_EDX_OAUTH2_KEY)",
  }),
  webClientSecret: optional({
    ini: { section: 'web', key: 'client_secret' },
    env: 'LANTERN_WEB_CLIENT_SECRET',
    flag: '--web-client-secret <secret>',
    schema: text,
    secret: true,
    whenUnset: 'none',
    description: 'the secret of that client',
  }),
  webDataApiUrl: withDefault({
    ini: { section: 'web', key: 'data_api_url' },
    env: 'LANTERN_WEB_DATA_API_URL',
    flag: '--data-api-url <url>',
    schema: httpUrl,
    default: 'http://127.0.0.1:8100',
    description: "the data API the dashboard reads (the legacy DATA_API_URL, without /api/v0)",
  }),
  webDataApiKey: optional({
    ini: { section: 'web', key: 'data_api_key' },
    env: 'LANTERN_WEB_DATA_API_KEY',
    flag: '--data-api-key <key>',
    schema: text,
    secret: true,
    whenUnset: 'the dashboard cannot read data',
    description: "the dashboard's key for the data API (lantern api-key set; the legacy DATA_API_AUTH_TOKEN)",
  }),
  webPermissionsSeconds: withDefault({
    ini: { section: 'web', key: 'permissions_cache_seconds' },
    env: 'LANTERN_WEB_PERMISSIONS_CACHE_SECONDS',
    flag: '--permissions-cache-seconds <n>',
    schema: wholeNumber,
    default: 900,
    description: "how long a user's course list is kept before the LMS is asked again (legacy COURSE_PERMISSIONS_TIMEOUT)",
  }),
  webTrustProxy: withDefault({
    ini: { section: 'web', key: 'trust_proxy' },
    env: 'LANTERN_WEB_TRUST_PROXY',
    flag: '--web-trust-proxy <addresses>',
    schema: proxyAddresses,
    default: ['loopback', 'uniquelocal'],
    show: formatProxyAddresses,
    description:
      "the reverse proxies (addresses, ranges, loopback, uniquelocal; comma-separated) whose X-Forwarded-Proto and -For are believed: " +
      'behind an https public_url, the one in front must be among them, or the secure session cookie is never set; off: none',
  }),
  webSessionSecret: optional({
    ini: { section: 'web', key: 'session_secret' },
    env: 'LANTERN_WEB_SESSION_SECRET',
    flag: '--session-secret <secret>',
    schema: text,
    secret: true,
    whenUnset: 'a random one per server: sessions end when it restarts',
    description: 'signs the session cookie (32+ characters)',
  }),
  webLogoutOfLms: withDefault({
    ini: { section: 'web', key: 'logout_of_lms' },
    env: 'LANTERN_WEB_LOGOUT_OF_LMS',
    flag: '--logout-of-lms <yes|no>',
    schema: yesNo,
    default: true,
    description: 'whether logging out of the dashboard also ends the LMS session',
  }),
  jwtJwksUrl: optional({
    ini: { section: 'api', key: 'jwt_jwks_url' },
    env: 'LANTERN_JWT_JWKS_URL',
    flag: '--jwt-jwks-url <url>',
    schema: httpUrl,
    whenUnset: 'only API keys are accepted',
    description: "the LMS's JSON Web Key Set: JWTs it signed are accepted, with the user's course team rights from the LMS course_ids API",
  }),
  jwtIssuer: optional({
    ini: { section: 'api', key: 'jwt_issuer' },
    env: 'LANTERN_JWT_ISSUER',
    flag: '--jwt-issuer <iss>',
    schema: text,
    whenUnset: '<[edx-rest-api] url>/oauth2, as edx-platform names itself',
    description: 'the issuer JWTs must name (the LMS: https://lms.example.com/oauth2)',
  }),
  jwtAudience: optional({
    ini: { section: 'api', key: 'jwt_audience' },
    env: 'LANTERN_JWT_AUDIENCE',
    flag: '--jwt-audience <aud>',
    schema: text,
    whenUnset: 'any audience',
    description: 'the audience JWTs must name',
  }),
};

export type SettingKey = keyof typeof SETTINGS;

type ValueOf<D> = D extends WithDefault<infer T> ? T : D extends SettingDefinition<infer T> ? T | undefined : never;

/** The typed value of every setting; optional ones without a value are `undefined`. */
export type Settings = { readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> };

/** The keys in table order (the order `config show` prints them). */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** A setting's definition without its value type, for code that walks the whole table. */
export function settingDefinition(key: SettingKey): SettingDefinition<unknown> {
  return SETTINGS[key] as SettingDefinition<unknown>;
}

/** The flag's name alone: `--threads`. */
export function flagName(key: SettingKey): string {
  return settingDefinition(key).flag.split(' ')[0]!;
}

/** `[engine] threads`. */
export function iniName(name: IniName): string {
  return `[${name.section}] ${name.key}`;
}

/** A value as it may be printed: secrets masked. */
export function displayValue(key: SettingKey, value: unknown): string {
  const definition = settingDefinition(key);
  const shown = definition.show && typeof value !== 'string' ? definition.show(value) : String(value);
  if (!definition.secret) return shown;
  return /^[a-z][a-z0-9+.-]*:/i.test(shown) ? maskUrl(shown) : '***';
}

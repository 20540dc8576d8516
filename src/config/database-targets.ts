import { databaseUrlFromCredentials, readCredentials } from './credentials.js';
import type { EffectiveSettings } from './load-settings.js';
import { describeOrigin } from './setting-origin.js';
import type { SettingKey } from './settings.js';

/** A database as settings may give it: a URL, or a legacy credentials file plus a database name. */
export interface DatabaseTarget {
  readonly url?: string;
  /** A credentials JSON file path or `s3://` URL. */
  readonly credentials?: string;
  readonly databaseName: string;
  readonly s3Endpoint?: string;
}

/** The URL if one is given, else `mysql://…` built from the credentials, else undefined. */
export async function resolveDatabaseUrl(target: DatabaseTarget): Promise<string | undefined> {
  if (target.url !== undefined) return target.url;
  if (target.credentials === undefined) return undefined;
  const credentials = await readCredentials(target.credentials, { s3Endpoint: target.s3Endpoint });
  return databaseUrlFromCredentials(credentials, target.databaseName);
}

export interface EffectiveDatabase {
  readonly url: string;
  /** Where the URL came from: `flag --store`, or `credentials /etc/store.json (file /etc/lantern.cfg)`. */
  readonly origin: string;
}

export interface EffectiveDatabases {
  readonly store: EffectiveDatabase;
  readonly lms?: EffectiveDatabase;
}

export type DatabaseRole = 'store' | 'lms';

const ROLE_SETTINGS: Record<DatabaseRole, { url: SettingKey; credentials: SettingKey; databaseName: SettingKey }> = {
  store: { url: 'storeUrl', credentials: 'storeCredentials', databaseName: 'storeDatabaseName' },
  lms: { url: 'lmsUrl', credentials: 'lmsCredentials', databaseName: 'lmsDatabaseName' },
};

/**
 * The reports store's or the LMS's URL. When both a URL and credentials are set, the one set with higher precedence
 * wins (a `--store-credentials` flag beats a LANTERN_STORE variable); set in the same place, the URL wins.
 */
export async function effectiveDatabase(settings: EffectiveSettings, role: DatabaseRole): Promise<EffectiveDatabase | undefined> {
  const keys = ROLE_SETTINGS[role];
  const url = settings.values[keys.url] as string | undefined;
  const credentials = settings.values[keys.credentials] as string | undefined;
  const urlOrigin = settings.origins[keys.url];
  const credentialsOrigin = settings.origins[keys.credentials];
  const useCredentials = credentials !== undefined && (url === undefined || credentialsOrigin.rank > urlOrigin.rank);
  if (!useCredentials) return url === undefined ? undefined : { url, origin: describeOrigin(urlOrigin) };
  const built = await resolveDatabaseUrl({
    credentials,
    databaseName: settings.values[keys.databaseName] as string,
    s3Endpoint: settings.values.s3Endpoint,
  });
  return { url: built!, origin: `credentials ${credentials} (${describeOrigin(credentialsOrigin)})` };
}

/** The effective reports-store URL (always set: SQLite in the data directory by default) and LMS URL (if any). */
export async function effectiveDatabases(settings: EffectiveSettings): Promise<EffectiveDatabases> {
  const [store, lms] = await Promise.all([effectiveDatabase(settings, 'store'), effectiveDatabase(settings, 'lms')]);
  return { store: store!, ...(lms ? { lms } : {}) };
}

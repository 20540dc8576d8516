import { createHash } from 'node:crypto';
import type { ReportsStore } from './reports-store.js';
import { storeDateTime } from './store-values.js';

/** What a key may read: null lists are no limit; a key with both lists reads the courses of either. */
export interface KeyScope {
  readonly courses: readonly string[] | null;
  readonly orgs: readonly string[] | null;
}

export interface ApiKeyOwner extends KeyScope {
  readonly username: string;
}

export const UNLIMITED: KeyScope = { courses: null, orgs: null };

/** Keys are kept as SHA-256: whoever reads the store cannot use them. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Gives `username` the key (replacing the user's previous key), as the legacy `set_api_key`; returns 'in-use' and
 * changes nothing when another user holds the same key.
 */
export async function setApiKey(store: ReportsStore, username: string, key: string, scope: KeyScope = UNLIMITED): Promise<'set' | 'in-use'> {
  const keyHash = hashApiKey(key);
  return store.db.transaction().execute(async (db) => {
    const holder = await db.selectFrom('lantern_api_keys').select('username').where('key_hash', '=', keyHash).executeTakeFirst();
    if (holder && holder.username !== username) return 'in-use';
    await db.deleteFrom('lantern_api_keys').where('username', '=', username).execute();
    await db
      .insertInto('lantern_api_keys')
      .values({ username, key_hash: keyHash, courses: listText(scope.courses), orgs: listText(scope.orgs), created: storeDateTime(new Date()) })
      .execute();
    return 'set';
  });
}

/** Removes the user's key; false when the user had none. */
export async function deleteApiKey(store: ReportsStore, username: string): Promise<boolean> {
  const result = await store.db.deleteFrom('lantern_api_keys').where('username', '=', username).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The owner of a key, or undefined. */
export async function findApiKey(store: ReportsStore, key: string): Promise<ApiKeyOwner | undefined> {
  const row = await store.db.selectFrom('lantern_api_keys').selectAll().where('key_hash', '=', hashApiKey(key)).executeTakeFirst();
  return row && { username: row.username, courses: parseList(row.courses), orgs: parseList(row.orgs) };
}

export async function listApiKeys(store: ReportsStore): Promise<(ApiKeyOwner & { readonly created: string })[]> {
  const rows = await store.db.selectFrom('lantern_api_keys').selectAll().orderBy('username').execute();
  return rows.map((row) => ({ username: row.username, courses: parseList(row.courses), orgs: parseList(row.orgs), created: row.created }));
}

function listText(list: readonly string[] | null): string | null {
  return list === null ? null : JSON.stringify(list);
}

function parseList(text: string | null): string[] | null {
  return text === null ? null : (JSON.parse(text) as string[]);
}

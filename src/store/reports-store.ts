import type { Kysely } from 'kysely';
import type { StoreCapabilities, StoreDdl } from './dialects/store-dialect.js';
import type { ResultStore } from './schema.js';

/** An open reports store: the typed query layer plus what the store code needs to know about its database. */
export interface ReportsStore {
  readonly db: Kysely<ResultStore>;
  /** The store's URL with any password masked, for messages. */
  readonly url: string;
  readonly capabilities: StoreCapabilities;
  readonly ddl: StoreDdl;
  /** Closes every connection. */
  close(): Promise<void>;
}

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Insertable } from 'kysely';
import path from 'node:path';
import { buildApi, type ApiOptions } from '../../src/api/build-api.js';
import { setApiKey, type KeyScope } from '../../src/store/api-keys.js';
import { openStore } from '../../src/store/open-store.js';
import type { ReportsStore } from '../../src/store/reports-store.js';
import type { ResultStore } from '../../src/store/schema.js';
import { tempDir } from '../helpers/temp.js';

export const DEMO_COURSE = 'edX/DemoX/Demo_Course';
export const NEW_COURSE = 'course-v1:edX+DemoX+Demo_2014';
export const CCX_COURSE = 'ccx-v1:edx+1.005x-CCX+rerun+ccx@15';
/** The course ids of the legacy test suite (CourseSamples). */
export const SAMPLE_COURSES = [DEMO_COURSE, NEW_COURSE, CCX_COURSE];
export const KEY = 'test-key';
export const CREATED = '2014-12-10 19:31:46';

export interface ApiFixture {
  readonly app: FastifyInstance;
  readonly store: ReportsStore;
  readonly dir: string;
  /** GET with the test key (or the given Authorization header). */
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  insert<T extends keyof ResultStore>(table: T, rows: readonly Omit<Insertable<ResultStore[T]>, 'id'>[]): Promise<void>;
  close(): Promise<void>;
}

/** A migrated store (default: SQLite in a temp folder) with the key `test-key` for user `tester`, and the API over it. */
export async function apiFixture(options: Partial<ApiOptions> & { scope?: KeyScope; storeUrl?: string } = {}): Promise<ApiFixture> {
  const dir = await tempDir();
  const store = await openStore(options.storeUrl ?? `sqlite:${path.join(dir, 'reports.sqlite')}`, { migrate: true });
  await setApiKey(store, 'tester', KEY, options.scope);
  const app = await buildApi({ store, rateLimit: false, ...options });
  return {
    app,
    store,
    dir,
    get: (url, headers = { authorization: `Token ${KEY}` }) => app.inject({ method: 'GET', url, headers }),
    async insert(table, rows) {
      for (const row of rows) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, chosen by the test
        await store.db.insertInto(table as any).values({ created: CREATED, ...row } as any).execute();
      }
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

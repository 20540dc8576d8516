import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishTables } from '../../src/store/publish.js';
import { tempDir } from '../helpers/temp.js';
import { storeScenarios, withStore } from './store-scenarios.js';

let made = 0;

storeScenarios({
  name: 'SQLite',
  // A folder that does not exist yet: opening the store creates it.
  fresh: async () => `sqlite:${path.join(await tempDir(), 'reports', `store-${++made}.db`)}`,
});

describe('the reports store on SQLite, read inside one transaction', () => {
  it('keeps showing the old rows to a reader whose transaction began before the swap', async () => {
    const file = path.join(await tempDir(), 'reports.db');
    const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ course_id: `c${i}`, date: '2014-08-01', count, cumulative_count: count }));
    await withStore(`sqlite:${file}`, (store) => publishTables(store, [{ table: 'course_enrollment_daily', rows: rows(3) }]));
    const reader = new Database(file, { readonly: true });
    try {
      const total = () => (reader.prepare('select count(*) as n from course_enrollment_daily').get() as { n: number }).n;
      reader.exec('begin');
      expect(total()).toBe(3);
      await withStore(`sqlite:${file}`, (store) => publishTables(store, [{ table: 'course_enrollment_daily', rows: rows(5) }]));
      expect(total()).toBe(3);
      reader.exec('commit');
      expect(total()).toBe(5);
    } finally {
      reader.close();
    }
  });
});

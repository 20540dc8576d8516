import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config/database-url.js';
import { createResultTable } from '../../src/store/ddl.js';
import { clearMarker, readMarker } from '../../src/store/markers.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { finalNames, isLeftoverTableName, stagingNames } from '../../src/store/physical-names.js';
import { publishTables, type TableOutput } from '../../src/store/publish.js';
import type { ReportsStore } from '../../src/store/reports-store.js';
import type { NewRow } from '../../src/store/schema.js';
import { StoreError } from '../../src/store/store-error.js';
import { countTables } from '../../src/store/table-counts.js';
import { RESULT_TABLES, type ResultTableName } from '../../src/store/tables.js';

/** A database kind the store scenarios run against; `fresh()` gives the URL of a new, empty database. */
export interface StoreTarget {
  readonly name: string;
  fresh(): Promise<string>;
}

/** Opens a store on `url`, runs `work`, and closes it whatever happens. */
export async function withStore<T>(url: string, work: (store: ReportsStore) => Promise<T>, migrate = true): Promise<T> {
  const store = await openStore(url, { migrate });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The secondary indexes of a table, as `name(col,col)`, sorted; dialect catalogues differ, so tests ask each. */
export async function indexesOf(store: ReportsStore, url: string, table: string): Promise<string[]> {
  const kind = parseDatabaseUrl(url).kind;
  const query = {
    sqlite: sql<{ index_name: string; column_name: string }>`
      select list.name as index_name, info.name as column_name
      from pragma_index_list(${table}) as list, pragma_index_info(list.name) as info
      where list.origin = 'c' order by list.name, info.seqno`,
    mysql: sql<{ index_name: string; column_name: string }>`
      select index_name as index_name, column_name as column_name from information_schema.statistics
      where table_schema = database() and table_name = ${table} and index_name <> 'PRIMARY'
      order by index_name, seq_in_index`,
    postgres: sql<{ index_name: string; column_name: string }>`
      select index_class.relname as index_name, attribute.attname as column_name
      from pg_index as ix
      join pg_class as index_class on index_class.oid = ix.indexrelid
      join pg_class as table_class on table_class.oid = ix.indrelid
      join pg_attribute as attribute on attribute.attrelid = table_class.oid and attribute.attnum = any(ix.indkey)
      where table_class.relname = ${table} and not ix.indisprimary
      order by index_class.relname, array_position(ix.indkey::int2[], attribute.attnum)`,
  }[kind];
  const { rows } = await query.execute(store.db);
  const byIndex = new Map<string, string[]>();
  for (const row of rows) byIndex.set(row.index_name, [...(byIndex.get(row.index_name) ?? []), row.column_name]);
  return [...byIndex].map(([name, columns]) => `${name}(${columns.join(',')})`).sort();
}

function expectedIndexes(table: ResultTableName): string[] {
  const spec = RESULT_TABLES.find((candidate) => candidate.name === table)!;
  return finalNames(spec)
    .indexes.map((index) => `${index.name}(${index.columns.join(',')})`)
    .sort();
}

async function tableNames(store: ReportsStore): Promise<string[]> {
  return (await store.db.introspection.getTables()).map((table) => table.name);
}

const activityRow = (label: string, i: number): NewRow<'course_activity'> => ({
  course_id: `course-v1:edX+C${i % 7}+2014`,
  interval_start: '2014-07-28 00:00:00',
  interval_end: '2014-08-04 00:00:00',
  label,
  count: i,
});

const dailyRow = (count: number, i: number): NewRow<'course_enrollment_daily'> => ({
  course_id: `course-v1:edX+C${i}+2014`,
  date: `2014-08-${String((i % 28) + 1).padStart(2, '0')}`,
  count,
  cumulative_count: null,
});

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** A row source that gives `rows` and then fails, as an engine that goes away mid-publish. */
async function* failingAfter<R>(rows: R[]): AsyncGenerator<R[]> {
  yield rows;
  throw new Error('the engine went away');
}

async function labelCounts(store: ReportsStore): Promise<string> {
  const rows = await store.db
    .selectFrom('course_activity')
    .select(['label', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('label')
    .orderBy('label')
    .execute();
  return rows.map((row) => `${row.label}:${Number(row.n)}`).join(',');
}

async function dailyCounts(store: ReportsStore): Promise<string> {
  const rows = await store.db
    .selectFrom('course_enrollment_daily')
    .select(['count', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('count')
    .orderBy('count')
    .execute();
  return rows.map((row) => `${row.count}:${Number(row.n)}`).join(',');
}

const CHILD = path.join(import.meta.dirname, 'round-trip-child.ts');

/** Runs the round-trip child in another time zone and returns what it read back. */
async function roundTripIn(timeZone: string, url: string): Promise<{ offsetMinutes: number; rows: unknown[]; created: string[] }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, url], {
    env: { ...process.env, TZ: timeZone },
  });
  return JSON.parse(stdout) as { offsetMinutes: number; rows: unknown[]; created: string[] };
}

/** What the round-trip child publishes, as every dialect must give it back in every time zone. */
const EXPECTED_ROUND_TRIP = [
  {
    course_id: 'course-v1:edX+DemoX+Demo_2014',
    catalog_course_title: null,
    start_time: '2014-01-01 00:00:00',
    end_time: '2014-12-31 23:59:59',
    enrollment_mode: 'honor',
    count: 3,
    passing_users: null,
  },
  { date: '2014-08-01', course_id: 'course-v1:edX+DemoX+Demo_2014', count: 10 },
  { date: '2014-12-31', course_id: 'course-v1:edX+DemoX+Demo_2014', count: 11 },
];

/** Every store scenario, against one kind of database. */
export function storeScenarios(target: StoreTarget): void {
  describe(`the reports store on ${target.name}`, () => {
    it('migrates to every result table with the legacy columns in order, and their indexes', async () => {
      const url = await target.fresh();
      await withStore(
        url,
        async (store) => {
          const report = await migrateToLatest(store);
          expect(report.error).toBeUndefined();
          expect(report.migrations).toEqual(Object.keys(MIGRATIONS).map((name) => ({ name, status: 'Success' })));
          const tables = await store.db.introspection.getTables();
          for (const spec of RESULT_TABLES) {
            const table = tables.find((candidate) => candidate.name === spec.name);
            expect(table, spec.name).toBeDefined();
            expect(table!.columns.map((column) => column.name), spec.name).toEqual(['id', ...spec.columns.map((column) => column.name), 'created']);
            // (SQLite reports its rowid alias `id` as nullable, though it can never be NULL.)
            expect(table!.columns.slice(1).map((column) => column.isNullable), spec.name).toEqual([...spec.columns.map((column) => column.nullable), false]);
            expect(table!.columns[0]!.isAutoIncrementing || table!.columns[0]!.hasDefaultValue, spec.name).toBe(true);
            expect(await indexesOf(store, url, spec.name), spec.name).toEqual(expectedIndexes(spec.name));
          }
          const markers = tables.find((candidate) => candidate.name === 'lantern_task_markers');
          expect(markers?.columns.map((column) => column.name)).toEqual(['task_id', 'fingerprint', 'rows', 'updated', 'carried_days']);
          expect((await countTables(store)).filter((table) => table.rows !== 0)).toEqual([]);

          const again = await migrateToLatest(store);
          expect(again).toEqual({
            migrations: Object.keys(MIGRATIONS).map((name) => ({ name, status: 'AlreadyApplied' })),
          });
        },
        false,
      );
    });

    it('publishes rows, replaces them on the next publish, and writes the marker with them', async () => {
      const url = await target.fresh();
      await withStore(url, async (store) => {
        const first = await publishTables(
          store,
          [
            { table: 'course_enrollment_daily', rows: times(3, (i) => dailyRow(1, i)) },
            { table: 'course_activity', rows: times(5, (i) => activityRow('old', i)) },
          ],
          { taskId: 'EnrollmentTask(2014-08-01)', fingerprint: 'first' },
        );
        expect(first).toEqual({ tables: [{ table: 'course_enrollment_daily', rows: 3 }, { table: 'course_activity', rows: 5 }], rows: 8 });
        expect(await readMarker(store, 'EnrollmentTask(2014-08-01)')).toMatchObject({ fingerprint: 'first', rows: 8 });

        for (const round of [2, 3]) {
          await publishTables(
            store,
            [
              { table: 'course_enrollment_daily', rows: times(round, (i) => dailyRow(round, i)) },
              { table: 'course_activity', rows: [] },
            ],
            { taskId: 'EnrollmentTask(2014-08-01)', fingerprint: `round ${round}`, rows: 42 },
          );
          expect(await dailyCounts(store)).toBe(`${round}:${round}`);
          expect(await labelCounts(store)).toBe('');
          expect(await readMarker(store, 'EnrollmentTask(2014-08-01)')).toMatchObject({ fingerprint: `round ${round}`, rows: 42 });
        }
        // The published tables keep their final index names after every swap, so the next staging never clashes.
        expect(await indexesOf(store, url, 'course_enrollment_daily')).toEqual(expectedIndexes('course_enrollment_daily'));
        expect(await indexesOf(store, url, 'course_activity')).toEqual(expectedIndexes('course_activity'));
        expect((await tableNames(store)).filter(isLeftoverTableName)).toEqual([]);

        // Ids and creation times are filled by the store.
        const rows = await store.db.selectFrom('course_enrollment_daily').selectAll().orderBy('id').execute();
        expect(rows.map((row) => Number(row.id))).toEqual([1, 2, 3]);
        for (const row of rows) expect(row.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

        await clearMarker(store, 'EnrollmentTask(2014-08-01)');
        expect(await readMarker(store, 'EnrollmentTask(2014-08-01)')).toBeUndefined();
        await publishTables(store, [], { taskId: 'NothingToWrite', fingerprint: 'x' });
        expect(await readMarker(store, 'NothingToWrite')).toMatchObject({ fingerprint: 'x', rows: 0 });
      });
    });

    it('carries over the published rows of a range of days, with their creation times, and keeps the days in the marker', async () => {
      const url = await target.fresh();
      await withStore(url, async (store) => {
        const carriedDays = { shape: 's1', days: { '2014-08-01': 'a', '2014-08-02': 'b', '2014-08-03': 'c' } };
        // Latest day first: the kept rows are not the first ids a copy of them would get.
        await publishTables(store, [{ table: 'course_enrollment_daily', rows: times(5, (i) => dailyRow(1, 4 - i)) }], { taskId: 'Daily', fingerprint: 'f1', carriedDays });
        expect(await readMarker(store, 'Daily')).toMatchObject({ fingerprint: 'f1', rows: 5, carriedDays });
        // Where DDL is transactional the kept rows stay where they are, ids and all; MySQL copies them to its staging table.
        const createdOf = async () => (await store.db.selectFrom('course_enrollment_daily').select(['date', 'created', ...(store.capabilities.transactionalDdl ? (['id'] as const) : [])]).where('date', '<', '2014-08-03').orderBy('date').execute());
        const kept = await createdOf();

        const result = await publishTables(
          store,
          [{ table: 'course_enrollment_daily', rows: times(3, (i) => dailyRow(2, i + 2)), carry: { column: 'date', from: '2014-08-01', until: '2014-08-03' } }],
          { taskId: 'Daily', fingerprint: 'f2' },
        );
        expect(result).toEqual({ tables: [{ table: 'course_enrollment_daily', rows: 5 }], rows: 5 });
        expect(await dailyCounts(store)).toBe('1:2,2:3');
        expect(await createdOf()).toEqual(kept);
        expect((await readMarker(store, 'Daily'))?.carriedDays).toBeUndefined();

        await expect(
          publishTables(store, [{ table: 'course_activity', rows: [], carry: { column: 'date', from: '2014-08-01', until: '2014-08-03' } }], { taskId: 'Daily', fingerprint: 'f3' }),
        ).rejects.toThrow('course_activity has no column date to carry rows over by');
        expect(await dailyCounts(store)).toBe('1:2,2:3');

        // A carrying publish that fails on its way leaves the rows and the marker as they were.
        await expect(
          publishTables(
            store,
            [
              { table: 'course_enrollment_daily', rows: failingAfter(times(3, (i) => dailyRow(3, i + 2))), carry: { column: 'date', from: '2014-08-01', until: '2014-08-03' } },
              { table: 'course_activity', rows: times(2, (i) => activityRow('new', i)) },
            ],
            { taskId: 'Daily', fingerprint: 'f4' },
          ),
        ).rejects.toThrow('the engine went away');
        expect(await dailyCounts(store)).toBe('1:2,2:3');
        expect(await labelCounts(store)).toBe('');
        expect(await readMarker(store, 'Daily')).toMatchObject({ fingerprint: 'f2', rows: 5 });
        expect((await tableNames(store)).filter(isLeftoverTableName)).toEqual([]);

        // Rows outside the carried days go, whatever their day (before them, after them); the new rows take their place.
        const reshaped = await publishTables(
          store,
          [
            { table: 'course_enrollment_daily', rows: [dailyRow(4, 0), dailyRow(4, 4)], carry: { column: 'date', from: '2014-08-02', until: '2014-08-04' } },
            { table: 'course_activity', rows: times(2, (i) => activityRow('new', i)) },
          ],
          { taskId: 'Daily', fingerprint: 'f5' },
        );
        expect(reshaped).toEqual({ tables: [{ table: 'course_enrollment_daily', rows: 4 }, { table: 'course_activity', rows: 2 }], rows: 6 });
        expect(await dailyCounts(store)).toBe('1:1,2:1,4:2');
        expect(await labelCounts(store)).toBe('new:2');
        expect(await readMarker(store, 'Daily')).toMatchObject({ fingerprint: 'f5', rows: 6 });
      });
    });

    it('leaves the previous tables and marker intact, and no staging table, when the row source fails', async () => {
      const url = await target.fresh();
      await withStore(url, async (store) => {
        await publishTables(store, [{ table: 'course_activity', rows: times(4, (i) => activityRow('old', i)) }], {
          taskId: 'ActivityTask',
          fingerprint: 'good',
        });
        await expect(
          publishTables(
            store,
            [
              { table: 'course_enrollment_daily', rows: times(2, (i) => dailyRow(9, i)) },
              { table: 'course_activity', rows: failingAfter(times(6_000, (i) => activityRow('new', i))) },
            ],
            { taskId: 'ActivityTask', fingerprint: 'bad' },
          ),
        ).rejects.toThrow('the engine went away');
        expect(await labelCounts(store)).toBe('old:4');
        expect(await dailyCounts(store)).toBe('');
        expect(await readMarker(store, 'ActivityTask')).toMatchObject({ fingerprint: 'good', rows: 4 });
        expect((await tableNames(store)).filter(isLeftoverTableName)).toEqual([]);

        // A value in the wrong format is refused before anything is swapped.
        const badDate = { ...dailyRow(1, 0), date: '2014-08-01T00:00:00Z' };
        const refused = publishTables(store, [{ table: 'course_enrollment_daily', rows: [badDate] }]);
        await expect(refused).rejects.toThrow(StoreError);
        await expect(refused).rejects.toThrow(/course_enrollment_daily\.date in row 1: "2014-08-01T00:00:00Z" is not a 'YYYY-MM-DD' date/);
        const misspelt = { ...dailyRow(1, 0), cumulative: 3 } as NewRow<'course_enrollment_daily'>;
        await expect(publishTables(store, [{ table: 'course_enrollment_daily', rows: [misspelt] }])).rejects.toThrow(/has no column cumulative/);
        expect((await tableNames(store)).filter(isLeftoverTableName)).toEqual([]);
      });
    });

    it('drops what an interrupted publish left behind', async () => {
      const url = await target.fresh();
      await withStore(url, async (store) => {
        const spec = RESULT_TABLES.find((candidate) => candidate.name === 'course_enrollment_daily')!;
        await createResultTable(store.db, store.ddl, spec, stagingNames(spec, store.capabilities.indexNameScope));
        expect(await tableNames(store)).toContain('course_enrollment_daily__staging');
        await publishTables(store, [{ table: 'course_enrollment_daily', rows: [dailyRow(5, 0)] }]);
        expect(await dailyCounts(store)).toBe('5:1');
        expect((await tableNames(store)).filter(isLeftoverTableName)).toEqual([]);
      });
    });

    it('writes many rows in batches, from arrays or single rows', async () => {
      const url = await target.fresh();
      await withStore(url, async (store) => {
        async function* inChunks(): AsyncGenerator<NewRow<'course_enrollment_daily'>[]> {
          for (let chunk = 0; chunk < 6; chunk++) yield times(2_500, (i) => dailyRow(7, chunk * 2_500 + i));
        }
        const outputs: TableOutput[] = [
          { table: 'course_enrollment_daily', rows: inChunks() },
          { table: 'course_activity', rows: times(12_001, (i) => activityRow('many', i)) },
        ];
        const result = await publishTables(store, outputs);
        expect(result.rows).toBe(15_000 + 12_001);
        expect(await dailyCounts(store)).toBe('7:15000');
        expect(await labelCounts(store)).toBe('many:12001');
      });
    });

    it('shows a reader opened before the publish the old rows or the new ones, never a mix', async () => {
      const url = await target.fresh();
      await withStore(url, async (writer) => {
        await publishTables(writer, [
          { table: 'course_activity', rows: times(300, (i) => activityRow('old', i)) },
          { table: 'course_enrollment_daily', rows: times(200, (i) => dailyRow(1, i)) },
        ]);
        await withStore(url, async (reader) => {
          const seen = { activity: new Set<string>(), daily: new Set<string>() };
          // A failed read (a table missing halfway through a swap) is recorded too, so the assertion shows it.
          const read = (counts: Promise<string>) => counts.catch((error: Error) => `failed: ${error.message}`);
          const look = async () => {
            seen.activity.add(await read(labelCounts(reader)));
            seen.daily.add(await read(dailyCounts(reader)));
          };
          let publishing = true;
          async function* slowly(): AsyncGenerator<NewRow<'course_activity'>[]> {
            for (let chunk = 0; chunk < 6; chunk++) {
              await look();
              expect(await labelCounts(reader)).toBe('old:300');
              yield times(2_000, (i) => activityRow('new', chunk * 2_000 + i));
            }
          }
          const watching = (async () => {
            while (publishing) {
              await look();
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
          })();
          try {
            await publishTables(writer, [
              { table: 'course_activity', rows: slowly() },
              { table: 'course_enrollment_daily', rows: times(500, (i) => dailyRow(2, i)) },
            ]);
          } finally {
            publishing = false;
            await watching;
          }
          await look();
          expect([...seen.activity].sort()).toEqual(['new:12000', 'old:300']);
          expect([...seen.daily].sort()).toEqual(['1:200', '2:500']);
        }, false);
      });
    });

    it('returns dates and date-times as the same strings in any machine time zone', async () => {
      const url = await target.fresh();
      for (const [timeZone, offsetMinutes] of [['America/New_York', -240], ['Asia/Kolkata', 330]] as const) {
        const there = await roundTripIn(timeZone, url);
        expect(there.offsetMinutes).toBe(offsetMinutes);
        expect(there.rows).toEqual(EXPECTED_ROUND_TRIP);
        for (const created of there.created) {
          // `created` is UTC too: within a few minutes of now, whatever the machine's or the server's zone.
          expect(Math.abs(Date.parse(`${created.replace(' ', 'T')}Z`) - Date.now())).toBeLessThan(5 * 60_000);
        }
      }
    });
  });
}

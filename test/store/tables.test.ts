import { describe, expect, expectTypeOf, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/migrations.js';
import { finalNames, indexName, MAX_IDENTIFIER_LENGTH, retiredTableName, stagingNames } from '../../src/store/physical-names.js';
import { rowBatches, rowsPerInsert } from '../../src/store/row-batches.js';
import type { SchemaMismatches } from '../../src/store/schema.js';
import { RESULT_TABLES } from '../../src/store/tables.js';

describe('the result-store table definitions', () => {
  it('agree with the Kysely interfaces in schema.ts', () => {
    // Checked by the compiler (tsc): SchemaMismatches names every table whose interface disagrees with tables.ts.
    expectTypeOf<SchemaMismatches>().toEqualTypeOf<never>();
  });

  it('keep the legacy column order of course_enrollment_daily and course_activity', () => {
    const columns = (name: string) => RESULT_TABLES.find((spec) => spec.name === name)!.columns.map((column) => column.name);
    expect(columns('course_enrollment_daily')).toEqual(['course_id', 'date', 'count', 'cumulative_count']);
    expect(columns('course_enrollment_mode_daily')).toEqual(['date', 'course_id', 'mode', 'count', 'cumulative_count']);
    expect(columns('course_activity')).toEqual(['course_id', 'interval_start', 'interval_end', 'label', 'count']);
  });

  it('have unique names, each added by a known migration, with indexes on their own columns', () => {
    const names = RESULT_TABLES.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of RESULT_TABLES) {
      expect(Object.keys(MIGRATIONS), spec.name).toContain(spec.addedIn);
      const columns = new Set<string>(spec.columns.map((column) => column.name));
      expect(columns.size, spec.name).toBe(spec.columns.length);
      expect(columns.has('id') || columns.has('created'), spec.name).toBe(false);
      for (const index of spec.indexes) for (const column of index) expect(columns.has(column), `${spec.name}: ${column}`).toBe(true);
    }
  });

  it('give every schema object a name that fits PostgreSQL and MySQL, and unique index names', () => {
    const all: string[] = [];
    for (const spec of RESULT_TABLES) {
      for (const names of [finalNames(spec), stagingNames(spec, 'schema'), stagingNames(spec, 'table')]) {
        const objects = [names.table, names.primaryKey, names.idSequence, ...names.indexes.map((index) => index.name)];
        for (const name of objects) expect(name.length, name).toBeLessThanOrEqual(MAX_IDENTIFIER_LENGTH);
      }
      all.push(...finalNames(spec).indexes.map((index) => index.name), ...stagingNames(spec, 'schema').indexes.map((index) => index.name));
      expect(retiredTableName(spec.name).length).toBeLessThanOrEqual(MAX_IDENTIFIER_LENGTH);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('shortens a long index name with a hash, keeping room for the staging suffix', () => {
    expect(indexName('course_activity', ['course_id', 'label'])).toBe('course_activity_course_id_label');
    const long = indexName('module_engagement_metric_ranges_by_course', ['course_id', 'entity_type', 'entity_id']);
    expect(long).toMatch(/^module_engagement_metric_ranges_by_course_cou_[0-9a-f]{8}$/);
    expect(long.length).toBe(MAX_IDENTIFIER_LENGTH - '__staging'.length);
    expect(indexName('module_engagement_metric_ranges_by_course', ['course_id', 'entity_type', 'entity_id'])).toBe(long);
  });
});

describe('row batches', () => {
  it('fit the bind-parameter limit and a row cap', () => {
    expect(rowsPerInsert(4, 32_766)).toBe(5_000);
    expect(rowsPerInsert(12, 32_766, 100_000)).toBe(2_730);
    expect(rowsPerInsert(40_000, 32_766)).toBe(1);
  });

  it('regroup single rows and arrays from sync and async sources', async () => {
    const collect = async (source: Parameters<typeof rowBatches<{ n: number }>>[0]) => {
      const sizes: number[] = [];
      for await (const batch of rowBatches(source, 3)) sizes.push(batch.length);
      return sizes;
    };
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i }));
    expect(await collect(rows(7))).toEqual([3, 3, 1]);
    expect(await collect([])).toEqual([]);
    async function* chunks() {
      yield rows(5);
      yield { n: 99 };
      yield rows(0);
      yield rows(2);
    }
    expect(await collect(chunks())).toEqual([3, 3, 2]);
  });
});

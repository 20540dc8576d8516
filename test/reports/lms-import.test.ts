import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Engine, Row } from '../../src/engine/engine.js';
import { emptyLmsTable, importLmsTable, LMS_TABLES, type LmsTableReader } from '../../src/reports/runner/lms-import.js';

let engine: Engine;
beforeEach(async () => {
  engine = await createEngine({ dataDir: ':memory:' });
});
afterEach(() => engine.close());

const module = (grade: number | null, learners: number): Row => ({
  module_type: 'problem', module_id: 'block-v1:X+Y+Z+type@problem+block@p', course_id: 'course-v1:X+Y+Z', grade, max_grade: 2, learners,
});

it('reads courseware_studentmodule as counts: the groups land in the engine, the rows they count are reported', async () => {
  const asked: Parameters<LmsTableReader>[] = [];
  const read: LmsTableReader = async function* (...args) {
    asked.push(args);
    yield [module(1, 3)];
    yield [module(2, 4), module(null, 5)];
  };
  const imported = await importLmsTable(engine, read, LMS_TABLES.courseware_studentmodule);
  expect(asked).toEqual([[
    'courseware_studentmodule',
    ['module_type', 'module_id', 'course_id', 'grade', 'max_grade'],
    { only: LMS_TABLES.courseware_studentmodule.only, countedAs: 'learners' },
  ]]);
  expect(imported.rows).toBe(12);
  expect(await engine.query('select grade, learners from lms_courseware_studentmodule order by grade nulls last')).toEqual([
    { grade: 1, learners: 3n }, { grade: 2, learners: 4n }, { grade: null, learners: 5n },
  ]);

  // The same rows in other batches hash alike; another count does not.
  const again = await importLmsTable(engine, async function* () {
    yield [module(1, 3), module(2, 4)];
    yield [module(null, 5)];
  }, LMS_TABLES.courseware_studentmodule);
  expect(again.contentHash).toBe(imported.contentHash);
  const changed = await importLmsTable(engine, async function* () {
    yield [module(1, 3), module(2, 4), module(null, 6)];
  }, LMS_TABLES.courseware_studentmodule);
  expect(changed.contentHash).not.toBe(imported.contentHash);
});

it('makes an empty table with the count column when there is no LMS', async () => {
  await emptyLmsTable(engine, LMS_TABLES.courseware_studentmodule);
  const columns = `select column_name from information_schema.columns where table_name = 'lms_courseware_studentmodule' order by ordinal_position`;
  expect(await engine.query(columns)).toEqual(
    ['module_type', 'module_id', 'course_id', 'grade', 'max_grade', 'learners'].map((column_name) => ({ column_name })),
  );
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { COURSE_BLOCK_COLUMNS, courseBlockRows } from '../../src/reports/structure/course-blocks.js';
import { COURSE_LIST_COLUMNS } from '../../src/reports/structure/course-list.js';
import { courseStructure, loadStructure } from '../../src/reports/structure/load-structure.js';
import { readStructureFiles } from '../../src/reports/structure/structure-files.js';
import { CONFORMANCE_INPUT } from '../helpers/temp.js';

const CONFORMANCE_OUTPUT = path.resolve(CONFORMANCE_INPUT, '../output');

/** A row as a line of a legacy Hive text partition: tab-separated, NULL as \N, flags as 1/0. */
function hiveLine(row: object, columns: readonly string[]): string {
  const values = row as Record<string, unknown>;
  return columns
    .map((column) => {
      const value = values[column];
      if (value === null || value === undefined) return '\\N';
      if (typeof value === 'boolean') return value ? '1' : '0';
      return String(value);
    })
    .join('\t');
}

/** The lines of a legacy Hive table's part files, as a sorted list. */
async function partitionLines(table: string): Promise<string[]> {
  const parts = await Promise.all(['part-00000', 'part-00001'].map((part) => readFile(path.join(CONFORMANCE_OUTPUT, table, part), 'utf8')));
  return parts.flatMap((text) => text.split('\n').filter((line) => line !== '')).sort();
}

async function conformanceStructure() {
  return courseStructure(await readStructureFiles({
    courseList: path.join(CONFORMANCE_INPUT, 'course_list.json'),
    courseBlocks: path.join(CONFORMANCE_INPUT, 'course_blocks.json'),
  }));
}

describe('course structure (CourseListPartitionTask, CourseBlocksPartitionTask)', () => {
  it('reproduces the course_blocks partition from course_blocks.json', async () => {
    const structure = await conformanceStructure();
    const lines = structure.blocks.map((row) => hiveLine(row, COURSE_BLOCK_COLUMNS)).sort();
    expect(lines).toEqual(await partitionLines('course_blocks'));
  });

  it('reproduces the course_list partition from course_list.json', async () => {
    const structure = await conformanceStructure();
    const lines = structure.courses.map((row) => hiveLine(row, COURSE_LIST_COLUMNS)).sort();
    expect(lines).toEqual(await partitionLines('course_list'));
  });

  it('marks orphans and blocks with two parents, and places each where the traversal meets it first', () => {
    const block = (id: string, children?: string[]) => ({ id, type: 'vertical', display_name: `  Name\t${id} `, ...(children ? { children } : {}) });
    const rows = courseBlockRows({
      course_id: 'course-v1:X+Y+Z',
      root: 'r',
      blocks: {
        orphan: block('orphan'),
        r: block('r', ['a', 'b', 'missing']),
        a: block('a', ['shared']),
        b: block('b', ['shared', 'c']),
        c: block('c'),
        shared: block('shared'),
      },
    });
    const byId = Object.fromEntries(rows!.map((row) => [row.block_id, row]));
    expect(rows!.map((row) => [row.block_id, row.sort_idx])).toEqual([['r', 0], ['a', 1], ['shared', 2], ['b', 3], ['c', 4], ['orphan', 6]]);
    expect(byId['shared']).toMatchObject({ is_dag: true, parent_block_id: 'a', course_path: ' Name r / Name a ' });
    expect(byId['c']).toMatchObject({ is_dag: false, parent_block_id: 'b', course_path: ' Name r / Name b ' });
    expect(byId['orphan']).toMatchObject({ is_orphan: true, is_root: false, parent_block_id: null, course_path: '(Deleted block :)' });
    expect(byId['r']).toMatchObject({ is_root: true, is_orphan: false, parent_block_id: null, course_path: '', display_name: ' Name r ' });
    expect(courseBlockRows({ course_id: 'c', root: 'absent', blocks: {} })).toBeNull();
  });

  it('loads course_list and course_blocks into the engine for reports to join', async () => {
    const engine = await createEngine({ dataDir: ':memory:' });
    try {
      expect(await loadStructure(engine, await conformanceStructure())).toEqual({ courses: 4, blocks: 59 });
      const rows = await engine.query<{ course_id: string; blocks: bigint; roots: bigint; last: bigint }>(
        `select course_id, count(*) as blocks, sum(is_root) as roots, max(sort_idx) as last
         from course_blocks join course_list using (course_id) group by course_id order by course_id`,
      );
      expect(rows.map((row) => [row.course_id, Number(row.blocks), Number(row.roots), Number(row.last)])).toEqual([
        ['course-v1:OpenCraft+DnDv2101x+2016', 5, 1, 4],
        ['course-v1:OpenCraft+PRDemo1+2016', 25, 1, 24],
        ['course-v1:OpenCraft+PRDemo2+2016', 24, 1, 23],
        ['course-v1:OpenCraft+VD101x+2016', 5, 1, 4],
      ]);
    } finally {
      await engine.close();
    }
  });
});

import type { Engine, ImportColumn, Row } from '../../engine/engine.js';
import { allCourseBlockRows, COURSE_BLOCK_COLUMNS, type CourseBlockRow, type CourseBlocksOptions } from './course-blocks.js';
import { COURSE_LIST_COLUMNS, courseListRows, type CourseListRow } from './course-list.js';
import type { StructureDocuments } from './structure-files.js';

export interface CourseStructure {
  readonly courses: readonly CourseListRow[];
  readonly blocks: readonly CourseBlockRow[];
}

/** The course list and course blocks tables derived from the LMS API answers. */
export function courseStructure(documents: StructureDocuments, options: CourseBlocksOptions = {}): CourseStructure {
  return { courses: courseListRows(documents.courses), blocks: allCourseBlockRows(documents.blocks, options) };
}

const INTEGER_COLUMNS = new Set<string>(['is_root', 'is_orphan', 'is_dag', 'sort_idx']);

/**
 * Imports the structure into the engine as the scratch tables `course_list` and `course_blocks` (flags as 0/1, dates
 * as `YYYY-MM-DD HH:MM:SS.ffffff` text), for reports to join.
 */
export async function loadStructure(engine: Engine, structure: CourseStructure): Promise<{ courses: number; blocks: number }> {
  const courses = await engine.importRows('course_list', columnsOf(COURSE_LIST_COLUMNS), [structure.courses as unknown as Row[]]);
  const blocks = await engine.importRows('course_blocks', columnsOf(COURSE_BLOCK_COLUMNS), [
    structure.blocks.map((block) => ({ ...block, is_root: +block.is_root, is_orphan: +block.is_orphan, is_dag: +block.is_dag })),
  ]);
  return { courses, blocks };
}

function columnsOf(names: readonly string[]): ImportColumn[] {
  return names.map((name) => ({ name, type: INTEGER_COLUMNS.has(name) ? 'bigint' : 'varchar' }));
}

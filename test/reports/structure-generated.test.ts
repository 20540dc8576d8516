import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite, type GenerateSummary } from '../../src/demo/generate.js';
import { courseStructure } from '../../src/reports/structure/load-structure.js';
import type { StructureDocuments } from '../../src/reports/structure/structure-files.js';
import { tempDir } from '../helpers/temp.js';

interface ApiBlock {
  id: string;
  type: string;
  display_name: string;
  children?: string[];
}
interface ApiCourse {
  root: string;
  blocks: Record<string, ApiBlock>;
}

/** The blocks answers of a generated site (courses/*.json), with their course_id as the legacy stored them. */
async function generatedStructure(out: string, courses: readonly string[]): Promise<StructureDocuments> {
  const blocks: unknown[] = [];
  for (const name of await readdir(path.join(out, 'courses'))) {
    const document = JSON.parse(await readFile(path.join(out, 'courses', name), 'utf8')) as ApiCourse;
    const courseId = courses.find((id) => `${id.replace(/[^A-Za-z0-9]+/g, '_')}.json` === name);
    blocks.push({ ...document, course_id: courseId });
  }
  return { courses: courses.map((id) => ({ id, name: id })), blocks };
}

describe('course structure of a generated site', () => {
  let site: GenerateSummary;
  let documents: StructureDocuments;
  beforeAll(async () => {
    const out = await tempDir();
    site = await generateSite({ out, courses: 3, learners: 5, days: 1, seed: 7 });
    documents = await generatedStructure(out, site.courses);
  });

  it('places every block once, in the order of a recursive walk of the outline', () => {
    const rows = courseStructure(documents).blocks;
    for (const document of documents.blocks as (ApiCourse & { course_id: string })[]) {
      // Expected rows from a plain recursive walk, written independently of the module.
      const expected: [string, number, string | null, string][] = [];
      const walk = (id: string, parent: string | null, names: string[]) => {
        const block = document.blocks[id]!;
        expected.push([id, expected.length, parent, names.join(' / ')]);
        for (const child of block.children ?? []) walk(child, id, [...names, block.display_name]);
      };
      walk(document.root, null, []);
      const actual = rows.filter((row) => row.course_id === document.course_id);
      expect(actual).toHaveLength(Object.keys(document.blocks).length);
      expect(actual.map((row) => [row.block_id, row.sort_idx, row.parent_block_id, row.course_path])).toEqual(expected);
      expect(actual.filter((row) => row.is_root).map((row) => row.block_id)).toEqual([document.root]);
      expect(actual.some((row) => row.is_orphan || row.is_dag)).toBe(false);
    }
    expect(courseStructure(documents).courses.map((course) => course.course_id)).toEqual(site.courses);
  });
});

import { readFile } from 'node:fs/promises';

/** The raw LMS API answers a structure is derived from: course list entries and per-course blocks documents. */
export interface StructureDocuments {
  readonly courses: readonly unknown[];
  readonly blocks: readonly unknown[];
}

/**
 * Reads structure from files as the legacy pipeline stored the API answers (`course_list_raw`, `course_blocks_raw`):
 * one JSON document a line. A line that is not JSON fails the read, naming the file and line.
 */
export async function readStructureFiles(files: { courseList: string; courseBlocks: string }): Promise<StructureDocuments> {
  return { courses: await readJsonLines(files.courseList), blocks: await readJsonLines(files.courseBlocks) };
}

async function readJsonLines(file: string): Promise<unknown[]> {
  const documents: unknown[] = [];
  const lines = (await readFile(file, 'utf8')).split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      documents.push(JSON.parse(line));
    } catch (error) {
      throw new Error(`${file}, line ${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
    }
  }
  return documents;
}

import { normalizeWhitespace, textField, truncate } from './legacy-text.js';

/** One block of a course, placed in the course outline, as the legacy Hive table `course_blocks` held it. */
export interface CourseBlockRow {
  readonly block_id: string;
  readonly course_id: string;
  readonly block_type: string | null;
  readonly display_name: string;
  readonly is_root: boolean;
  /** Not reachable from the root: deleted from the outline but still stored. */
  readonly is_orphan: boolean;
  /** Reachable along more than one path; placed where the traversal met it first. */
  readonly is_dag: boolean;
  readonly parent_block_id: string | null;
  /** The display names of the ancestors, root first, joined with " / "; "" for the root. */
  readonly course_path: string;
  /** Pre-order position in the outline (root 0); orphans come after every placed block. */
  readonly sort_idx: number;
}

export const COURSE_BLOCK_COLUMNS = [
  'block_id', 'course_id', 'block_type', 'display_name', 'is_root', 'is_orphan', 'is_dag', 'parent_block_id',
  'course_path', 'sort_idx',
] as const satisfies readonly (keyof CourseBlockRow)[];

export interface CourseBlocksOptions {
  /** Between ancestors' names in course_path. */
  readonly pathDelimiter?: string;
  /** The course_path of orphan blocks. */
  readonly deletedBlocksPath?: string;
  /** Orphans first (sort_idx −1) rather than last (sort_idx = number of blocks). */
  readonly orphansFirst?: boolean;
}

interface Placement {
  readonly sortIdx: number;
  readonly parent: string | null;
  readonly ancestors: readonly string[];
}

type Block = Record<string, unknown>;

/**
 * A course of `/api/courses/v1/blocks/?all_blocks=true&depth=all&requested_fields=children` (with its `course_id`
 * added, as the legacy task stored it) as course_blocks rows in outline order; null when the document has no course
 * id or its root is not among its blocks.
 */
export function courseBlockRows(document: unknown, options: CourseBlocksOptions = {}): CourseBlockRow[] | null {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return null;
  const fields = document as Record<string, unknown>;
  const courseId = textField(fields, 'course_id');
  const rootId = textField(fields, 'root');
  const blocks = asBlocks(fields['blocks']);
  if (courseId === null || rootId === null || !blocks.has(rootId)) return null;

  const delimiter = options.pathDelimiter ?? ' / ';
  const placements = new Map<string, Placement>();
  const dags = new Set<string>();
  // Pre-order traversal without recursion (outlines can be deep); a block met again is a DAG node and is not
  // descended into twice.
  const stack: { id: string; parent: string | null }[] = [{ id: rootId, parent: null }];
  while (stack.length > 0) {
    const { id, parent } = stack.pop()!;
    const block = blocks.get(id);
    if (!block) continue;
    if (placements.has(id)) {
      dags.add(id);
      continue;
    }
    const parentPlacement = parent === null ? undefined : placements.get(parent);
    placements.set(id, {
      sortIdx: placements.size,
      parent,
      ancestors: parent === null ? [] : [...parentPlacement!.ancestors, parent],
    });
    const children = Array.isArray(block['children']) ? block['children'].filter((child) => typeof child === 'string') : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push({ id: children[index]!, parent: id });
  }

  const orphanIdx = options.orphansFirst ? -1 : blocks.size;
  const rows: CourseBlockRow[] = [];
  for (const [id, block] of blocks) {
    const placement = placements.get(id);
    const isRoot = id === rootId;
    const isOrphan = !placement;
    const path = isRoot
      ? ''
      : isOrphan
        ? (options.deletedBlocksPath ?? '(Deleted block :)')
        : placement.ancestors.map((ancestor) => displayName(blocks.get(ancestor)!)).join(delimiter);
    rows.push({
      block_id: textField(block, 'id') ?? id,
      course_id: courseId,
      block_type: textField(block, 'type'),
      display_name: normalizeWhitespace(truncate(displayName(block), 255)),
      is_root: isRoot,
      is_orphan: isOrphan,
      is_dag: dags.has(id),
      parent_block_id: placement?.parent ?? null,
      course_path: normalizeWhitespace(path),
      sort_idx: placement?.sortIdx ?? orphanIdx,
    });
  }
  // Stable: orphans keep the API's order among themselves.
  return rows.sort((a, b) => a.sort_idx - b.sort_idx);
}

/** Every course's blocks; a course listed twice keeps its last document. */
export function allCourseBlockRows(documents: Iterable<unknown>, options: CourseBlocksOptions = {}): CourseBlockRow[] {
  const courses = new Map<string, CourseBlockRow[]>();
  for (const document of documents) {
    const rows = courseBlockRows(document, options);
    if (rows) courses.set(String((document as Record<string, unknown>)['course_id']), rows);
  }
  return [...courses.values()].flat();
}

function asBlocks(value: unknown): Map<string, Block> {
  const blocks = new Map<string, Block>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return blocks;
  for (const [id, block] of Object.entries(value as Record<string, unknown>)) {
    if (block !== null && typeof block === 'object' && !Array.isArray(block)) blocks.set(id, block as Block);
  }
  return blocks;
}

function displayName(block: Block): string {
  return textField(block, 'display_name') ?? '';
}

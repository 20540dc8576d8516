import type { CourseBlock, CourseBlocks } from '../lib/types.js';

/** A section (chapter) or subsection (sequential) of the course outline with the leaf blocks below it. */
export interface OutlineNode<L> {
  id: string;
  name: string;
  /** 1-based position among its siblings (the legacy "Order" column). */
  order: number;
  children: L[];
}

export interface OutlineLeaf {
  id: string;
  block: CourseBlock;
  name: string;
  order: number;
}

export type Subsection = OutlineNode<OutlineLeaf> & { graded: boolean; format: string | null };
export type Section = OutlineNode<Subsection>;

/** The legacy fallback when a block has no display name. */
export function blockName(block: CourseBlock | undefined, fallback = '(Untitled)'): string {
  return block?.display_name?.trim() || fallback;
}

function childrenOf(blocks: CourseBlocks, id: string): CourseBlock[] {
  const block = blocks.blocks[id];
  return (block?.children ?? []).map((c) => blocks.blocks[c]).filter((b): b is CourseBlock => b !== undefined);
}

/** Every descendant of `id` (depth first, outline order) whose type is `type`. */
export function descendantsOfType(blocks: CourseBlocks, id: string, type: string): CourseBlock[] {
  const out: CourseBlock[] = [];
  const seen = new Set<string>();
  const walk = (bid: string) => {
    for (const child of childrenOf(blocks, bid)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      if (child.type === type) out.push(child);
      else walk(child.id);
    }
  };
  walk(id);
  return out;
}

/**
 * The outline course → sections → subsections → leaves of `leafType` (found through units at any depth),
 * in course order. `keep` filters leaves (e.g. only those with data).
 */
export function outline(blocks: CourseBlocks, leafType: string, keep: (leaf: CourseBlock, sub: CourseBlock) => boolean = () => true): Section[] {
  return childrenOf(blocks, blocks.root).filter((b) => b.type === 'chapter').map((chapter, si) => ({
    id: chapter.id,
    name: blockName(chapter),
    order: si + 1,
    children: childrenOf(blocks, chapter.id).filter((b) => b.type === 'sequential').map((seq, ssi) => ({
      id: seq.id,
      name: blockName(seq),
      order: ssi + 1,
      graded: seq.graded === true,
      format: seq.format ?? null,
      children: descendantsOfType(blocks, seq.id, leafType).filter((leaf) => keep(leaf, seq)).map((leaf, li) => ({
        id: leaf.id,
        block: leaf,
        name: blockName(leaf),
        order: li + 1,
      })),
    })),
  }));
}

/** Legacy "HTML-encoded" module id of an old-style key: non-word runs become "-" (`i4x://a/b/video/x` → `i4x-a-b-video-x`). */
export function htmlEncodedId(id: string): string {
  return id.replace(/(?:[^\w-]|_)+/g, '-');
}

/**
 * Matches data API module ids (a video's `encoded_module_id`, a problem's `module_id`) to course blocks. A module id
 * may be the full usage key, the block's `block_id` (what the player reports as its id for `block-v1` keys) or the
 * HTML-encoded form of an old `i4x://` key; all three are indexed.
 */
export function blockIndex(blocks: CourseBlocks, type: string): (moduleId: string) => CourseBlock | undefined {
  const byKey = new Map<string, CourseBlock>();
  const add = (key: string, block: CourseBlock) => { if (!byKey.has(key)) byKey.set(key, block); };
  const of = Object.values(blocks.blocks).filter((b) => b.type === type);
  for (const b of of) add(b.id, b);
  for (const b of of) add(htmlEncodedId(b.id), b);
  for (const b of of) add(b.block_id, b);
  return (moduleId) => byKey.get(moduleId) ?? byKey.get(htmlEncodedId(moduleId));
}

/** Finds a section, and optionally a subsection in it, by id. */
export function findNode<T extends { id: string }>(nodes: ReadonlyArray<T>, id: string | undefined): T | undefined {
  return id === undefined ? undefined : nodes.find((n) => n.id === id);
}

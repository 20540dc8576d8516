import type { CourseBlocks } from './lms-site.js';

/** One assignment type of a course's grading policy, as `GET /api/grades/v1/policy/courses/{id}/` lists it. */
export interface AssignmentTypePolicy {
  assignment_type: string;
  /** How many subsections of the type the policy expects. */
  count: number;
  /** How many of the lowest scores are dropped. */
  dropped: number;
  /** Share of the course grade, 0..1; the weights of a course add up to 1. */
  weight: number;
}

/**
 * A plausible grading policy derived from the outline, since generated courses carry none: one assignment type per
 * `format` of the graded subsections (in outline order), counting them, dropping one score in every four, and
 * sharing the grade equally between the types (two decimals; the last type takes the rounding rest).
 */
export function gradingPolicyOf(course: CourseBlocks): AssignmentTypePolicy[] {
  const counts = new Map<string, number>();
  for (const block of outlineOrder(course)) {
    const format = block['format'];
    if (block['type'] === 'sequential' && block['graded'] === true && typeof format === 'string' && format !== '') {
      counts.set(format, (counts.get(format) ?? 0) + 1);
    }
  }
  const share = Math.round(100 / Math.max(1, counts.size)) / 100;
  return [...counts].map(([type, count], index) => ({
    assignment_type: type,
    count,
    dropped: Math.floor(count / 4),
    weight: index === counts.size - 1 ? Math.round((1 - share * index) * 100) / 100 : share,
  }));
}

/** The blocks depth-first from the root, each once. */
function outlineOrder(course: CourseBlocks): Readonly<Record<string, unknown>>[] {
  const ordered: Readonly<Record<string, unknown>>[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    const block = course.blocks[id];
    if (!block || seen.has(id)) return;
    seen.add(id);
    ordered.push(block);
    const children = block['children'];
    if (Array.isArray(children)) for (const child of children) if (typeof child === 'string') visit(child);
  };
  visit(course.root);
  return ordered;
}

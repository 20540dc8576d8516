import { ratio } from '../lib/format.js';
import type { AnswerDistributionRow, CourseBlocks, GradingPolicyEntry, ProblemRow, ProblemTagsRow } from '../lib/types.js';
import { blockIndex, blockName, descendantsOfType, outline } from './course-structure.js';

/** Submission counts of one problem, or the per-problem averages of a group of problems. */
export interface SubmissionStats {
  problems: number;
  /** Sums over the problems. */
  correct: number;
  total: number;
  incorrect: number;
  /** Per-problem averages (sum ÷ problems). */
  averageCorrect: number;
  averageIncorrect: number;
  averageSubmissions: number;
  /** correct ÷ total. */
  percentCorrect: number;
}

export function stats(problems: ReadonlyArray<{ correct_submissions: number; total_submissions: number } | null>): SubmissionStats {
  const n = problems.length;
  const correct = problems.reduce((s, p) => s + (p?.correct_submissions ?? 0), 0);
  const total = problems.reduce((s, p) => s + (p?.total_submissions ?? 0), 0);
  const incorrect = Math.max(total - correct, 0);
  const d = Math.max(n, 1);
  return { problems: n, correct, total, incorrect, averageCorrect: correct / d, averageIncorrect: incorrect / d, averageSubmissions: total / d, percentCorrect: ratio(correct, total) };
}

/** URL slug of an assignment type: "Final Exam" → "final-exam". */
export function assignmentTypeSlug(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'type';
}

export interface PolicyBlock {
  type: string;
  slug: string;
  /** The weight, 0..1. */
  weight: number;
  /** Display width in percent: at least 5, the widths adding up to 100. */
  width: number;
}

/** The grading policy bar: assignment types with no assignments or no weight are removed; each block is ≥ 5 % wide. */
export function policyBlocks(policy: ReadonlyArray<GradingPolicyEntry>): PolicyBlock[] {
  const kept = policy.filter((p) => p.count > 0 && p.weight > 0);
  const raw = kept.map((p) => Math.max(5, p.weight * 100));
  const sum = raw.reduce((s, w) => s + w, 0) || 1;
  return kept.map((p, i) => ({ type: p.assignment_type, slug: assignmentTypeSlug(p.assignment_type), weight: p.weight, width: (raw[i]! / sum) * 100 }));
}

export interface ProblemEntry extends SubmissionStats {
  id: string;
  name: string;
  order: number;
  /** The data API's `module_id` of the problem; null when it has no submissions data. */
  moduleId: string | null;
  /** Part ids with answer data (from the problems endpoint), in natural order. */
  partIds: string[];
}

export interface GroupEntry extends SubmissionStats {
  id: string;
  name: string;
  order: number;
  /** The problems of the group. */
  items: ProblemEntry[];
}

/** Natural order of part ids: `x_2_1` before `x_10_1`. */
export function comparePartIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function problemLookup(blocks: CourseBlocks, problems: ReadonlyArray<ProblemRow>): Map<string, ProblemRow> {
  const find = blockIndex(blocks, 'problem');
  const out = new Map<string, ProblemRow>();
  for (const p of problems) {
    const block = find(p.module_id);
    if (block && !out.has(block.id)) out.set(block.id, p);
  }
  return out;
}

function problemEntries(ids: ReadonlyArray<{ id: string; name: string }>, data: Map<string, ProblemRow>): ProblemEntry[] {
  return ids.map((b, i) => {
    const p = data.get(b.id) ?? null;
    return { id: b.id, name: b.name, order: i + 1, moduleId: p?.module_id ?? null, partIds: [...(p?.part_ids ?? [])].sort(comparePartIds), ...stats([p]) };
  });
}

/** Graded subsections of an assignment type (`format`), in course order, each with its problems. */
export function assignmentsOfType(blocks: CourseBlocks, problems: ReadonlyArray<ProblemRow>, type: string): GroupEntry[] {
  const data = problemLookup(blocks, problems);
  const seqs = outline(blocks, 'problem').flatMap((s) => s.children).filter((ss) => ss.graded && ss.format === type);
  return seqs.map((seq, i) => {
    const entries = problemEntries(seq.children.map((l) => ({ id: l.id, name: l.name })), data);
    return { id: seq.id, name: seq.name, order: i + 1, items: entries, ...stats(entries.map((e) => ({ correct_submissions: e.correct, total_submissions: e.total }))) };
  });
}

/** One graded subsection (assignment) by id, with its type. */
export function assignment(blocks: CourseBlocks, problems: ReadonlyArray<ProblemRow>, id: string): (GroupEntry & { type: string | null }) | null {
  const block = blocks.blocks[id];
  if (!block || block.type !== 'sequential') return null;
  const data = problemLookup(blocks, problems);
  const entries = problemEntries(descendantsOfType(blocks, id, 'problem').map((b) => ({ id: b.id, name: blockName(b) })), data);
  return { id, name: blockName(block), order: 1, type: block.format ?? null, items: entries, ...stats(entries.map((e) => ({ correct_submissions: e.correct, total_submissions: e.total }))) };
}

export interface UngradedSection extends GroupEntry {
  subsections: GroupEntry[];
}

/** Problems in subsections that are not graded: sections → subsections → problems; empty levels are left out. */
export function ungradedTree(blocks: CourseBlocks, problems: ReadonlyArray<ProblemRow>): { sections: UngradedSection[]; hasSubmissions: boolean } {
  const data = problemLookup(blocks, problems);
  const sections = outline(blocks, 'problem', (_leaf, seq) => seq.graded !== true).map((section) => {
    const subsections = section.children.filter((ss) => !ss.graded && ss.children.length > 0).map((ss, i) => {
      const entries = problemEntries(ss.children.map((l) => ({ id: l.id, name: l.name })), data);
      return { id: ss.id, name: ss.name, order: i + 1, items: entries, ...stats(entries.map((e) => ({ correct_submissions: e.correct, total_submissions: e.total }))) };
    });
    const all = subsections.flatMap((s) => s.items);
    return { id: section.id, name: section.name, order: section.order, subsections, items: all, ...stats(all.map((e) => ({ correct_submissions: e.correct, total_submissions: e.total }))) };
  }).filter((s) => s.subsections.length > 0);
  return { sections, hasSubmissions: sections.some((s) => s.total > 0) };
}

/** The chart and table limit of the answer distribution (the legacy CHART_LIMIT). */
export const ANSWER_CHART_LIMIT = 12;

export interface AnswerEntry {
  answer: string;
  correct: boolean;
  count: number;
  variant: number | null;
}

export interface ProblemPart {
  partId: string;
  /** "Part N", 1-based in natural part order. */
  label: string;
  question: string | null;
}

export interface AnswerDistribution {
  problemName: string | null;
  parts: ProblemPart[];
  part: ProblemPart | null;
  /** Every answer of the part, by count descending. */
  answers: AnswerEntry[];
  /** The top answers for the chart; empty for randomized problems. */
  chart: AnswerEntry[];
  /** Some variant ≠ 1: no chart, a Variant column. */
  randomized: boolean;
}

/** A row's submission count: `last_response_count` when present, else `count`. */
export function answerCount(row: AnswerDistributionRow): number {
  return row.last_response_count ?? row.count ?? 0;
}

/** The answer as shown: the value, or "(empty)". */
export function answerLabel(value: AnswerDistributionRow['answer_value']): string {
  if (value === null || value === undefined || String(value).trim() === '') return '(empty)';
  return String(value);
}

export function presentAnswerDistribution(rows: ReadonlyArray<AnswerDistributionRow>, partId: string | null): AnswerDistribution {
  const partIds = [...new Set(rows.map((r) => r.part_id))].sort(comparePartIds);
  const parts = partIds.map((id, i) => ({ partId: id, label: `Part ${i + 1}`, question: rows.find((r) => r.part_id === id && r.question_text)?.question_text ?? null }));
  const part = parts.find((p) => p.partId === partId) ?? parts[0] ?? null;
  const partRows = part ? rows.filter((r) => r.part_id === part.partId) : [];
  const randomized = partRows.some((r) => r.variant !== null && r.variant !== undefined && r.variant !== 1);
  const answers = partRows
    .map((r) => ({ answer: answerLabel(r.answer_value), correct: r.correct === true, count: answerCount(r), variant: r.variant ?? null }))
    .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer));
  return {
    problemName: rows.find((r) => r.problem_display_name)?.problem_display_name ?? null,
    parts,
    part,
    answers,
    chart: randomized ? [] : answers.slice(0, ANSWER_CHART_LIMIT),
    randomized,
  };
}

export interface OutcomeEntry extends SubmissionStats {
  outcome: string;
  order: number;
  /** The problems of the group. */
  items: ProblemEntry[];
}

/** Problems grouped by the value(s) of their `learning_outcome` tag, in name order. */
export function learningOutcomes(
  rows: ReadonlyArray<ProblemTagsRow>, blocks: CourseBlocks | null, problems: ReadonlyArray<ProblemRow> = [], tag = 'learning_outcome',
): OutcomeEntry[] {
  const find = blocks ? blockIndex(blocks, 'problem') : () => undefined;
  const parts = new Map(problems.map((p) => [p.module_id, [...p.part_ids].sort(comparePartIds)]));
  const groups = new Map<string, ProblemTagsRow[]>();
  for (const row of rows) {
    for (const value of row.tags[tag] ?? []) {
      const list = groups.get(value) ?? [];
      list.push(row);
      groups.set(value, list);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([outcome, list], i) => {
      const problems: ProblemEntry[] = list.map((p, j) => {
        const block = find(p.module_id);
        return {
          id: block?.id ?? p.module_id, name: block ? blockName(block) : p.module_id, order: j + 1, moduleId: p.module_id,
          partIds: parts.get(p.module_id) ?? [], ...stats([p]),
        };
      });
      return { outcome, order: i + 1, items: problems, ...stats(list) };
    });
}

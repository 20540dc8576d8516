import { describe, expect, it } from 'vitest';
import { buildColoredBarOption, buildStackedBarOption, CORRECT_COLOR, INCORRECT_COLOR } from '../../../src/web/client/charts/stacked-bar.js';
import {
  ANSWER_CHART_LIMIT, assignment, assignmentsOfType, assignmentTypeSlug, learningOutcomes, policyBlocks, presentAnswerDistribution, ungradedTree,
} from '../../../src/web/client/presenters/performance.js';
import { csvDataUrl, toCsv } from '../../../src/web/client/presenters/csv.js';
import { presentLearnerTimeline } from '../../../src/web/client/presenters/learner-timeline.js';
import type { AnswerDistributionRow, ProblemRow, ProblemTagsRow } from '../../../src/web/client/lib/types.js';
import { key, outlineFixture } from './fixtures-outline.js';

const C = 'course-v1:edX+DemoX+Demo_Course';
const prob = (id: string, total: number, correct: number, parts = [`${id}_2_1`]): ProblemRow => ({
  module_id: key('problem', id), total_submissions: total, correct_submissions: correct, part_ids: parts, created: '2024-03-20T101500',
});
const PROBLEMS = [prob('p1', 10, 7, ['p1_3_1', 'p1_2_1']), prob('p2', 20, 5), prob('p3', 8, 8), prob('p4', 4, 1)];

describe('grading policy', () => {
  it('drops empty types and keeps every block at least 5 % wide', () => {
    const blocks = policyBlocks([
      { assignment_type: 'Homework', count: 3, dropped: 0, weight: 0.98 },
      { assignment_type: 'Final Exam', count: 1, dropped: 0, weight: 0.02 },
      { assignment_type: 'Lab', count: 0, dropped: 0, weight: 0 },
    ]);
    expect(blocks.map((b) => [b.type, b.slug, b.weight])).toEqual([['Homework', 'homework', 0.98], ['Final Exam', 'final-exam', 0.02]]);
    expect(blocks[1]!.width).toBeCloseTo((5 / 103) * 100);
    expect(blocks.reduce((s, b) => s + b.width, 0)).toBeCloseTo(100);
    expect(assignmentTypeSlug('Mid-Term  Exam!')).toBe('mid-term-exam');
  });
});

describe('graded content', () => {
  it('lists the assignments of a type with per-problem averages', () => {
    const [hw] = assignmentsOfType(outlineFixture(), PROBLEMS, 'Homework');
    expect(hw).toMatchObject({ name: 'HW 1', problems: 2, correct: 12, total: 30, incorrect: 18, averageCorrect: 6, averageIncorrect: 9, averageSubmissions: 15, percentCorrect: 0.4 });
    expect(hw!.items.map((p) => [p.name, p.correct, p.incorrect, p.total, p.partIds])).toEqual([
      ['Problem 1', 7, 3, 10, ['p1_2_1', 'p1_3_1']], ['Problem 2', 5, 15, 20, ['p2_2_1']],
    ]);
    expect(assignmentsOfType(outlineFixture(), PROBLEMS, 'Final Exam').map((a) => a.name)).toEqual(['Final']);
  });
  it('finds one assignment and its type', () => {
    const a = assignment(outlineFixture(), PROBLEMS, key('sequential', 'seq3'));
    expect(a).toMatchObject({ name: 'Final', type: 'Final Exam', problems: 1, correct: 1, total: 4 });
    expect(assignment(outlineFixture(), PROBLEMS, key('problem', 'p1'))).toBeNull();
  });
  it('puts the numbers into the stacked bars', () => {
    const rows = assignmentsOfType(outlineFixture(), PROBLEMS, 'Homework');
    const option = buildStackedBarOption({ categories: rows.map((r) => r.name), series: [
      { name: 'Average Correct', values: rows.map((r) => r.averageCorrect), color: CORRECT_COLOR },
      { name: 'Average Incorrect', values: rows.map((r) => r.averageIncorrect), color: INCORRECT_COLOR },
    ], yAxisName: 'Submissions' });
    const series = option.series as Array<{ name: string; data: number[]; stack: string }>;
    expect(series.map((s) => [s.name, s.data, s.stack])).toEqual([['Average Correct', [6], 'total'], ['Average Incorrect', [9], 'total']]);
    expect(option.color).toEqual([CORRECT_COLOR, INCORRECT_COLOR]);
  });
});

describe('ungraded problems', () => {
  it('keeps only problems of ungraded subsections', () => {
    const tree = ungradedTree(outlineFixture(), PROBLEMS);
    expect(tree.hasSubmissions).toBe(true);
    expect(tree.sections.map((s) => [s.name, s.problems, s.correct, s.total, s.subsections.map((ss) => ss.name)])).toEqual([['Week 1', 1, 8, 8, ['Practice']]]);
    expect(ungradedTree(outlineFixture(), []).hasSubmissions).toBe(false);
  });
});

const ans = (part: string, value: string | null, correct: boolean, count: number, variant: number | null = null): AnswerDistributionRow => ({
  course_id: C, module_id: 'm', part_id: part, correct, last_response_count: count, first_response_count: count + 1, value_id: value,
  answer_value: value, problem_display_name: 'Checkbox', question_text: `Q ${part}`, variant, created: '2024-03-20T101500',
});

describe('answer distribution', () => {
  it('orders answers by count, picks the part and limits the chart', () => {
    const rows = [ans('m_10_1', 'x', true, 1), ...Array.from({ length: 14 }, (_, i) => ans('m_2_1', `a${i}`, i === 3, i + 1)), ans('m_2_1', null, false, 0)];
    const p = presentAnswerDistribution(rows, null);
    expect(p.parts.map((x) => [x.partId, x.label, x.question])).toEqual([['m_2_1', 'Part 1', 'Q m_2_1'], ['m_10_1', 'Part 2', 'Q m_10_1']]);
    expect(p.part?.partId).toBe('m_2_1');
    expect(p.answers).toHaveLength(15);
    expect(p.answers[0]).toEqual({ answer: 'a13', correct: false, count: 14, variant: null });
    expect(p.answers[14]!.answer).toBe('(empty)');
    expect(p.chart).toHaveLength(ANSWER_CHART_LIMIT);
    const option = buildColoredBarOption({ categories: p.chart.map((a) => a.answer), values: p.chart.map((a) => a.count), colors: p.chart.map((a) => (a.correct ? CORRECT_COLOR : INCORRECT_COLOR)), yAxisName: 'Submissions' });
    const data = (option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>)[0]!.data;
    expect(data.map((d) => d.value)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(data[10]!.itemStyle.color).toBe(CORRECT_COLOR);
    expect(data[0]!.itemStyle.color).toBe(INCORRECT_COLOR);
    expect(presentAnswerDistribution(rows, 'm_10_1').answers).toEqual([{ answer: 'x', correct: true, count: 1, variant: null }]);
  });
  it('gives randomized problems no chart, and falls back to count', () => {
    const rows = [ans('p', 'a', true, 3, 1), ans('p', 'b', false, 2, 2)];
    const p = presentAnswerDistribution(rows, 'p');
    expect(p.randomized).toBe(true);
    expect(p.chart).toEqual([]);
    const legacy: AnswerDistributionRow = { ...ans('p', 'c', false, 0), last_response_count: undefined, count: 9 };
    expect(presentAnswerDistribution([legacy], 'p').answers[0]!.count).toBe(9);
  });
});

describe('learning outcomes', () => {
  it('groups problems by learning_outcome tag values', () => {
    const row = (id: string, total: number, correct: number, outcomes: string[]): ProblemTagsRow => ({
      module_id: key('problem', id), total_submissions: total, correct_submissions: correct, tags: { learning_outcome: outcomes, difficulty: ['Easy'] }, created: 'x',
    });
    const out = learningOutcomes([row('p1', 10, 5, ['LO 2', 'LO 10']), row('p2', 6, 6, ['LO 2']), row('p9', 1, 0, [])], outlineFixture(), PROBLEMS);
    expect(out.map((o) => [o.outcome, o.problems, o.correct, o.total, o.averageCorrect, o.averageIncorrect])).toEqual([['LO 2', 2, 11, 16, 5.5, 2.5], ['LO 10', 1, 5, 10, 5, 5]]);
    expect(out[0]!.items.map((p) => [p.name, p.partIds])).toEqual([['Problem 1', ['p1_2_1', 'p1_3_1']], ['Problem 2', ['p2_2_1']]]);
  });
});

describe('learner timeline and csv', () => {
  it('sorts days and builds the series and totals', () => {
    const t = presentLearnerTimeline({ days: [
      { date: '2024-03-02', problems_attempted: 3, problems_completed: 2, discussion_contributions: 1, videos_viewed: 4 },
      { date: '2024-03-01', problems_attempted: 1, problems_completed: 0, discussion_contributions: 0, videos_viewed: 2 },
    ] });
    expect(t.days.map((d) => d.date)).toEqual(['2024-03-01', '2024-03-02']);
    expect(t.series).toEqual([
      { name: 'Discussion Contributions', values: [0, 1] }, { name: 'Problems Correct', values: [0, 2] }, { name: 'Videos Viewed', values: [2, 4] },
    ]);
    expect(t.totals).toEqual({ problemsAttempted: 4, problemsCompleted: 2, discussionContributions: 1, videosViewed: 6 });
  });
  it('quotes CSV cells', () => {
    const csv = toCsv(['Name', 'N'], [['a, "b"', 1], [null, 2]]);
    expect(csv).toBe('Name,N\r\n"a, ""b""",1\r\n,2\r\n');
    expect(csvDataUrl('a,b')).toBe('data:text/csv;charset=utf-8,a%2Cb');
  });
});

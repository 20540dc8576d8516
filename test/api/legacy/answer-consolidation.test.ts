import { describe, expect, it } from 'vitest';
import { type AnswerRow, consolidateAnswers } from '../../../src/api/legacy/answer-consolidation.js';

const PART = 'i4x-org-num-run-problem-RANDOMNUMBER_2_1';

function answer(fields: Partial<AnswerRow>): AnswerRow {
  return {
    course_id: 'org/num/run',
    module_id: 'i4x://org/num/run/problem/RANDOMNUMBER',
    part_id: PART,
    correct: true,
    value_id: '3',
    answer_value: '3',
    problem_display_name: 'Test Problem',
    question_text: 'Question Text',
    variant: null,
    first_response_count: 0,
    last_response_count: 0,
    created: '2014-01-01 00:00:00',
    ...fields,
  };
}

describe('consolidateAnswers', () => {
  it('merges the variants of one answer and leaves single answers alone', () => {
    const other = answer({ value_id: '9', answer_value: '9', correct: false, variant: 7, first_response_count: 4 });
    const rows = [
      answer({ variant: 123, first_response_count: 1, last_response_count: 3 }),
      other,
      answer({ variant: 345, first_response_count: 0, last_response_count: 2 }),
    ];
    expect(consolidateAnswers(rows)).toEqual([
      { ...answer({ variant: null, first_response_count: 1, last_response_count: 5 }), consolidated_variant: true },
      { ...other, consolidated_variant: false },
    ]);
  });

  it('does not merge a part where one value_id has different answers', () => {
    const rows = [
      answer({ part_id: 'p2', correct: true, variant: 1, first_response_count: 1 }),
      answer({ part_id: 'p2', correct: false, variant: 2, first_response_count: 2 }),
      answer({ part_id: 'p1', variant: 5, first_response_count: 1 }),
      answer({ part_id: 'p1', variant: 6, first_response_count: 1 }),
    ];
    expect(consolidateAnswers(rows)).toEqual([
      { ...answer({ part_id: 'p1', variant: null, first_response_count: 2 }), consolidated_variant: true },
      { ...rows[0], consolidated_variant: false },
      { ...rows[1], consolidated_variant: false },
    ]);
  });

  it('treats a stored 1 as True when matching', () => {
    const rows = [answer({ correct: 1, last_response_count: 1 }), answer({ correct: true, last_response_count: 1 })];
    expect(consolidateAnswers(rows).map((row) => [row.last_response_count, row.consolidated_variant])).toEqual([[2, true]]);
  });
});

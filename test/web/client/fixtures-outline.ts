import type { CourseBlocks, CourseBlock } from '../../../src/web/client/lib/types.js';

const K = 'block-v1:edX+DemoX+Demo_Course';
export const key = (type: string, id: string) => `${K}+type@${type}+block@${id}`;

function b(type: string, id: string, name: string, children: string[] = [], extra: Partial<CourseBlock> = {}): CourseBlock {
  return { id: key(type, id), block_id: id, type, display_name: name, children, ...extra };
}

/**
 * course → ch1 (seq1 graded Homework: u1 → p1, p2, v1; seq2 ungraded: u2 → p3, v2, v3) and ch2 (seq3 graded Exam: u3 → p4)
 * and ch3 (no videos, no problems).
 */
export function outlineFixture(): CourseBlocks {
  const list = [
    b('course', 'course', 'Demo', [key('chapter', 'ch1'), key('chapter', 'ch2'), key('chapter', 'ch3')]),
    b('chapter', 'ch1', 'Week 1', [key('sequential', 'seq1'), key('sequential', 'seq2')]),
    b('chapter', 'ch2', 'Week 2', [key('sequential', 'seq3')]),
    b('chapter', 'ch3', '', []),
    b('sequential', 'seq1', 'HW 1', [key('vertical', 'u1')], { graded: true, format: 'Homework' }),
    b('sequential', 'seq2', 'Practice', [key('vertical', 'u2')], { graded: false }),
    b('sequential', 'seq3', 'Final', [key('vertical', 'u3')], { graded: true, format: 'Final Exam' }),
    b('vertical', 'u1', 'Unit 1', [key('problem', 'p1'), key('problem', 'p2'), key('video', 'v1')]),
    b('vertical', 'u2', 'Unit 2', [key('problem', 'p3'), key('video', 'v2'), key('video', 'v3')]),
    b('vertical', 'u3', 'Unit 3', [key('problem', 'p4')]),
    b('problem', 'p1', 'Problem 1'), b('problem', 'p2', 'Problem 2'), b('problem', 'p3', 'Problem 3'), b('problem', 'p4', 'Problem 4'),
    b('video', 'v1', 'Video 1'), b('video', 'v2', 'Video 2'), b('video', 'v3', 'Video 3'),
  ];
  return { root: key('course', 'course'), blocks: Object.fromEntries(list.map((x) => [x.id, x])) };
}

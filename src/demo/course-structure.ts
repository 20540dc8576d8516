import type { Random } from './random.js';

/** One block as the LMS blocks API (`/api/courses/v1/blocks/?all_blocks=true&depth=all`) returns it. */
export interface CourseBlock {
  id: string;
  block_id: string;
  type: 'course' | 'chapter' | 'sequential' | 'vertical' | 'problem' | 'video' | 'html' | 'discussion';
  display_name: string;
  lms_web_url: string;
  student_view_url: string;
  graded?: boolean;
  format?: string | null;
  children?: string[];
}

export interface CourseStructure {
  root: string;
  blocks: Record<string, CourseBlock>;
}

export interface Unit {
  readonly id: string;
  video?: { id: string; duration: number; code: string };
  problem?: { id: string; displayName: string; maxGrade: number; difficulty: number };
  discussion?: { id: string; commentableId: string };
}

export interface CourseContent {
  readonly structure: CourseStructure;
  readonly chapters: { id: string; sequentials: { id: string; blockId: string; units: Unit[] }[]; blockId: string }[];
  readonly videos: { id: string; duration: number; code: string }[];
  readonly problems: { id: string; displayName: string; maxGrade: number; difficulty: number }[];
  readonly discussions: { id: string; commentableId: string }[];
}

const TOPICS = ['Foundations', 'Methods', 'Case Studies', 'Practice', 'Data', 'Models', 'Ethics', 'Applications'];

/** Builds a course outline: chapters of sequentials of units holding videos, problems, text and discussions. */
export function buildCourseStructure(random: Random, courseId: string, lmsUrl: string, chapters: number): CourseContent {
  const keyBody = courseId.startsWith('course-v1:') ? courseId.slice('course-v1:'.length) : courseId.replaceAll('/', '+');
  const blocks: Record<string, CourseBlock> = {};
  const usageKey = (type: string, blockId: string) =>
    type === 'course' ? `block-v1:${keyBody}+type@course+block@course` : `block-v1:${keyBody}+type@${type}+block@${blockId}`;
  const add = (type: CourseBlock['type'], displayName: string, extra: Partial<CourseBlock> = {}): CourseBlock => {
    const blockId = type === 'course' ? 'course' : random.hex(32);
    const id = usageKey(type, blockId);
    const block: CourseBlock = {
      id,
      block_id: blockId,
      type,
      display_name: displayName,
      lms_web_url: `${lmsUrl}/courses/${courseId}/jump_to/${id}`,
      student_view_url: `${lmsUrl}/xblock/${id}`,
      ...extra,
    };
    blocks[id] = block;
    return block;
  };

  const course = add('course', courseId, { children: [] });
  const content: CourseContent = {
    structure: { root: course.id, blocks },
    chapters: [],
    videos: [],
    problems: [],
    discussions: [],
  };
  for (let c = 1; c <= chapters; c += 1) {
    const chapter = add('chapter', `Week ${c}: ${random.pick(TOPICS)}`, { children: [] });
    course.children!.push(chapter.id);
    const chapterEntry = { id: chapter.id, blockId: chapter.block_id, sequentials: [] as CourseContent['chapters'][number]['sequentials'] };
    content.chapters.push(chapterEntry);
    const sequentials = random.int(2, 4);
    for (let s = 1; s <= sequentials; s += 1) {
      const graded = s === sequentials;
      const sequential = add('sequential', graded ? `Assessment ${c}` : `Lesson ${c}.${s}`, {
        children: [],
        graded,
        format: graded ? 'Homework' : null,
      });
      chapter.children!.push(sequential.id);
      const sequentialEntry = { id: sequential.id, blockId: sequential.block_id, units: [] as Unit[] };
      chapterEntry.sequentials.push(sequentialEntry);
      const units = random.int(2, 4);
      for (let u = 1; u <= units; u += 1) {
        const vertical = add('vertical', `Unit ${c}.${s}.${u}`, { children: [] });
        sequential.children!.push(vertical.id);
        const unit: Unit = { id: vertical.id };
        sequentialEntry.units.push(unit);
        if (!graded && random.chance(0.7)) {
          const video = add('video', `Video ${c}.${s}.${u}`);
          vertical.children!.push(video.id);
          unit.video = { id: video.id, duration: random.int(90, 900), code: random.chance(0.6) ? random.hex(11) : 'html5' };
          content.videos.push(unit.video);
        }
        if (graded || random.chance(0.4)) {
          const problem = add('problem', `Question ${c}.${s}.${u}`, { graded });
          vertical.children!.push(problem.id);
          unit.problem = { id: problem.id, displayName: problem.display_name, maxGrade: random.int(1, 3), difficulty: random.next() * 0.6 };
          content.problems.push(unit.problem);
        }
        if (random.chance(0.3)) vertical.children!.push(add('html', `Reading ${c}.${s}.${u}`).id);
        if (random.chance(0.15)) {
          const discussion = add('discussion', `Discuss ${c}.${s}.${u}`);
          vertical.children!.push(discussion.id);
          unit.discussion = { id: discussion.id, commentableId: random.hex(40) };
          content.discussions.push(unit.discussion);
        }
      }
    }
  }
  return content;
}

import { ratio } from '../lib/format.js';
import type { CourseBlocks, VideoRow, VideoTimelineRow } from '../lib/types.js';
import { blockIndex, outline, type Section } from './course-structure.js';

/** Views of one video, or the per-video averages of a section or subsection. */
export interface ViewCounts {
  /** Videos counted (1 for a video). */
  videos: number;
  /** (Average) complete views: `users_at_end`. */
  complete: number;
  /** (Average) incomplete views: `users_at_start − users_at_end`. */
  incomplete: number;
  /** `users_at_end ÷ max(users_at_start, users_at_end)` (summed over the videos of a group). */
  completion: number;
  start: number;
  end: number;
}

export interface VideoEntry extends ViewCounts {
  id: string;
  name: string;
  order: number;
  /** The data API video, null when it has no data. */
  video: VideoRow | null;
}

export interface VideoGroup extends ViewCounts {
  id: string;
  name: string;
  order: number;
}

export interface VideoTree {
  sections: Array<VideoGroup & { subsections: Array<VideoGroup & { items: VideoEntry[] }> }>;
  /** True when some video has a viewer. */
  hasViews: boolean;
}

/** Averages over `videos` of per-video sums; `incomplete` sums the per-video start-only views (never negative). */
function counts(start: number, end: number, incomplete: number, videos: number): ViewCounts {
  const n = Math.max(videos, 1);
  return { videos, complete: end / n, incomplete: incomplete / n, completion: ratio(end, end + incomplete), start, end };
}

function sumCounts(entries: ReadonlyArray<ViewCounts>, videos: number): ViewCounts {
  const sum = (f: (e: ViewCounts) => number) => entries.reduce((s, e) => s + f(e), 0);
  const incomplete = sum((e) => e.incomplete * Math.max(e.videos, 1));
  return counts(sum((e) => e.start), sum((e) => e.end), incomplete, videos);
}

/** Joins the videos to the course outline; sections and subsections without videos are left out. */
export function presentVideoTree(blocks: CourseBlocks, videos: ReadonlyArray<VideoRow>): VideoTree {
  const find = blockIndex(blocks, 'video');
  const byBlock = new Map<string, VideoRow>();
  for (const v of videos) {
    const block = find(v.encoded_module_id);
    if (block && !byBlock.has(block.id)) byBlock.set(block.id, v);
  }
  const tree: Section[] = outline(blocks, 'video');
  const sections = tree.map((section) => {
    const subsections = section.children.map((sub) => {
      const entries: VideoEntry[] = sub.children.map((leaf) => {
        const v = byBlock.get(leaf.id) ?? null;
        const start = v?.users_at_start ?? 0;
        const end = v?.users_at_end ?? 0;
        return { id: leaf.id, name: leaf.name, order: leaf.order, video: v, ...counts(start, end, Math.max(start - end, 0), 1) };
      });
      return { id: sub.id, name: sub.name, order: sub.order, items: entries, ...sumCounts(entries, entries.length) };
    }).filter((s) => s.items.length > 0);
    const n = subsections.reduce((s, e) => s + e.videos, 0);
    return { id: section.id, name: section.name, order: section.order, subsections, ...sumCounts(subsections, n) };
  }).filter((s) => s.subsections.length > 0);
  return { sections, hasViews: [...byBlock.values()].some((v) => v.users_at_start > 0 || v.users_at_end > 0) };
}

/** "m:ss" (or "h:mm:ss") of a number of seconds. */
export function formatVideoTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${String(m).padStart(2, '0')}:${sec}`;
}

export interface TimelinePoint {
  seconds: number;
  time: string;
  uniqueViewers: number;
  replays: number;
}

/**
 * The legacy timeline: segments missing up to `floor(duration / segment_length)` are zeros, replays are
 * `num_views − num_users`, and a last point at the duration repeats the last segment.
 */
export function presentTimeline(rows: ReadonlyArray<VideoTimelineRow>, video: Pick<VideoRow, 'duration' | 'segment_length'>): TimelinePoint[] {
  const len = video.segment_length > 0 ? video.segment_length : 5;
  const bySegment = new Map(rows.map((r) => [r.segment, r]));
  const maxData = rows.reduce((m, r) => Math.max(m, r.segment), -1);
  const lastSegment = video.duration ? Math.max(Math.floor(video.duration / len), maxData) : maxData;
  const points: TimelinePoint[] = [];
  for (let seg = 0; seg <= lastSegment; seg++) {
    const r = bySegment.get(seg);
    const users = r?.num_users ?? 0;
    points.push({ seconds: seg * len, time: formatVideoTime(seg * len), uniqueViewers: users, replays: Math.max((r?.num_views ?? 0) - users, 0) });
  }
  const last = points[points.length - 1];
  if (last && video.duration && video.duration > last.seconds) {
    points.push({ ...last, seconds: video.duration, time: formatVideoTime(video.duration) });
  }
  return points;
}

/** The flat, ordered list of videos (for Previous/Next), with the ids of their section and subsection. */
export function videoSequence(tree: VideoTree): Array<{ sectionId: string; subsectionId: string; video: VideoEntry }> {
  return tree.sections.flatMap((s) => s.subsections.flatMap((ss) => ss.items.map((video) => ({ sectionId: s.id, subsectionId: ss.id, video }))));
}

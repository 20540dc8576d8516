import { describe, expect, it } from 'vitest';
import { buildTrendOption } from '../../../src/web/client/charts/trend.js';
import { presentEngagement } from '../../../src/web/client/presenters/engagement-content.js';
import { formatVideoTime, presentTimeline, presentVideoTree, videoSequence } from '../../../src/web/client/presenters/videos.js';
import { blockIndex, htmlEncodedId, outline } from '../../../src/web/client/presenters/course-structure.js';
import type { ActivityRow, EnrollmentRow, VideoRow } from '../../../src/web/client/lib/types.js';
import { key, outlineFixture } from './fixtures-outline.js';

const C = 'course-v1:edX+DemoX+Demo_Course';
const week = (end: string, any: number, video: number, problem: number, forum?: number): ActivityRow => ({
  course_id: C, interval_start: '2024-01-01T000000', interval_end: `${end}T000000`, any, played_video: video, attempted_problem: problem,
  ...(forum === undefined ? {} : { posted_forum: forum }), created: '2024-03-20T101500',
});
const enr = (date: string, count: number): EnrollmentRow => ({ course_id: C, date, count, created: '2024-03-20T101500' });

describe('engagement content', () => {
  it('uses interval_end − 1 day as the week ending and the enrollment of that day', () => {
    const p = presentEngagement([week('2024-03-18', 50, 20, 10), week('2024-03-11', 40, 30, 5)], [enr('2024-03-09', 90), enr('2024-03-10', 100), enr('2024-03-17', 200)]);
    expect(p.weeks.map((w) => w.weekEnding)).toEqual(['2024-03-10', '2024-03-17']);
    expect(p.weeks.map((w) => w.percentActive)).toEqual([0.4, 0.25]);
    expect(p.types.map((t) => t.label)).toEqual(['Active Learners', 'Watched a Video', 'Tried a Problem']);
    expect(p.metrics.map((m) => [m.label, m.value, m.percent])).toEqual([
      ['Active Learners Last Week', 50, 0.25], ['Watched a Video Last Week', 20, 0.1], ['Tried a Problem Last Week', 10, 0.05],
    ]);
    const option = buildTrendOption({ dates: p.weeks.map((w) => w.weekEnding), series: p.types.map((t) => ({ name: t.label, values: p.weeks.map((w) => w.counts[t.key]) })), yAxisName: 'Learners', stacked: false });
    expect((option.series as Array<{ data: number[] }>).map((s) => s.data)).toEqual([[40, 50], [30, 20], [5, 10]]);
  });
  it('shows discussions only when present, and a null percentage without enrollment', () => {
    const p = presentEngagement([week('2024-03-18', 5, 1, 1, 2)], []);
    expect(p.types.map((t) => t.key)).toContain('posted_forum');
    expect(p.weeks[0]!.percentActive).toBeNull();
    expect(p.metrics[3]).toMatchObject({ label: 'Participated in Discussions Last Week', value: 2, percent: null });
  });
  it('treats a missing activity type as 0', () => {
    const row: ActivityRow = { course_id: C, interval_start: 'x', interval_end: '2024-03-18T000000', any: 3, created: 'x' };
    expect(presentEngagement([row], []).weeks[0]!.counts).toEqual({ any: 3, played_video: 0, attempted_problem: 0, posted_forum: 0 });
  });
});

describe('course structure', () => {
  it('walks sections, subsections and leaves in order', () => {
    const o = outline(outlineFixture(), 'video');
    expect(o.map((s) => [s.name, s.children.map((ss) => [ss.name, ss.children.map((l) => l.name)])])).toEqual([
      ['Week 1', [['HW 1', ['Video 1']], ['Practice', ['Video 2', 'Video 3']]]], ['Week 2', [['Final', []]]], ['(Untitled)', []],
    ]);
  });
  it('matches usage keys, block ids and html-encoded i4x ids', () => {
    const find = blockIndex(outlineFixture(), 'video');
    expect(find(key('video', 'v2'))?.block_id).toBe('v2');
    expect(find('v3')?.block_id).toBe('v3');
    expect(find('nope')).toBeUndefined();
    expect(htmlEncodedId('i4x://edX/DemoX/video/0b9e')).toBe('i4x-edX-DemoX-video-0b9e');
  });
});

const video = (id: string, start: number, end: number, duration: number | null = 100): VideoRow => ({
  pipeline_video_id: `${C}|${id}`, encoded_module_id: id, duration, segment_length: 5, users_at_start: start, users_at_end: end, created: '2024-03-20T101500',
});

describe('videos', () => {
  it('averages complete and incomplete views per section and subsection', () => {
    const tree = presentVideoTree(outlineFixture(), [video('v1', 10, 6), video(key('video', 'v2'), 20, 10), video('v3', 4, 5)]);
    expect(tree.hasViews).toBe(true);
    expect(tree.sections).toHaveLength(1);
    const s = tree.sections[0]!;
    expect([s.videos, s.complete, s.incomplete, s.completion]).toEqual([3, 21 / 3, 14 / 3, 21 / 35]);
    const practice = s.subsections[1]!;
    expect([practice.name, practice.videos, practice.complete, practice.incomplete]).toEqual(['Practice', 2, 7.5, 5]);
    expect(practice.items.map((v) => [v.name, v.complete, v.incomplete, v.completion])).toEqual([['Video 2', 10, 10, 0.5], ['Video 3', 5, 0, 1]]);
    expect(videoSequence(tree).map((e) => e.video.name)).toEqual(['Video 1', 'Video 2', 'Video 3']);
  });
  it('fills the timeline, computes replays and adds the end point', () => {
    const points = presentTimeline([
      { segment: 0, num_users: 10, num_views: 14, created: 'x' }, { segment: 2, num_users: 6, num_views: 6, created: 'x' },
    ], { duration: 17, segment_length: 5 });
    expect(points.map((p) => [p.time, p.uniqueViewers, p.replays])).toEqual([
      ['00:00', 10, 4], ['00:05', 0, 0], ['00:10', 6, 0], ['00:15', 0, 0], ['00:17', 0, 0],
    ]);
    expect(formatVideoTime(3725)).toBe('1:02:05');
  });
  it('reports no views when nothing matched', () => {
    expect(presentVideoTree(outlineFixture(), [video('other', 5, 5)]).hasViews).toBe(false);
  });
});

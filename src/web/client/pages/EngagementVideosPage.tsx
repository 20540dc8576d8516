import { useMemo } from 'react';
import { TrendChart } from '../components/charts/TrendChart.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Alert, Loading, LoadError, NoData } from '../components/States.js';
import { COMPLETE_COLOR, INCOMPLETE_COLOR } from '../charts/stacked-bar.js';
import { csvUrl, dataUrl } from '../lib/api.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { coursePageUrl, restSegments, segment } from '../lib/routes.js';
import { Link } from '../lib/router.js';
import type { VideoRow, VideoTimelineRow } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { csvDataUrl, toCsv } from '../presenters/csv.js';
import { presentTimeline, presentVideoTree, videoSequence, type VideoEntry, type VideoTree } from '../presenters/videos.js';
import type { CoursePageProps } from './course-page.js';
import { Breadcrumbs, formatAverage, PrevNext, StackedBarChart, useCourseBlocks } from './drilldown-shared.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';

const NO_VIEWS = 'Looks like no one has watched any videos in these sections.';
const SECTION_TIP = 'Each bar shows the average number of complete and incomplete views for videos in that section. Click on bars with low totals or a high incomplete rate to drill down and understand why.';
const VIDEO_TIP = 'Each bar shows the counts of complete and incomplete views for that video. Click to understand where learners drop off and which parts they replay.';
const TIMELINE_TIP = 'The number of learners who watched each segment of the video, and the number of replays for each segment.';

interface Row {
  id: string;
  order: number;
  name: string;
  href: string | null;
  videos: number;
  complete: number;
  incomplete: number;
  completion: number;
}

export default function EngagementVideosPage({ courseId, rest }: CoursePageProps) {
  const blocks = useCourseBlocks(courseId);
  const videosUrl = dataUrl(`courses/${courseId}/videos/`);
  const videos = useData<VideoRow[]>(videosUrl);
  const rows = useMemo(() => (videos.state === 'ok' ? videos.data : []), [videos]);
  const tree = useMemo(() => (blocks.state === 'ok' ? presentVideoTree(blocks.data, rows) : null), [blocks, rows]);
  const [kind, sectionId, kind2, subsectionId, kind3, videoId, kind4] = restSegments(rest);

  if (videos.state === 'forbidden' || blocks.state === 'forbidden') return <ForbiddenPage />;
  const validPath = (kind === undefined) || (kind === 'sections' && sectionId !== undefined && (kind2 === undefined
    || (kind2 === 'subsections' && subsectionId !== undefined && (kind3 === undefined || (kind3 === 'modules' && videoId !== undefined && kind4 === 'timeline')))));
  if (!validPath) return <NotFoundPage />;
  const body = videos.state === 'loading' || blocks.state === 'loading' ? <Loading what="video data" />
    : videos.state === 'error' ? <LoadError what="this chart" detail={videos.message} />
      : blocks.state === 'error' || blocks.state === 'empty' ? <LoadError what="this chart" detail="The course structure is not available." />
        : videos.state === 'empty' || !tree || !tree.hasViews ? <Alert title={NO_VIEWS} />
          : videoId !== undefined ? <VideoTimeline courseId={courseId} tree={tree} sectionId={sectionId!} subsectionId={subsectionId!} videoId={videoId} />
            : <VideoLevel courseId={courseId} tree={tree} sectionId={sectionId} subsectionId={subsectionId} rows={rows} />;
  return (
    <div className="page">
      <h1 className="page-title">Engagement Videos</h1>
      {body}
    </div>
  );
}

function base(courseId: string): string {
  return coursePageUrl(courseId, 'engagement/videos');
}
function sectionUrl(courseId: string, s: string): string {
  return `${base(courseId)}sections/${segment(s)}/`;
}
function subsectionUrl(courseId: string, s: string, ss: string): string {
  return `${sectionUrl(courseId, s)}subsections/${segment(ss)}/`;
}
function timelineUrl(courseId: string, s: string, ss: string, v: string): string {
  return `${subsectionUrl(courseId, s, ss)}modules/${segment(v)}/timeline/`;
}

function VideoLevel({ courseId, tree, sectionId, subsectionId, rows }: { courseId: string; tree: VideoTree; sectionId?: string; subsectionId?: string; rows: VideoRow[] }) {
  const section = sectionId === undefined ? undefined : tree.sections.find((s) => s.id === sectionId);
  const subsection = subsectionId === undefined ? undefined : section?.subsections.find((s) => s.id === subsectionId);
  const level: 'course' | 'section' | 'subsection' = subsectionId !== undefined ? 'subsection' : sectionId !== undefined ? 'section' : 'course';
  const table: Row[] = useMemo(() => {
    if (level === 'course') return tree.sections.map((s) => ({ ...s, href: sectionUrl(courseId, s.id) }));
    if (level === 'section') return (section?.subsections ?? []).map((s) => ({ ...s, href: subsectionUrl(courseId, sectionId!, s.id) }));
    return (subsection?.items ?? []).map((v: VideoEntry) => ({ ...v, href: v.video ? timelineUrl(courseId, sectionId!, subsectionId!, v.id) : null }));
  }, [level, tree, section, subsection, courseId, sectionId, subsectionId]);
  const input = useMemo(() => ({
    categories: table.map((r) => r.name),
    series: [
      { name: level === 'subsection' ? 'Complete Views' : 'Average Complete Views', values: table.map((r) => r.complete), color: COMPLETE_COLOR },
      { name: level === 'subsection' ? 'Incomplete Views' : 'Average Incomplete Views', values: table.map((r) => r.incomplete), color: INCOMPLETE_COLOR },
    ],
    yAxisName: 'Views',
  }), [table, level]);
  const hrefs = useMemo(() => table.map((r) => r.href), [table]);
  if ((level !== 'course' && !section) || (level === 'subsection' && !subsection)) return <NotFoundPage />;
  const nameHeader = level === 'course' ? 'Section Name' : level === 'section' ? 'Subsection Name' : 'Video Name';
  const avg = level === 'subsection' ? '' : 'Average ';
  const fmt = level === 'subsection' ? (n: number) => formatNumber(n) : formatAverage;
  const columns: Array<Column<Row>> = [
    { key: 'order', header: 'Order', cell: (r) => r.order, numeric: true },
    { key: 'name', header: nameHeader, cell: (r) => (r.href ? <Link href={r.href}>{r.name}</Link> : r.name) },
    ...(level === 'subsection' ? [] : [{ key: 'videos', header: 'Videos', cell: (r: Row) => formatNumber(r.videos), numeric: true }]),
    { key: 'complete', header: `${avg}Complete Views`, cell: (r) => fmt(r.complete), numeric: true },
    { key: 'incomplete', header: `${avg}Incomplete Views`, cell: (r) => fmt(r.incomplete), numeric: true },
    { key: 'completion', header: 'Completion Percentage', cell: (r) => formatPercent(r.completion), numeric: true },
  ];
  const csv = csvDataUrl(toCsv(
    ['Order', nameHeader, ...(level === 'subsection' ? [] : ['Videos']), `${avg}Complete Views`, `${avg}Incomplete Views`, 'Completion Percentage'],
    table.map((r) => [r.order, r.name, ...(level === 'subsection' ? [] : [r.videos]), Math.round(r.complete * 10) / 10, Math.round(r.incomplete * 10) / 10, (r.completion * 100).toFixed(1)]),
  ));
  const crumbs = [
    { label: 'All Sections', href: base(courseId) },
    ...(section ? [{ label: section.name, href: sectionUrl(courseId, section.id) }] : []),
    ...(subsection ? [{ label: subsection.name, href: subsectionUrl(courseId, section!.id, subsection.id) }] : []),
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <StackedBarChart
        input={input}
        hrefs={hrefs}
        what="Video views"
        title="Video Views"
        question="How did learners interact with course videos?"
        tooltip={level === 'subsection' ? VIDEO_TIP : SECTION_TIP}
        download={<DownloadCsv href={csv} filename={`${courseFilePrefix(courseId)}--engagement-videos.csv`} context="Video Views" />}
        table={<DataTable caption="Video Views" columns={columns} rows={table} rowKey={(r) => r.id} />}
      />
      <UpdatedFooter label="Video data" rows={rows} />
    </>
  );
}

function VideoTimeline({ courseId, tree, sectionId, subsectionId, videoId }: { courseId: string; tree: VideoTree; sectionId: string; subsectionId: string; videoId: string }) {
  const sequence = useMemo(() => videoSequence(tree).filter((e) => e.video.video !== null), [tree]);
  const index = sequence.findIndex((e) => e.video.id === videoId && e.subsectionId === subsectionId);
  const entry = sequence[index];
  const video = entry?.video.video ?? null;
  const url = video ? dataUrl(`videos/${encodeURIComponent(video.pipeline_video_id)}/timeline/`) : null;
  const timeline = useData<VideoTimelineRow[]>(url);
  const points = useMemo(() => (timeline.state === 'ok' && video ? presentTimeline(timeline.data, video) : []), [timeline, video]);
  const input = useMemo(() => ({
    dates: points.map((p) => p.time),
    series: [{ name: 'Unique Viewers', values: points.map((p) => p.uniqueViewers) }, { name: 'Replays', values: points.map((p) => p.replays) }],
    yAxisName: 'Views',
    stacked: true,
  }), [points]);
  if (!entry || !video || entry.sectionId !== sectionId) return <NotFoundPage />;
  const section = tree.sections.find((s) => s.id === sectionId)!;
  const subsection = section.subsections.find((s) => s.id === subsectionId)!;
  const prev = sequence[index - 1];
  const next = sequence[index + 1];
  const link = (e: typeof prev) => (e ? timelineUrl(courseId, e.sectionId, e.subsectionId, e.video.id) : null);
  return (
    <>
      <Breadcrumbs items={[
        { label: 'All Sections', href: base(courseId) },
        { label: section.name, href: sectionUrl(courseId, section.id) },
        { label: subsection.name, href: subsectionUrl(courseId, section.id, subsection.id) },
        { label: entry.video.name },
      ]} />
      <h2 className="section-title">What were the viewing patterns for this video?</h2>
      <MetricCards title="Video Metrics">
        <MetricCard label="Completion Rate" value={formatPercent(entry.video.completion)} tooltip="Estimated percentage of learners who watched the entire video." />
        <MetricCard label="Started Video" value={formatNumber(video.users_at_start)} tooltip="Learners who started watching the video." />
        <MetricCard label="Finished Video" value={formatNumber(video.users_at_end)} tooltip="Learners who watched the video to the end." />
      </MetricCards>
      {timeline.state === 'loading' ? <Loading what="video timeline" />
        : timeline.state === 'forbidden' ? <ForbiddenPage />
          : timeline.state === 'error' ? <LoadError what="this chart" detail={timeline.message} />
            : timeline.state === 'empty' || points.length === 0 ? <NoData what="this chart" /> : (
              <>
                <TrendChart
                  input={input}
                  what={`Total video views of ${entry.video.name}`}
                  title="Total Video Views"
                  tooltip={TIMELINE_TIP}
                  download={<DownloadCsv href={csvUrl(url!)} filename={`${courseFilePrefix(courseId)}--engagement-video-timeline.csv`} context="Total Video Views" />}
                  table={<DataTable caption="Total Video Views" rows={points} rowKey={(p) => String(p.seconds)} columns={[
                    { key: 'time', header: 'Time', cell: (p) => p.time },
                    { key: 'users', header: 'Unique Viewers', cell: (p) => formatNumber(p.uniqueViewers), numeric: true },
                    { key: 'replays', header: 'Replays', cell: (p) => formatNumber(p.replays), numeric: true },
                  ]} />}
                />
                <UpdatedFooter label="Video data" rows={timeline.state === 'ok' ? timeline.data : []} />
              </>
            )}
      <PrevNext prev={link(prev)} next={link(next)} prevLabel="Previous Video" nextLabel="Next Video" />
    </>
  );
}

import type { ReportsStore } from '../../store/reports-store.js';

/**
 * The course of a video, for video_timeline rows (which have no course_id): the `{course_id}|…` prefix every
 * pipeline_video_id has, else the video table. Undefined when neither knows.
 */
export async function courseOfVideo(store: ReportsStore, pipelineVideoId: string): Promise<string | undefined> {
  const separator = pipelineVideoId.indexOf('|');
  if (separator > 0) return pipelineVideoId.slice(0, separator);
  const video = await store.db.selectFrom('video').select('course_id').where('pipeline_video_id', '=', pipelineVideoId).executeTakeFirst();
  return video?.course_id;
}

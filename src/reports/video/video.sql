-- One row per video (legacy video): its duration, viewers of the first segment and of the end, and seconds viewed
-- (views of the published segments times the segment length).
select
  video_usage.pipeline_video_id as pipeline_video_id,
  video_usage.course_id as course_id,
  video_usage.encoded_module_id as encoded_module_id,
  video_usage.duration as duration,
  video_usage.segment_length as segment_length,
  video_usage.users_at_start as users_at_start,
  video_usage.users_at_end as users_at_end,
  cast(sum(video_usage.num_views) * video_usage.segment_length as integer) as total_viewed_seconds
from video_usage
group by
  video_usage.pipeline_video_id,
  video_usage.course_id,
  video_usage.encoded_module_id,
  video_usage.duration,
  video_usage.segment_length,
  video_usage.users_at_start,
  video_usage.users_at_end

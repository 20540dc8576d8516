-- Viewers and views per segment of each video (legacy video_timeline).
select
  video_usage.pipeline_video_id as pipeline_video_id,
  video_usage.segment as segment,
  video_usage.num_users as num_users,
  video_usage.num_views as num_views
from video_usage

-- Viewers and views per 5-second segment of each video (the legacy VideoUsageTask and its Hive video_usage table).
-- A viewing counts its learner and one view in every segment from the one holding its start offset to the one holding
-- its end offset. A video's duration is the longest any viewing reported; when some viewing did not report one, the
-- last segment is where the viewers drop off sharply (the next watched segment above has at most 5% of its viewers),
-- and the duration is taken to end that segment. Segments past the last one are left out only when the last one was
-- watched, as the legacy reducer did.
with settings as (
  select 5 as segment_length, 0.05::double as dropoff_threshold
),
viewings as (
  select
    video_viewings.user_id as user_id,
    video_viewings.course_id as course_id,
    video_viewings.encoded_module_id as encoded_module_id,
    video_viewings.duration as duration,
    cast(floor(video_viewings.start_offset) as bigint) // settings.segment_length as first_segment,
    cast(floor(video_viewings.end_offset) as bigint) // settings.segment_length as last_segment
  from video_viewings
  cross join settings
  where video_viewings.drop_reason is null
),
viewed_segments as (
  select
    viewings.user_id as user_id,
    viewings.course_id as course_id,
    viewings.encoded_module_id as encoded_module_id,
    unnest(range(viewings.first_segment, viewings.last_segment + 1)) as segment
  from viewings
),
segments as (
  select
    viewed_segments.course_id as course_id,
    viewed_segments.encoded_module_id as encoded_module_id,
    viewed_segments.segment as segment,
    count(distinct viewed_segments.user_id) as num_users,
    count(*) as num_views
  from viewed_segments
  group by viewed_segments.course_id, viewed_segments.encoded_module_id, viewed_segments.segment
),
dropoffs as (
  select
    segments.course_id as course_id,
    segments.encoded_module_id as encoded_module_id,
    segments.segment as segment,
    segments.num_users as num_users,
    lead(segments.num_users) over (
      partition by segments.course_id, segments.encoded_module_id order by segments.segment
    ) as users_next_watched
  from segments
),
dropoff_ends as (
  select
    dropoffs.course_id as course_id,
    dropoffs.encoded_module_id as encoded_module_id,
    coalesce(
      max(dropoffs.segment) filter (where dropoffs.users_next_watched <= dropoffs.num_users * settings.dropoff_threshold),
      max(dropoffs.segment)
    ) as last_segment
  from dropoffs
  cross join settings
  group by dropoffs.course_id, dropoffs.encoded_module_id
),
durations as (
  select
    viewings.course_id as course_id,
    viewings.encoded_module_id as encoded_module_id,
    case when bool_or(viewings.duration is null) then null else max(viewings.duration) end as reported_duration
  from viewings
  group by viewings.course_id, viewings.encoded_module_id
),
videos as (
  select
    durations.course_id as course_id,
    durations.encoded_module_id as encoded_module_id,
    coalesce(
      durations.reported_duration,
      cast((dropoff_ends.last_segment + 1) * settings.segment_length - 1 as double)
    ) as duration,
    coalesce(
      cast(floor(durations.reported_duration) as bigint) // settings.segment_length,
      dropoff_ends.last_segment
    ) as last_segment,
    settings.segment_length as segment_length
  from durations
  join dropoff_ends
    on dropoff_ends.course_id = durations.course_id
    and dropoff_ends.encoded_module_id = durations.encoded_module_id
  cross join settings
),
video_shapes as (
  select
    videos.*,
    -- Watching to here counts as watching to the end: the last 5% of the video, at most its last 30 seconds.
    cast(floor(greatest(videos.duration - 30, videos.duration * 0.95::double)) as bigint) // videos.segment_length
      as end_segment
  from videos
),
video_totals as (
  select
    video_shapes.course_id as course_id,
    video_shapes.encoded_module_id as encoded_module_id,
    video_shapes.duration as duration,
    video_shapes.segment_length as segment_length,
    video_shapes.last_segment as last_segment,
    coalesce(max(segments.num_users) filter (where segments.segment = 0), 0) as users_at_start,
    coalesce(max(segments.num_users) filter (where segments.segment = video_shapes.end_segment), 0) as users_at_end,
    bool_or(segments.segment = video_shapes.last_segment) as last_segment_watched
  from video_shapes
  join segments
    on segments.course_id = video_shapes.course_id
    and segments.encoded_module_id = video_shapes.encoded_module_id
  group by all
)
select
  video_totals.course_id || '|' || video_totals.encoded_module_id as pipeline_video_id,
  video_totals.course_id as course_id,
  video_totals.encoded_module_id as encoded_module_id,
  cast(trunc(video_totals.duration) as integer) as duration,
  cast(video_totals.segment_length as integer) as segment_length,
  cast(video_totals.users_at_start as integer) as users_at_start,
  cast(video_totals.users_at_end as integer) as users_at_end,
  cast(segments.segment as integer) as segment,
  cast(segments.num_users as integer) as num_users,
  cast(segments.num_views as integer) as num_views
from video_totals
join segments
  on segments.course_id = video_totals.course_id
  and segments.encoded_module_id = video_totals.encoded_module_id
where segments.segment <= video_totals.last_segment or not video_totals.last_segment_watched

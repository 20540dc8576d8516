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
-- Each learner's viewings of a video, overlapping ones merged: a learner counts once in each segment.
viewer_spans as (
  select
    viewings.user_id as user_id,
    viewings.course_id as course_id,
    viewings.encoded_module_id as encoded_module_id,
    viewings.first_segment as first_segment,
    viewings.last_segment as last_segment,
    max(viewings.last_segment) over (
      partition by viewings.course_id, viewings.encoded_module_id, viewings.user_id
      order by viewings.first_segment, viewings.last_segment
      rows between unbounded preceding and 1 preceding
    ) as previous_last_segment
  from viewings
),
viewer_islands as (
  select
    viewer_spans.*,
    sum(case when viewer_spans.previous_last_segment >= viewer_spans.first_segment then 0 else 1 end) over (
      partition by viewer_spans.course_id, viewer_spans.encoded_module_id, viewer_spans.user_id
      order by viewer_spans.first_segment, viewer_spans.last_segment
      rows between unbounded preceding and current row
    ) as island
  from viewer_spans
),
viewer_ranges as (
  select
    viewer_islands.course_id as course_id,
    viewer_islands.encoded_module_id as encoded_module_id,
    min(viewer_islands.first_segment) as first_segment,
    max(viewer_islands.last_segment) as last_segment
  from viewer_islands
  group by viewer_islands.course_id, viewer_islands.encoded_module_id, viewer_islands.user_id, viewer_islands.island
),
-- Counted by where they change rather than segment by segment: +1 where a viewing (or a learner's merged range)
-- starts, -1 after it ends; the running sums are the viewers and views of every segment up to the next change.
changes as (
  select ranges.course_id as course_id, ranges.encoded_module_id as encoded_module_id, ranges.first_segment as segment,
    1 as users, 0 as views
  from viewer_ranges as ranges
  union all
  select ranges.course_id, ranges.encoded_module_id, ranges.last_segment + 1, -1, 0 from viewer_ranges as ranges
  union all
  select viewings.course_id, viewings.encoded_module_id, viewings.first_segment, 0, 1 from viewings
  union all
  select viewings.course_id, viewings.encoded_module_id, viewings.last_segment + 1, 0, -1 from viewings
),
change_points as (
  select
    changes.course_id as course_id,
    changes.encoded_module_id as encoded_module_id,
    changes.segment as segment,
    sum(changes.users) as users,
    sum(changes.views) as views
  from changes
  group by changes.course_id, changes.encoded_module_id, changes.segment
),
running_counts as (
  select
    points.course_id as course_id,
    points.encoded_module_id as encoded_module_id,
    points.segment as segment,
    lead(points.segment) over video as next_change,
    cast(sum(points.users) over video as bigint) as num_users,
    cast(sum(points.views) over video as bigint) as num_views
  from change_points as points
  window video as (partition by points.course_id, points.encoded_module_id order by points.segment)
),
segments as (
  select
    counts.course_id as course_id,
    counts.encoded_module_id as encoded_module_id,
    unnest(range(counts.segment, counts.next_change)) as segment,
    counts.num_users as num_users,
    counts.num_views as num_views
  from running_counts as counts
  where counts.num_views > 0
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

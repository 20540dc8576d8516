-- Plays that make no viewing, by reason (the legacy "Discard Viewing …" counters).
select
  video_viewings.drop_reason as reason,
  cast(count(*) as integer) as viewings
from video_viewings
where video_viewings.drop_reason is not null
group by video_viewings.drop_reason
order by video_viewings.drop_reason

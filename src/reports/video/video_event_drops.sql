-- Video events that cannot be used, by reason (the legacy "Discard Video Missing …" and "Quality … Time-Offset"
-- counters).
select
  video_events.drop_reason as reason,
  cast(count(*) as integer) as events
from video_events
where video_events.drop_reason is not null
group by video_events.drop_reason
order by video_events.drop_reason

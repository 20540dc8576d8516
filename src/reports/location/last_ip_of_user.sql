-- Each learner's last IP address in the interval, across all courses, as the legacy location report took it (of
-- events at the same last time, the greatest address, so that reruns agree).
select
  events.user_id as user_id,
  arg_max(events.ip, row(events.time, events.ip)) as ip
from events
where events.user_id is not null
  and events.ip is not null
  and events.time is not null
  and events.date >= $interval_start::date
  and events.date < $interval_end::date
group by events.user_id

-- Each learner's last IP address in the interval, across all courses, as the legacy location report took it.
with addresses as (
  select
    events.user_id as user_id,
    events.ip as ip,
    row_number() over (partition by events.user_id order by events.time desc, events.ip desc) as rn
  from events
  where events.user_id is not null
    and events.ip is not null
    and events.date >= $interval_start::date
    and events.date < $interval_end::date
)
select user_id, ip
from addresses
where rn = 1

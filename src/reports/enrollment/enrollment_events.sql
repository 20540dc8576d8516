-- Enrollment events of the interval. As the legacy pipeline did, course, user and mode come from the event payload
-- (not the context); an event missing any of them is dropped later and counted under its reason.
select
  valid_course_key(nullif(strip(events.event ->> '$.course_id'), '')) as course_id,
  nullif(strip(events.event ->> '$.course_id'), '') is not null as has_course_id,
  try_cast(events.event ->> '$.user_id' as bigint) as user_id,
  nullif(events.event ->> '$.mode', '') as mode,
  events.time as time,
  events.date as date,
  events.event_type as event_type
from events
where events.event_type in (
    'edx.course.enrollment.activated', 'edx.course.enrollment.deactivated', 'edx.course.enrollment.mode_changed'
  )
  and events.date >= $interval_start::date
  and events.date < $interval_end::date

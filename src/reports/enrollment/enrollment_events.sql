-- Enrollment events of the interval. As the legacy pipeline did, course, user and mode come from the event payload
-- (not the context); an event missing any of them is dropped later and counted under its reason.
select
  valid_course_key(nullif(strip(json_text(events.event, '$.course_id')), '')) as course_id,
  nullif(strip(json_text(events.event, '$.course_id')), '') is not null as has_course_id,
  whole_number(json_text(events.event, '$.user_id')) as user_id,
  nullif(json_text(events.event, '$.mode'), '') as mode,
  events.time as time,
  events.date as date,
  events.event_type as event_type
from events
where events.event_type in (
    'edx.course.enrollment.activated', 'edx.course.enrollment.deactivated', 'edx.course.enrollment.mode_changed'
  )
  and events.date >= $interval_start::date
  and events.date < $interval_end::date

-- Learner activity per course, day and label, as the legacy weekly engagement counted it: events of a known learner
-- (context.user_id) in a course (the context's course, else the URL: the event type of a server event, the page of
-- a browser event), leaving out background tasks and enrollment events.
with activity_events as (
  select
    events.user_id as user_id,
    event_course(events.course_id, events.course_from_context, events.event_source, events.event_type, events.page)
      as course_id,
    events.date as date,
    events.event_type as event_type,
    events.event_source as event_source
  from events
  where events.user_id is not null
    and events.date >= $interval_start::date
    and events.date < $interval_end::date
    and coalesce(events.event_source, '') <> 'task'
    and events.event_type not like 'edx.course.enrollment.%'
),
labelled as (
  select course_id, user_id, date, 'ACTIVE' as label from activity_events
  union all
  select course_id, user_id, date, 'ATTEMPTED_PROBLEM' from activity_events
  where event_type = 'problem_check' and event_source = 'server'
  union all
  select course_id, user_id, date, 'POSTED_FORUM' from activity_events
  where event_type like 'edx.forum.%.created' and event_source = 'server'
  union all
  select course_id, user_id, date, 'PLAYED_VIDEO' from activity_events
  where event_type = 'play_video' and event_source in ('browser', 'mobile')
)
select distinct course_id, user_id, date, label
from labelled
where course_id is not null

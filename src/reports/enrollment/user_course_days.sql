-- Each learner's enrollment state in each course as spans of days: from a day with events up to the next such day
-- (or the end of the interval). A span holds the state at the end of its first day: enrolled when the last
-- activation or deactivation so far was an activation (repeated ones change nothing), and the mode of the day's last
-- event of any kind. Learners have spans from their first event on, also when it is a deactivation.
with usable_events as (
  select course_id, user_id, time, date, event_type, mode
  from enrollment_events
  where course_id is not null and user_id is not null and mode is not null
),
states as (
  select
    course_id,
    user_id,
    date,
    mode,
    last_value(
      case event_type when 'edx.course.enrollment.activated' then 1 when 'edx.course.enrollment.deactivated' then 0 end
      ignore nulls
    ) over (
      partition by course_id, user_id order by time, event_type, mode rows between unbounded preceding and current row
    ) as enrolled,
    row_number() over (partition by course_id, user_id, date order by time desc, event_type desc, mode desc) as rn
  from usable_events
),
day_ends as (
  select course_id, user_id, date as start_date, coalesce(enrolled, 0) as at_end, mode
  from states
  where rn = 1
)
select
  day_ends.course_id as course_id,
  day_ends.user_id as user_id,
  day_ends.start_date as start_date,
  coalesce(
    lead(day_ends.start_date) over (partition by day_ends.course_id, day_ends.user_id order by day_ends.start_date),
    $interval_end::date
  ) as end_date,
  day_ends.at_end as at_end,
  day_ends.mode as mode
from day_ends

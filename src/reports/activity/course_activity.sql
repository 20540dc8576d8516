-- Distinct active learners per course, complete ISO week (Monday to Monday) and label.
select
  activity.course_id as course_id,
  cast(calendar.iso_week_start as varchar) || ' 00:00:00' as interval_start,
  cast(calendar.iso_week_end as varchar) || ' 00:00:00' as interval_end,
  activity.label as label,
  cast(count(distinct activity.user_id) as integer) as count
from user_activity as activity
join calendar on calendar.date = activity.date
group by activity.course_id, calendar.iso_week_start, calendar.iso_week_end, activity.label

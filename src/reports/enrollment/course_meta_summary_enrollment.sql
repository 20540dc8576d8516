-- Per course and mode on the last day of the interval: enrolled and cumulative learners, the change over 7 days,
-- learners who passed (counted in the mode they had on their last enrollment day up to the grade's date), and the
-- catalog columns from the LMS course overview when it has one.
with last_day as (
  select course_id, value as mode, count, cumulative_count
  from enrollment_daily_counts
  where breakdown = 'mode' and date = $interval_end::date - 1
),
week_before as (
  select course_id, value as mode, count
  from enrollment_daily_counts
  where breakdown = 'mode' and date = $interval_end::date - 8
),
graded_modes as (
  select
    grades.course_id as course_id,
    grades.user_id as user_id,
    spans.mode as mode,
    grades.passed_timestamp is not null and coalesce(grades.letter_grade, '') <> '' as passed,
    row_number() over (partition by grades.course_id, grades.user_id order by spans.start_date desc) as rn
  from lms_grades_persistentcoursegrade as grades
  join user_course_days as spans
    on spans.course_id = grades.course_id
    and spans.user_id = grades.user_id
    and spans.start_date <= cast(substr(grades.modified, 1, 10) as date)
),
passing as (
  select course_id, mode, count(distinct user_id) as passing_users
  from graded_modes
  where rn = 1 and passed
  group by course_id, mode
),
catalog as (
  select
    overviews.id as course_id,
    overviews.display_name as catalog_course_title,
    overviews.display_org_with_default || '+' || overviews.display_number_with_default as catalog_course,
    overviews.start as start_time,
    overviews."end" as end_time,
    case when overviews.self_paced = 1 then 'self_paced' else 'instructor_paced' end as pacing_type,
    case
      when overviews."end" is not null and overviews."end" < $run_time then 'Archived'
      when overviews.start is not null and overviews.start > $run_time then 'Upcoming'
      else 'Current'
    end as availability
  from lms_course_overviews_courseoverview as overviews
)
select
  last_day.course_id as course_id,
  catalog.catalog_course_title as catalog_course_title,
  catalog.catalog_course as catalog_course,
  cast(substr(catalog.start_time, 1, 19) as varchar) as start_time,
  cast(substr(catalog.end_time, 1, 19) as varchar) as end_time,
  catalog.pacing_type as pacing_type,
  catalog.availability as availability,
  last_day.mode as enrollment_mode,
  cast(last_day.count as integer) as count,
  cast(last_day.count - coalesce(week_before.count, 0) as integer) as count_change_7_days,
  cast(last_day.cumulative_count as integer) as cumulative_count,
  cast(coalesce(passing.passing_users, 0) as integer) as passing_users
from last_day
left join week_before on week_before.course_id = last_day.course_id and week_before.mode = last_day.mode
left join passing on passing.course_id = last_day.course_id and passing.mode = last_day.mode
left join catalog on catalog.course_id = last_day.course_id

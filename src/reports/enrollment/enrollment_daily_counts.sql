-- Per course, day and breakdown (the whole course, mode, gender, birth year, education level): learners enrolled at
-- the end of the day (count) and learners who ever had an enrollment event up to that day (cumulative_count), as
-- the legacy daily tables define them. Computed from the spans' starts and ends, so the work grows with the
-- number of events, not learners × days. A breakdown value has a row on each day some learner holds it.
with profiles as (
  select
    user_id,
    case when gender <> '' then gender end as gender,
    year_of_birth as birth_year,
    case level_of_education
      when 'el' then 'primary'
      when 'jhs' then 'junior_secondary'
      when 'hs' then 'secondary'
      when 'a' then 'associates'
      when 'b' then 'bachelors'
      when 'm' then 'masters'
      when 'p' then 'doctorate'
      when 'p_se' then 'doctorate'
      when 'p_oth' then 'doctorate'
      when 'none' then 'none'
      when 'other' then 'other'
    end as education_level
  from lms_auth_userprofile
),
spans as (
  select spans.*, profiles.gender, profiles.birth_year, profiles.education_level
  from user_course_days as spans
  left join profiles on profiles.user_id = spans.user_id
),
breakdowns as (
  select course_id, 'course' as breakdown, '' as value, start_date, end_date, at_end from spans
  union all
  select course_id, 'mode', mode, start_date, end_date, at_end from spans
  union all
  select course_id, 'gender', gender, start_date, end_date, at_end from spans
  union all
  select course_id, 'birth_year', cast(birth_year as varchar), start_date, end_date, at_end from spans
  union all
  select course_id, 'education_level', education_level, start_date, end_date, at_end from spans
),
changes as (
  select course_id, breakdown, value, start_date as date, at_end as enrolled_change, 1 as learner_change
  from breakdowns
  union all
  select course_id, breakdown, value, end_date, -at_end, -1
  from breakdowns
  where end_date < $interval_end::date
),
daily_changes as (
  select course_id, breakdown, value, date, sum(enrolled_change) as enrolled_change, sum(learner_change) as learner_change
  from changes
  group by course_id, breakdown, value, date
),
first_days as (
  select course_id, breakdown, value, min(date) as first_date
  from daily_changes
  group by course_id, breakdown, value
),
grid as (
  select first_days.course_id, first_days.breakdown, first_days.value, calendar.date
  from first_days
  join calendar on calendar.date >= first_days.first_date and calendar.date < $interval_end::date
),
running as (
  select
    grid.date as date,
    grid.course_id as course_id,
    grid.breakdown as breakdown,
    grid.value as value,
    sum(coalesce(daily_changes.enrolled_change, 0)) over totals as count,
    sum(coalesce(daily_changes.learner_change, 0)) over totals as cumulative_count
  from grid
  left join daily_changes
    on daily_changes.course_id = grid.course_id
    and daily_changes.breakdown = grid.breakdown
    and daily_changes.value is not distinct from grid.value
    and daily_changes.date = grid.date
  window totals as (
    partition by grid.course_id, grid.breakdown, grid.value order by grid.date rows between unbounded preceding and current row
  )
)
select date, course_id, breakdown, value, count, cumulative_count
from running
where cumulative_count > 0

-- Only the last day of the interval, as the legacy table holds.
select
  cast(counts.date as varchar) as date,
  counts.course_id as course_id,
  counts.value as education_level,
  cast(counts.count as integer) as count,
  cast(counts.cumulative_count as integer) as cumulative_count
from enrollment_daily_counts as counts
where counts.breakdown = 'education_level' and counts.date = $interval_end::date - 1

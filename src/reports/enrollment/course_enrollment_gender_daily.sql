select
  cast(counts.date as varchar) as date,
  counts.course_id as course_id,
  counts.value as gender,
  cast(counts.count as integer) as count,
  cast(counts.cumulative_count as integer) as cumulative_count
from enrollment_daily_counts as counts
where counts.breakdown = 'gender'

select
  cast(counts.course_id as varchar) as course_id,
  cast(counts.date as varchar) as date,
  cast(counts.count as integer) as count,
  cast(counts.cumulative_count as integer) as cumulative_count
from enrollment_daily_counts as counts
where counts.breakdown = 'course'

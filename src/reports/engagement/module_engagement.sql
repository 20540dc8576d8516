-- The daily interaction counts of the run's days (the legacy table grew by one day per run; here it is whole).
select
  cast(daily.course_id as varchar) as course_id,
  cast(daily.username as varchar) as username,
  cast(daily.date as varchar) as date,
  cast(daily.entity_type as varchar) as entity_type,
  cast(daily.entity_id as varchar) as entity_id,
  cast(daily.event as varchar) as event,
  cast(daily.count as integer) as count
from module_engagement_daily as daily
where daily.date >= $interval_start::date
  and daily.date < $interval_end::date

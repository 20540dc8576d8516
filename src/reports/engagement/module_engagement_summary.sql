-- Each learner's engagement with a course over the week before the run day (the legacy module_engagement_summary):
-- only learners with some interaction that week have a row. problem_attempts_per_completed is NULL for infinity
-- (attempts but nothing completed) and for 0/0 alike; problem_attempts tells them apart.
select
  daily.course_id as course_id,
  daily.username as username,
  cast(sum(case when daily.entity_type = 'problem' and daily.event = 'attempted' then daily.count else 0 end) as integer)
    as problem_attempts,
  cast(count(distinct case when daily.entity_type = 'problem' and daily.event = 'attempted' then daily.entity_id end) as integer)
    as problems_attempted,
  cast(count(distinct case when daily.entity_type = 'problem' and daily.event = 'completed' then daily.entity_id end) as integer)
    as problems_completed,
  cast(sum(case when daily.entity_type = 'problem' and daily.event = 'attempted' then daily.count else 0 end) as double)
    / nullif(count(distinct case when daily.entity_type = 'problem' and daily.event = 'completed' then daily.entity_id end), 0)
    as problem_attempts_per_completed,
  cast(count(distinct case when daily.entity_type = 'video' and daily.event = 'viewed' then daily.entity_id end) as integer)
    as videos_viewed,
  cast(sum(case when daily.entity_type = 'discussion' then daily.count else 0 end) as integer) as discussion_contributions,
  cast(count(distinct daily.date) as integer) as days_active
from module_engagement_daily as daily
where daily.date >= $window_start::date
  and daily.date < $window_end::date
group by daily.course_id, daily.username

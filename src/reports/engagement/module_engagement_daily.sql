-- The daily interaction counts (module_engagement_actions) that have a course and an entity.
select *
from module_engagement_actions as actions
where actions.course_id is not null
  and actions.entity_id is not null
  and actions.entity_id <> ''

-- Learner interactions with course modules per day, as the legacy ModuleEngagementDataTask counted them: a server
-- problem_check is a problem attempted (and completed when its success is 'correct'), a play_video a video viewed,
-- an edx.forum.*.created event a discussion contribution. Events of anonymous learners and of usernames longer
-- than 30 characters (retired accounts) are left out; the course is the context's, else the URL's. Interactions
-- without a course or an entity are counted too: module_engagement_daily.sql leaves them out. (Filtering them here
-- would have the engine read every payload twice: it moves such a filter below the expressions it tests.)
with engagement_events as (
  select
    case
      when events.course_from_context then events.course_id
      when events.event_source = 'server' then course_key_from_url(events.event_type)
      when events.event_source = 'browser' then course_key_from_url(events.page)
    end as course_id,
    events.username as username,
    events.date as date,
    case
      when events.event_type = 'problem_check' then 'problem'
      when events.event_type = 'play_video' then 'video'
      else 'discussion'
    end as entity_type,
    -- What the interactions read of the payload, as text, in one parse (NULL: absent, null or not an object).
    from_json(events.event, '{"problem_id": "VARCHAR", "id": "VARCHAR", "commentable_id": "VARCHAR", "success": "VARCHAR"}')
      as payload
  from events
  where events.date >= $from_date::date
    and events.date < $until_date::date
    and events.username is not null
    and length(events.username) <= 30
    and (
      (events.event_type = 'problem_check' and events.event_source = 'server')
      or events.event_type = 'play_video'
      or (events.event_type like 'edx.forum.%' and events.event_type like '%.created')
    )
),
interactions as (
  select
    engagement.course_id as course_id,
    engagement.username as username,
    engagement.date as date,
    engagement.entity_type as entity_type,
    -- Truncated before counting, as the legacy record key was.
    substr(case engagement.entity_type
      when 'problem' then engagement.payload.problem_id
      when 'video' then strip(engagement.payload.id)
      else engagement.payload.commentable_id
    end, 1, 255) as entity_id,
    coalesce(lower(engagement.payload.success) = 'correct', false) as is_correct
  from engagement_events as engagement
),
actions as (
  select
    engagement.course_id as course_id,
    engagement.username as username,
    engagement.date as date,
    engagement.entity_type as entity_type,
    engagement.entity_id as entity_id,
    case engagement.entity_type when 'problem' then 'attempted' when 'video' then 'viewed' else 'contributed' end as event
  from interactions as engagement
  union all
  select
    engagement.course_id,
    engagement.username,
    engagement.date,
    engagement.entity_type,
    engagement.entity_id,
    'completed'
  from interactions as engagement
  where engagement.entity_type = 'problem' and engagement.is_correct
)
select
  actions.course_id as course_id,
  actions.username as username,
  actions.date as date,
  actions.entity_type as entity_type,
  actions.entity_id as entity_id,
  actions.event as event,
  count(*) as count
from actions
group by actions.course_id, actions.username, actions.date, actions.entity_type, actions.entity_id, actions.event

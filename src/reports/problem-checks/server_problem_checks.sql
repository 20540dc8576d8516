-- Server problem_check events of the interval with a course from the context, as the legacy answer distribution,
-- problem response and tags distribution reports read them. Each has the reason the first two skip it (NULL when it
-- counts): a learner, a problem_id, and a non-empty object of answers whose ids (and those of the submission, when
-- present) are ASCII without tabs or line breaks. The tags report counts every check, and reads its success and its
-- tagging aside.
with problem_checks as (
  select
    events.course_id as course_id,
    events.username as username,
    events.time as time,
    events.event_hash as event_hash,
    events.event as event,
    -- What the checks read of the payload and the context, each parsed once.
    json_extract(events.event, ['$.problem_id', '$.answers', '$.submission', '$.success']) as payload_parts,
    json_extract(events.context, ['$.module.display_name', '$.asides.tagging_aside.saved_tags']) as context_parts
  from events
  where events.event_type = 'problem_check'
    and events.event_source = 'server'
    and events.course_from_context
    and events.course_id is not null
    and events.date >= $interval_start::date
    and events.date < $interval_end::date
),
named as (
  select
    checks.* exclude (payload_parts, context_parts),
    checks.payload_parts[1] ->> '$' as problem_id,
    checks.payload_parts[4] ->> '$' as success,
    checks.context_parts[1] ->> '$' as problem_display_name,
    checks.context_parts[2] as saved_tags,
    checks.payload_parts[2] as answers,
    checks.payload_parts[3] as submission,
    json_keys(checks.payload_parts[2]) as answer_ids,
    json_keys(checks.payload_parts[3]) as submission_ids
  from problem_checks as checks
),
checked as (
  select
    checks.*,
    case
      when checks.username is null or checks.username = '' then 'missing_username'
      -- JSON text as the parser and json_extract write it has no leading space: an object starts with its brace.
      -- (json_type() would parse each payload once more: 15% of this query.)
      when not coalesce(starts_with(checks.event::varchar, '{'), false) then 'payload_not_object'
      when checks.problem_id is null then 'missing_problem_id'
      when checks.answers is null or (starts_with(checks.answers::varchar, '{') and len(checks.answer_ids) = 0)
        then 'missing_answers'
      when not starts_with(checks.answers::varchar, '{') then 'answers_not_object'
      when checks.submission is not null and not starts_with(checks.submission::varchar, '{') then 'submission_not_object'
      when len(list_filter(
          list_concat(checks.answer_ids, coalesce(checks.submission_ids, [])),
          answer_id -> regexp_matches(answer_id, '[\t\n]|[^[:ascii:]]'))) > 0
        then 'malformed_answer_ids'
    end as skip_reason
  from named as checks
)
select
  checked.course_id as course_id,
  checked.problem_id as problem_id,
  checked.username as username,
  checked.time as time,
  checked.event_hash as event_hash,
  checked.event as event,
  checked.success as success,
  checked.problem_display_name as problem_display_name,
  checked.saved_tags as saved_tags,
  checked.skip_reason as skip_reason
from checked

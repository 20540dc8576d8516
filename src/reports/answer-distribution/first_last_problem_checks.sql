-- Per course, problem and learner: the first and the last problem_check by time, each tagged with its attempt
-- category, with its payload as JSON (it reaches the task parsed). A single check is both the first and the last, as
-- in the legacy.
with ranked as (
  select
    checks.course_id as course_id,
    checks.problem_id as problem_id,
    checks.time as time,
    checks.event_hash as event_hash,
    checks.event as event,
    checks.problem_display_name as problem_display_name,
    -- Ties on time are broken by the event's hash only so that reruns agree; the legacy took the smaller payload text.
    row_number() over (learner_problem order by checks.time, checks.event_hash) as rn_first,
    row_number() over (learner_problem order by checks.time desc, checks.event_hash desc) as rn_last
  from answer_problem_checks as checks
  where checks.skip_reason is null
  window learner_problem as (partition by checks.course_id, checks.problem_id, checks.username)
),
attempts as (
  select ranked.*, 'first' as attempt_category from ranked where ranked.rn_first = 1
  union all
  select ranked.*, 'last' as attempt_category from ranked where ranked.rn_last = 1
)
select
  attempts.course_id as course_id,
  attempts.problem_id as problem_id,
  attempts.attempt_category as attempt_category,
  attempts.problem_display_name as problem_display_name,
  attempts.event as payload
from attempts
order by attempts.course_id, attempts.time, attempts.event_hash, attempts.attempt_category

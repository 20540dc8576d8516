-- Per course, problem and learner: the attempts of the interval, the first and last attempt times (epoch
-- milliseconds), and the latest attempt's payload as JSON (the answers the report shows; it reaches the task parsed).
with attempts as (
  select
    checks.course_id as course_id,
    checks.problem_id as problem_id,
    checks.username as username,
    checks.time as time,
    checks.event as event,
    checks.problem_display_name as problem_display_name,
    count(*) over learner_problem as total_attempts,
    min(checks.time) over learner_problem as first_attempt_date,
    max(checks.time) over learner_problem as last_attempt_date,
    -- Ties on time are broken by the event's hash only so that reruns agree; the legacy took the larger payload text.
    row_number() over (learner_problem order by checks.time desc, checks.event_hash desc) as rn
  from problem_check_events as checks
  where checks.skip_reason is null
  window learner_problem as (partition by checks.course_id, checks.problem_id, checks.username)
)
select
  attempts.course_id as course_id,
  attempts.problem_id as problem_id,
  attempts.username as username,
  attempts.problem_display_name as problem_display_name,
  attempts.event as payload,
  cast(attempts.total_attempts as integer) as total_attempts,
  epoch_ms(attempts.first_attempt_date) as first_attempt_date,
  epoch_ms(attempts.last_attempt_date) as last_attempt_date
from attempts
where attempts.rn = 1

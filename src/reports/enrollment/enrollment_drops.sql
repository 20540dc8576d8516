-- Enrollment events that cannot be used, by reason (the legacy "Discard Enroll Missing …" counters).
select
  count(*) filter (where not has_course_id) as missing_course_id,
  count(*) filter (where has_course_id and course_id is null) as invalid_course_id,
  count(*) filter (where course_id is not null and user_id is null) as missing_user_id,
  count(*) filter (where course_id is not null and user_id is not null and mode is null) as missing_mode
from enrollment_events

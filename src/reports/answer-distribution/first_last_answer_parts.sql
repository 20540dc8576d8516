-- The answered parts of every learner's first and last problem_check, counted: per course, problem, display name,
-- attempt category and part, one row per distinct part payload with how many checks gave it. A part payload holds only
-- what answerParts() reads for that part, shaped as a problem_check payload of the one part. A single check is both
-- the first and the last, as in the legacy. Parts come in the order of their first answer (by course, time, event
-- hash, first before last, then place in the check), and each part's rows in the order of their latest answer.
with learner_problems as (
  -- Ties on time are broken by the event's hash only so that reruns agree; the legacy took the smaller payload text.
  select
    arg_min(checks.rowid, {'time': checks.time, 'event_hash': checks.event_hash}) as first_row,
    arg_max(checks.rowid, {'time': checks.time, 'event_hash': checks.event_hash}) as last_row
  from server_problem_checks as checks
  where checks.skip_reason is null
  group by checks.course_id, checks.problem_id, checks.username
),
-- Each first or last check once, with the attempt categories it stands for (a single check is both).
attempts as (
  select
    learner_problems.first_row as check_row,
    if(learner_problems.first_row = learner_problems.last_row, ['first', 'last'], ['first']) as attempt_categories
  from learner_problems
  union all
  select learner_problems.last_row as check_row, ['last'] as attempt_categories
  from learner_problems
  where learner_problems.last_row <> learner_problems.first_row
),
-- The objects answerParts() reads, each check parsed once. With a submission (an object: server_problem_checks skips
-- the rest) each part is a submission entry, looked up in the answers; without, each answer is a part, looked up in
-- correct_map. A key given twice at the top or in state resolves as DuckDB reads it (the first).
fragments as (
  select
    checks.course_id as course_id,
    checks.problem_id as problem_id,
    checks.problem_display_name as problem_display_name,
    attempts.attempt_categories as attempt_categories,
    checks.time as time,
    checks.event_hash as event_hash,
    json_extract(checks.event, ['$.submission', '$.answers', '$.correct_map', '$.state.seed']) as objects
  from server_problem_checks as checks
  join attempts on attempts.check_row = checks.rowid
),
keyed as (
  select
    fragments.course_id as course_id,
    fragments.problem_id as problem_id,
    fragments.problem_display_name as problem_display_name,
    fragments.attempt_categories as attempt_categories,
    fragments.time as time,
    fragments.event_hash as event_hash,
    fragments.objects[1] is not null as has_submission,
    json_keys(coalesce(fragments.objects[1], fragments.objects[2])) as entry_keys,
    json_extract(coalesce(fragments.objects[1], fragments.objects[2]), '$.*') as entry_values,
    json_keys(if(fragments.objects[1] is null, fragments.objects[3], fragments.objects[2])) as lookup_keys,
    json_extract(if(fragments.objects[1] is null, fragments.objects[3], fragments.objects[2]), '$.*') as lookup_values,
    case when fragments.objects[1] is null then fragments.objects[4] end as seed
  from fragments
),
indexed as (
  select
    keyed.*,
    unnest(generate_series(1, len(keyed.entry_keys))) as entry_index
  from keyed
),
-- Each entry with its value and what it is looked up in. A key given twice keeps its first place and its last value,
-- as JSON.parse reads it.
entries as (
  select
    indexed.course_id as course_id,
    indexed.problem_id as problem_id,
    indexed.problem_display_name as problem_display_name,
    indexed.attempt_categories as attempt_categories,
    indexed.time as time,
    indexed.event_hash as event_hash,
    indexed.has_submission as has_submission,
    indexed.seed as seed,
    indexed.entry_keys[indexed.entry_index] as answer_id,
    -- The entry's place as JSON.parse lists keys: array indexes (0 to 2^32 - 2) first, in numeric order.
    case
      when regexp_full_match(indexed.entry_keys[indexed.entry_index], '0|[1-9][0-9]{0,9}')
        and try_cast(indexed.entry_keys[indexed.entry_index] as bigint) < 4294967295
        then try_cast(indexed.entry_keys[indexed.entry_index] as bigint)
      else 4294967295 + indexed.entry_index
    end as entry_order,
    list_position(indexed.entry_keys, indexed.entry_keys[indexed.entry_index]) = indexed.entry_index as first_place,
    indexed.entry_values[
      len(indexed.entry_keys) + 1 - list_position(list_reverse(indexed.entry_keys), indexed.entry_keys[indexed.entry_index])
    ] as value,
    coalesce(list_contains(indexed.lookup_keys, indexed.entry_keys[indexed.entry_index]), false) as looked_up,
    indexed.lookup_values[
      len(indexed.lookup_keys) + 1 - list_position(list_reverse(indexed.lookup_keys), indexed.entry_keys[indexed.entry_index])
    ] as lookup
  from indexed
),
-- The parts answerParts() gives: hidden parts go, a submission entry must be an object, an answer must be in
-- correct_map.
parts as (
  select
    entries.* exclude (attempt_categories, first_place),
    unnest(entries.attempt_categories) as attempt_category
  from entries
  where entries.first_place
    and not (suffix(entries.answer_id, '_dynamath') or suffix(entries.answer_id, '_comment'))
    and if(entries.has_submission, json_type(entries.value) = 'OBJECT', entries.looked_up)
),
-- Attempts that gave a part the same fragments count together.
counted as (
  select
    parts.course_id as course_id,
    parts.problem_id as problem_id,
    parts.problem_display_name as problem_display_name,
    parts.attempt_category as attempt_category,
    parts.answer_id as answer_id,
    parts.has_submission as has_submission,
    parts.value as value,
    parts.looked_up as looked_up,
    parts.lookup as lookup,
    parts.seed as seed,
    count(*) as attempts,
    min({
      'time': parts.time,
      'event_hash': parts.event_hash,
      'attempt_category': parts.attempt_category,
      'entry_order': parts.entry_order
    }) as first_position,
    max({'time': parts.time, 'event_hash': parts.event_hash, 'attempt_category': parts.attempt_category})
      as last_position
  from parts
  group by
    parts.course_id, parts.problem_id, parts.problem_display_name, parts.attempt_category, parts.answer_id,
    parts.has_submission, parts.value, parts.looked_up, parts.lookup, parts.seed
),
ordered as (
  select
    counted.*,
    min(counted.first_position) over (partition by counted.course_id, counted.answer_id) as part_first_position
  from counted
)
select
  ordered.course_id as course_id,
  ordered.problem_id as problem_id,
  ordered.attempt_category as attempt_category,
  ordered.problem_display_name as problem_display_name,
  case
    when ordered.has_submission then json_object(
      'answers', if(ordered.looked_up, json_object(ordered.answer_id, ordered.lookup), json_object()),
      'submission', json_object(ordered.answer_id, ordered.value)
    )
    else json_object(
      'answers', json_object(ordered.answer_id, ordered.value),
      'correct_map', json_object(ordered.answer_id, ordered.lookup),
      'state', if(ordered.seed is null, json_object(), json_object('seed', ordered.seed))
    )
  end as payload,
  cast(ordered.attempts as integer) as attempts
from ordered
order by ordered.course_id, ordered.part_first_position, ordered.last_position

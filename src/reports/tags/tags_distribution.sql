-- Submissions per problem and tag, as the legacy TagsDistributionWorkflow counted them: every server problem_check
-- of a course (the context's) with a problem_id is a submission (correct when success = 'correct'); the tags are
-- context.asides.tagging_aside.saved_tags of the problem's latest submission only, so a problem whose latest
-- submission carries no tags has no rows. A tag whose value is a list gives one row per value.
with problem_checks as (
  select
    checks.course_id as course_id,
    org_of_course_key(checks.course_id) as org_id,
    checks.problem_id as module_id,
    checks.time as time,
    checks.event_hash as event_hash,
    coalesce(checks.success = 'correct', false) as is_correct,
    checks.saved_tags as saved_tags
  from server_problem_checks as checks
),
submissions as (
  select
    checks.course_id as course_id,
    checks.org_id as org_id,
    checks.module_id as module_id,
    count(*) as total_submissions,
    count(*) filter (where checks.is_correct) as correct_submissions
  from problem_checks as checks
  where checks.module_id <> ''
  group by checks.course_id, checks.org_id, checks.module_id
),
ranked_checks as (
  select
    checks.course_id as course_id,
    checks.module_id as module_id,
    checks.saved_tags as saved_tags,
    -- Ties on time are broken by the event's hash only so that reruns agree; the legacy took whichever came first.
    row_number() over (partition by checks.course_id, checks.module_id order by checks.time desc, checks.event_hash) as rn
  from problem_checks as checks
  where checks.module_id <> ''
),
latest_tags as (
  select
    ranked.course_id as course_id,
    ranked.module_id as module_id,
    unnest(map_entries(try_cast(ranked.saved_tags as map(varchar, json)))) as tag
  from ranked_checks as ranked
  where ranked.rn = 1
),
tag_values as (
  select
    tags.course_id as course_id,
    tags.module_id as module_id,
    tags.tag.key as tag_name,
    unnest(case when json_type(tags.tag.value) = 'ARRAY' then try_cast(tags.tag.value as json[]) else [tags.tag.value] end)
      as value_json
  from latest_tags as tags
)
select distinct
  submissions.course_id as course_id,
  submissions.org_id as org_id,
  submissions.module_id as module_id,
  tag_values.tag_name as tag_name,
  tag_values.value_json ->> '$' as tag_value,
  cast(submissions.total_submissions as integer) as total_submissions,
  cast(submissions.correct_submissions as integer) as correct_submissions
from tag_values
join submissions on submissions.course_id = tag_values.course_id and submissions.module_id = tag_values.module_id
where tag_values.value_json is not null

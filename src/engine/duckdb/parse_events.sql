-- Every line of the spooled files that is neither blank nor a comment, parsed into the event model of DESIGN.md,
-- with the reason it is invalid (NULL when it is kept; duplicates are marked afterwards by mark_duplicates.sql).
-- Dropped lines keep their raw text for samples. The bulky columns are kept only when the events are kept at all
-- (an audit just counts).
with raw_lines as (
  select spooled.file_index as file_index, spooled.file_id as file_id, spooled.name_day as file_day, lines.line as line
  from read_csv(
      getvariable('spool_paths'), columns = {'line': 'VARCHAR'}, delim = E'\x01', quote = '', escape = '',
      header = false, auto_detect = false, new_line = '\n', strict_mode = false, null_padding = true,
      ignore_errors = true, store_rejects = true, rejects_table = 'rejected_lines', rejects_scan = 'rejected_scans',
      -- A buffer as large as the longest line: the default one makes the reader several times slower.
      max_line_size = 67108864, buffer_size = 67108864, filename = true
    ) as lines
    join spool_files as spooled on spooled.path = lines.filename
  -- Almost every line starts with '{'; only the others are checked for being blank or a comment.
  where lines.line is not null and (starts_with(lines.line, '{') or not regexp_full_match(lines.line, '\s*(#.*)?'))
),
json_lines as (
  -- A prefix before the first '{' (a syslog header) is tolerated, as upstream did.
  select file_index, file_id, file_day, line,
    case when starts_with(line, '{') then line else substr(line, nullif(strpos(line, '{'), 0)) end as json_text
  from raw_lines
),
fields as (
  select
    file_index,
    file_id,
    file_day,
    line,
    json_text,
    hash(coalesce(json_text, line)) as event_hash,
    -- try(): a line that is not valid JSON gets NULL fields instead of failing the query; cheaper than validating
    -- every line first.
    try(json_extract_string(json_text, [
      '$.time', '$.username', '$.context.user_id', '$.context.course_id', '$.context.org_id', '$.event_type',
      '$.event_source', '$.name', '$.ip', '$.agent', '$.host', '$.page', '$.session', '$.context.session'
    ])) as text_fields
  from json_lines
),
documents as (
  select
    *,
    text_fields is not null as is_json,
    case when text_fields is not null then json_extract(json_text, ['$.context', '$.event']) end as json_fields
  from fields
),
typed as (
  select
    file_index,
    file_id,
    file_day,
    line,
    is_json,
    event_hash,
    text_fields[1] as time_text,
    utc_timestamp(text_fields[1]) as time,
    nullif(strip(text_fields[2]), '') as username,
    try_cast(text_fields[3] as bigint) as user_id,
    nullif(strip(text_fields[4]), '') as context_course_id,
    nullif(strip(text_fields[5]), '') as context_org_id,
    nullif(text_fields[6], '') as event_type,
    nullif(text_fields[7], '') as event_source,
    nullif(text_fields[8], '') as name,
    nullif(text_fields[9], '') as ip,
    nullif(text_fields[10], '') as agent,
    nullif(text_fields[11], '') as host,
    nullif(text_fields[12], '') as page,
    nullif(coalesce(text_fields[13], text_fields[14]), '') as session,
    json_fields[1] as context,
    json_fields[2] as payload,
    case when json_type(json_fields[2]) = 'VARCHAR' then json_fields[2] ->> '$' end as payload_text
  from documents
),
payloads as (
  select
    * exclude (payload, payload_text),
    -- The payload is an object or a JSON-encoded string of one; other strings (key=value browser payloads) stay
    -- JSON strings, and an empty string is an empty object, as upstream read it.
    case
      when payload_text is null then payload
      when payload_text = '' then '{}'::json
      when (starts_with(payload_text, '{') or starts_with(payload_text, '[')) and json_valid(payload_text)
        then payload_text::json
      else payload
    end as event
  from typed
),
with_course as (
  select
    *,
    -- A CASE, not coalesce(): DuckDB evaluates every argument of coalesce() on every row, and most events have a
    -- context course, so the payload and URL are looked at only for the few that do not.
    case
      when context_course_id is not null then context_course_id
      when json_type(event) = 'OBJECT' and nullif(strip(event ->> '$.course_id'), '') is not null
        then strip(event ->> '$.course_id')
      when starts_with(event_type, '/') and course_key_from_url(event_type) is not null
        then course_key_from_url(event_type)
      else course_key_from_url(page)
    end as claimed_course_id
  from payloads
),
classified as (
  select
    *,
    valid_course_key(claimed_course_id) as course_id,
    case
      when not is_json then 'invalid_json'
      when time_text is null then 'missing_time'
      when time is null then 'invalid_time'
      when event_type is null then 'missing_event_type'
    end as invalid_reason
  from with_course
)
select
  file_index,
  file_id,
  invalid_reason as drop_reason,
  case when invalid_reason is not null then line end as line,
  coalesce(time::date >= getvariable('interval_start')::date and time::date < getvariable('interval_end')::date, false)
    as in_interval,
  file_day,
  claimed_course_id is not null and course_id is null as invalid_course_id,
  event_hash,
  time,
  time::date as date,
  username,
  user_id,
  course_id,
  context_course_id is not null as course_from_context,
  case when context_org_id is not null then context_org_id else org_of_course_key(course_id) end as org_id,
  event_type,
  event_source,
  name,
  ip,
  agent,
  host,
  page,
  session,
  case when getvariable('keep_events') then context end as context,
  case when getvariable('keep_events') then event end as event
from classified

-- Every line of the spooled files, parsed into the event model of DESIGN.md, with the reason it is invalid (NULL when
-- it is kept; duplicates are marked afterwards by mark_duplicates.sql). Blank and comment lines are marked 'blank' and
-- carry only their length: every line's length adds up to the content length, which tells a gzip file the engine read
-- otherwise than zlib. Dropped lines keep their raw text for samples. The bulky columns are kept only when the
-- events are kept at all (an audit just counts).
with raw_lines as (
  select spooled.file_index as file_index, spooled.file_id as file_id, spooled.name_day as file_day, lines.line as line,
    coalesce(strlen(lines.line), 0) + 1 as line_bytes,
    -- Almost every line starts with '{'; only the others are checked for being blank or a comment.
    lines.line is null or (not starts_with(lines.line, '{') and regexp_full_match(lines.line, '\s*(#.*)?')) as blank
  from read_csv(
      getvariable('spool_paths'), columns = {'line': 'VARCHAR'}, delim = E'\x01', quote = '', escape = '',
      header = false, auto_detect = false, new_line = '\n', strict_mode = false, null_padding = true,
      ignore_errors = true, store_rejects = true, rejects_table = 'rejected_lines', rejects_scan = 'rejected_scans',
      -- A buffer as large as the longest line: the default one makes the reader several times slower.
      max_line_size = 67108864, buffer_size = 67108864, filename = true
    ) as lines
    join spool_files as spooled on spooled.path = lines.filename
),
json_lines as (
  -- A prefix before the first '{' (a syslog header) is tolerated, as upstream did.
  select file_index, file_id, file_day, line, line_bytes, blank,
    case
      when blank then null
      when starts_with(line, '{') then line
      else substr(line, nullif(strpos(line, '{'), 0))
    end as json_text
  from raw_lines
),
fields as (
  select
    file_index,
    file_id,
    file_day,
    line,
    line_bytes,
    blank,
    json_text,
    hash(coalesce(json_text, line)) as event_hash,
    -- One parse of the line for every field, the context's included. try(): a line that is not valid JSON gets NULL
    -- instead of failing the query; cheaper than validating every line first.
    try(from_json(json_text, '{
      "time": "VARCHAR", "username": "VARCHAR", "event_type": "VARCHAR", "event_source": "VARCHAR", "name": "VARCHAR",
      "ip": "VARCHAR", "agent": "VARCHAR", "host": "VARCHAR", "page": "VARCHAR", "session": "VARCHAR",
      "context": {
        "user_id": "VARCHAR", "course_id": "VARCHAR", "org_id": "VARCHAR", "session": "VARCHAR", "module": "JSON",
        "asides": "JSON"
      },
      "event": "JSON"
    }')) as document
  from json_lines
),
documents as (
  select
    * exclude (document),
    document is not null as is_json,
    unnest(document)
  from fields
),
typed as (
  select
    file_index,
    file_id,
    file_day,
    line,
    line_bytes,
    blank,
    is_json,
    event_hash,
    time as time_text,
    utc_timestamp(time) as time,
    nullif(strip(username), '') as username,
    try_cast(context.user_id as bigint) as user_id,
    nullif(strip(context.course_id), '') as context_course_id,
    nullif(strip(context.org_id), '') as context_org_id,
    nullif(event_type, '') as event_type,
    nullif(event_source, '') as event_source,
    nullif(name, '') as name,
    nullif(ip, '') as ip,
    nullif(agent, '') as agent,
    nullif(host, '') as host,
    nullif(page, '') as page,
    nullif(coalesce(session, context.session), '') as session,
    -- Of the context, problem_check events keep what reports read (the problem's name in module, the tagging asides);
    -- the fields every event needs from it are columns of their own.
    case
      when event_type = 'problem_check' and context is not null
        then json_object('module', context.module, 'asides', context.asides)
    end as context,
    event as payload,
    -- A string payload (JSON text written by the parser, so with no leading space) starts with its quote.
    case when starts_with(event, '"') then event ->> '$' end as payload_text
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
      when starts_with(payload_text, '{') or starts_with(payload_text, '[')
        then coalesce(try_cast(payload_text as json), payload)
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
      when blank then 'blank'
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
  case when invalid_reason is not null and invalid_reason <> 'blank' then line end as line,
  line_bytes,
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

set variable events_files_from = date '0001-01-01';
set variable events_files_until = date '9999-12-31';

-- event_rows: the parsed tracking events of every file read, day-partitioned by `date`, and the view `events` every
-- report reads. A file's events are all kept, whatever their day, so a file is read once; a changed or vanished
-- file's rows are deleted. Repeats of an event already held (the same line in another file) stay, marked
-- 'duplicate', so that the first copy can be chosen again when a file goes.
-- Each text column names the compression the engine would choose for it anyway (dictionary; FSST for the JSON):
-- trying every method on every column cost 3% of the load.
create table if not exists event_rows (
  load_id integer not null,
  file_id integer,
  file_index integer not null,
  drop_reason varchar using compression dictionary,
  line varchar using compression dictionary,
  -- The line's length with its line break, while the file is loaded (to check it against the content length).
  line_bytes integer,
  in_interval boolean,
  -- The day in the name of the file it came from (NULL for a file named without one).
  file_day date,
  invalid_course_id boolean,
  event_hash ubigint not null,
  time timestamp,
  date date,
  username varchar using compression dictionary,
  user_id bigint,
  course_id varchar using compression dictionary,
  -- Whether course_id is the context's (else it came from the payload or a URL): the activity report needs to know.
  course_from_context boolean,
  org_id varchar using compression dictionary,
  event_type varchar using compression dictionary,
  event_source varchar using compression dictionary,
  name varchar using compression dictionary,
  ip varchar using compression dictionary,
  agent varchar using compression dictionary,
  host varchar using compression dictionary,
  page varchar using compression dictionary,
  session varchar using compression dictionary,
  -- Only problem_check events keep their context, and only what reports read of it (see parse_events.sql).
  context json using compression fsst,
  event json using compression fsst
);

create or replace view events as
select time, date, username, user_id, course_id, course_from_context, org_id, event_type, event_source, name, ip, agent, host, page,
  session, context, event, event_hash
from event_rows
where drop_reason is null
  -- A report sees the events of the files named inside its interval widened by the expansion window, as the legacy
  -- tasks did (scopeEvents sets the window; by default every file counts).
  and (file_day is null or file_day between getvariable('events_files_from') and getvariable('events_files_until'));

-- The files whose events event_rows holds, as they were when read.
create table if not exists event_files (
  file_id integer primary key,
  uri varchar not null,
  content_id varchar not null,
  name_day date,
  loaded_at timestamp not null
);

-- The days a sync completed: every file that can hold the day's events was read; `fingerprint` names those files.
create table if not exists event_days (
  date date primary key,
  fingerprint varchar not null,
  events bigint not null,
  loaded_at timestamp not null
);

-- What the held events were made with (the parser's version), as name and value.
create table if not exists event_settings (
  name varchar primary key,
  value varchar not null
);

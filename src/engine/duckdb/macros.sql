-- Shared SQL helpers: the few places where DuckDB's spelling differs from the other engines.

-- A course key in either edX form, course-v1:Org+Num+Run or Org/Num/Run; anything else is NULL.
create or replace macro valid_course_key(candidate) as
  case
    when regexp_full_match(candidate, '(course-v1:[\w.~:-]+\+[\w.~:-]+\+[\w.~:-]+)|([\w.~:-]+/[\w.~:-]+/[\w.~:-]+)')
      then candidate
  end;

-- The course of a URL path: /courses/<course key>/… or /xblock/block-v1:Org+Num+Run+type@…
create or replace macro course_key_from_url(url) as
  coalesce(
    valid_course_key(nullif(regexp_extract(url, '/courses/([^/+]+[/+][^/+]+[/+][^/?#]+)', 1), '')),
    valid_course_key(nullif(regexp_replace(
      regexp_extract(url, '/xblock/block-v1:([^/?#+]+\+[^/?#+]+\+[^/?#+]+)\+type@', 1), '^(.+)$', 'course-v1:\1'), ''))
  );

-- The organisation part of a course key.
create or replace macro org_of_course_key(course_key) as
  nullif(regexp_extract(course_key, '^(?:course-v1:)?([^/+]+)', 1), '');

-- Trims spaces, tabs and line breaks (usernames in old logs carry a trailing newline); the test first spares the
-- copy for the usual value that has none. It compares bytes: left() and right() count characters, reading the text.
create or replace macro strip(text) as
  case
    when starts_with(text, ' ') or starts_with(text, E'\t') or starts_with(text, E'\r') or starts_with(text, E'\n')
      or ends_with(text, ' ') or ends_with(text, E'\t') or ends_with(text, E'\r') or ends_with(text, E'\n')
      then trim(text, E' \t\r\n')
    else text
  end;

-- An ISO 8601 time with any offset (or none: UTC) as a UTC timestamp; NULL when it is not a time.
create or replace macro utc_timestamp(text) as make_timestamp(epoch_us(try_cast(text as timestamptz)));

-- A text field of a JSON document (NULL when absent or not an object), and text as a whole number (NULL when it is
-- not one): the spellings reports use, so that each engine defines them once.
create or replace macro json_text(document, path) as document ->> path;
create or replace macro whole_number(text) as try_cast(text as bigint);

-- An event's course as the legacy reports took it: the context's, else the URL's (the event type of a server event,
-- the page of a browser event). The course parsed at ingest also looks at the payload, which these reports did not.
create or replace macro event_course(course_id, course_from_context, event_source, event_type, page) as
  case
    when course_from_context then course_id
    when event_source = 'server' then course_key_from_url(event_type)
    when event_source = 'browser' then course_key_from_url(page)
  end;

-- event_rows: the parsed tracking events, day-partitioned by `date`, and the view `events` every report reads.
-- A load inserts all the lines it parsed here in one transaction, counts them, then deletes its dropped lines and
-- the rows its days replace; so after a commit only good events remain, and a failed load leaves nothing.
create table if not exists event_rows (
  load_id integer not null,
  file_index integer not null,
  drop_reason varchar,
  line varchar,
  in_interval boolean,
  invalid_course_id boolean,
  event_hash ubigint not null,
  time timestamp,
  date date,
  username varchar,
  user_id bigint,
  course_id varchar,
  org_id varchar,
  event_type varchar,
  event_source varchar,
  name varchar,
  ip varchar,
  agent varchar,
  host varchar,
  page varchar,
  session varchar,
  context json,
  event json
);

create or replace view events as
select time, date, username, user_id, course_id, org_id, event_type, event_source, name, ip, agent, host, page,
  session, context, event, event_hash
from event_rows;

create table if not exists event_days (
  date date primary key,
  fingerprint varchar not null,
  events bigint not null,
  loaded_at timestamp not null
);

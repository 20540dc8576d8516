-- The typed, day-partitioned table of tracking events every report reads, and what each day was loaded from.
create table if not exists events (
  time timestamp not null,
  date date not null,
  username varchar,
  user_id bigint,
  course_id varchar,
  org_id varchar,
  event_type varchar not null,
  event_source varchar,
  name varchar,
  ip varchar,
  agent varchar,
  host varchar,
  page varchar,
  session varchar,
  context json,
  event json,
  event_hash ubigint not null
);

create table if not exists event_days (
  date date primary key,
  fingerprint varchar not null,
  events bigint not null,
  loaded_at timestamp not null
);

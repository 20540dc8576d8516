-- Among the events held for the affected days (`affected_days`), every copy of an event after the first: the same
-- line read from several files counts once. The first copy is the one from the earliest-read file.
with candidates as (
  select rowid as row_id, event_hash, file_id
  from event_rows
  where date in (select date from affected_days) and (drop_reason is null or drop_reason = 'duplicate')
),
repeated as (
  select event_hash
  from candidates
  group by event_hash
  having count(*) > 1
),
copies as (
  select candidates.row_id as row_id,
    row_number() over (partition by candidates.event_hash order by candidates.file_id, candidates.row_id) as copy_number
  from candidates
    semi join repeated on repeated.event_hash = candidates.event_hash
)
select row_id from copies where copy_number > 1

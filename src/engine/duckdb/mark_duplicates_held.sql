-- Among the events held for the affected days (`affected_days`), every copy of an event after the first: the same
-- line read from several files counts once. The copy kept is the one from the file named closest to the event's day
-- (so that a report's window of files holds it), then the earliest read.
with candidates as (
  select rowid as row_id, event_hash, file_id, abs(date - coalesce(file_day, date)) as distance
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
    row_number() over (
      partition by candidates.event_hash order by candidates.distance, candidates.file_id, candidates.row_id
    ) as copy_number
  from candidates
    semi join repeated on repeated.event_hash = candidates.event_hash
)
select row_id from copies where copy_number > 1

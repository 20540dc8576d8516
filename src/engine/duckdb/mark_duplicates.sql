-- The rows of staged_events (this load's rows) that repeat an event already read (the same line in another file,
-- or earlier in the same file): every copy after the first, by file order. Usually a handful, so the window runs
-- on few rows.
with repeated as (
  select event_hash
  from staged_events
  where drop_reason is null
  group by event_hash
  having count(*) > 1
),
copies as (
  select staged.row_id as row_id,
    row_number() over (partition by staged.event_hash order by staged.file_index, staged.row_id) as copy_number
  from staged_events as staged
    semi join repeated on repeated.event_hash = staged.event_hash
  where staged.drop_reason is null
)
select row_id from copies where copy_number > 1

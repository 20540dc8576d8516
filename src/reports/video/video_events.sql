-- Video player events of the interval (the legacy UserVideoViewingTask mapper): play, pause, seek and stop, with the
-- learner (context.user_id), the course (the context's, else the URL's), the encoded module id (event.id), the video
-- duration and the player offsets. Each event that cannot be used keeps the reason in drop_reason (NULL: usable),
-- checked in the legacy order: payload, user, course, module id, then the offsets.
with player_events as (
  select
    events.user_id as user_id,
    event_course(events.course_id, events.course_from_context, events.event_source, events.event_type, events.page)
      as course_id,
    -- Mobile apps name the same actions edx.video.*, with current_time for currentTime. The LMS renames both before
    -- logging (all the legacy pipeline read); logs written by other means may not have.
    case events.event_type
      when 'edx.video.played' then 'play_video'
      when 'edx.video.paused' then 'pause_video'
      when 'edx.video.stopped' then 'stop_video'
      when 'edx.video.position.changed' then 'seek_video'
      when 'edx.video.seeked' then 'seek_video'
      else events.event_type
    end as action,
    starts_with(events.event_type, 'edx.video.') as from_mobile,
    events.time as time,
    events.event as event,
    -- The parser stores a payload with no leading space (see parse_events.sql): an object starts with its brace.
    coalesce(starts_with(events.event::varchar, '{'), false) as has_payload,
    -- Every field read, as text, in one parse of the payload (NULL: absent or null).
    from_json(events.event, '{
      "id": "VARCHAR", "duration": "VARCHAR", "currentTime": "VARCHAR", "current_time": "VARCHAR", "new_time": "VARCHAR",
      "old_time": "VARCHAR"
    }') as payload
  from events
  where events.event_type in (
      'play_video', 'pause_video', 'seek_video', 'stop_video',
      'edx.video.played', 'edx.video.paused', 'edx.video.stopped', 'edx.video.position.changed', 'edx.video.seeked'
    )
    and events.date >= $interval_start::date
    and events.date < $interval_end::date
),
fields as (
  select
    player_events.user_id as user_id,
    player_events.course_id as course_id,
    player_events.action as action,
    player_events.time as time,
    player_events.has_payload as has_payload,
    case when player_events.has_payload then nullif(strip(player_events.payload.id), '') end as encoded_module_id,
    case when player_events.has_payload then try_cast(player_events.payload.duration as double) end as duration_seconds,
    -- The offset the player is at: the seek's target, else currentTime (mobile apps: current_time). A pause logged
    -- without one paused at 0; one logged as null has no offset.
    case
      when not player_events.has_payload then null
      when player_events.action = 'seek_video' then player_events.payload.new_time
      when player_events.payload.currentTime is not null then player_events.payload.currentTime
      when json_exists(player_events.event, '$.currentTime') then null
      when player_events.from_mobile and player_events.payload.current_time is not null
        then player_events.payload.current_time
      when player_events.from_mobile and json_exists(player_events.event, '$.current_time') then null
      when player_events.action = 'pause_video' then '0'
    end as position_text,
    case when player_events.has_payload and player_events.action = 'seek_video' then player_events.payload.old_time end
      as old_time_text
  from player_events
),
offsets as (
  select
    fields.*,
    -- A number, or a string holding one; an object, an array or a boolean (as JSON text) casts to no double.
    try_cast(fields.position_text as double) as position_value,
    try_cast(fields.old_time_text as double) as old_time_value
  from fields
),
checked as (
  select
    offsets.*,
    case
      when offsets.position_text is null then 'missing_time_offset'
      when offsets.position_value is null then 'invalid_time_offset'
      when isnan(offsets.position_value) then 'nan_time_offset'
      when offsets.position_value > 36000 then 'huge_time_offset'
      when offsets.position_value < 0 then 'negative_time_offset'
    end as position_problem,
    case
      when offsets.action <> 'seek_video' then null
      when offsets.old_time_text is null then 'missing_time_offset'
      when offsets.old_time_value is null then 'invalid_time_offset'
      when isnan(offsets.old_time_value) then 'nan_time_offset'
      when offsets.old_time_value > 36000 then 'huge_time_offset'
      when offsets.old_time_value < 0 then 'negative_time_offset'
    end as old_time_problem
  from offsets
)
select
  checked.user_id as user_id,
  checked.course_id as course_id,
  checked.encoded_module_id as encoded_module_id,
  checked.action as action,
  checked.time as time,
  checked.position_value as position,
  checked.old_time_value as old_time,
  -- Unknown (NULL) when absent, zero, or not a number of seconds an offset could reach (as offsets, at most 10 hours).
  case when checked.duration_seconds > 0 and checked.duration_seconds <= 36000 then checked.duration_seconds end
    as duration,
  case
    when not checked.has_payload then 'unreadable_payload'
    when checked.user_id is null or checked.user_id = 0 then 'missing_user_id'
    when checked.course_id is null then 'missing_course_id'
    when checked.encoded_module_id is null then 'missing_module_id'
    else coalesce(checked.position_problem, checked.old_time_problem)
  end as drop_reason
from checked

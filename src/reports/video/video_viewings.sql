-- Viewings (the legacy UserVideoViewingTask reducer): per learner, course and video, the usable events in time order;
-- each play starts a viewing that the event right after it ends (a pause or stop at its currentTime, a seek at its
-- old_time). Events between that end and the next play are ignored. A play after a seek that ended a viewing starts
-- at the seek's target, since the play's own currentTime is often the position before the seek. One row per play,
-- with the reason it makes no viewing in drop_reason (NULL: a viewing).
with sequenced as (
  select
    video_events.user_id as user_id,
    video_events.course_id as course_id,
    video_events.encoded_module_id as encoded_module_id,
    video_events.action as action,
    video_events.time as time,
    video_events.position as position,
    video_events.old_time as old_time,
    video_events.duration as duration,
    row_number() over player as step,
    lead(video_events.action) over player as next_action,
    lead(video_events.position) over player as next_position,
    lead(video_events.old_time) over player as next_old_time
  from video_events
  where video_events.drop_reason is null
  window player as (
    partition by video_events.user_id, video_events.course_id, video_events.encoded_module_id
    order by video_events.time, video_events.action, video_events.position, video_events.old_time nulls first
  )
),
plays as (
  select
    sequenced.user_id as user_id,
    sequenced.course_id as course_id,
    sequenced.encoded_module_id as encoded_module_id,
    sequenced.step as step,
    sequenced.time as start_time,
    sequenced.position as play_position,
    sequenced.duration as duration,
    case when sequenced.next_action <> 'play_video' then sequenced.next_action end as end_action,
    case
      when sequenced.next_action = 'seek_video' then sequenced.next_old_time
      when sequenced.next_action <> 'play_video' then sequenced.next_position
    end as end_offset,
    case when sequenced.next_action = 'seek_video' then sequenced.next_position end as seek_target,
    sequenced.next_action = 'play_video' as played_again
  from sequenced
  where sequenced.action = 'play_video'
),
started as (
  select
    plays.*,
    coalesce(
      lag(plays.seek_target) over (
        partition by plays.user_id, plays.course_id, plays.encoded_module_id order by plays.step
      ),
      plays.play_position
    ) as start_offset
  from plays
)
select
  started.user_id as user_id,
  started.course_id as course_id,
  started.encoded_module_id as encoded_module_id,
  started.duration as duration,
  started.start_time as start_time,
  started.start_offset as start_offset,
  started.end_offset as end_offset,
  started.end_action as end_action,
  case
    when started.played_again then 'played_again_before_ending'
    when started.end_action is null then 'never_ended'
    when started.duration is not null and started.end_offset > started.duration + 1 then 'ends_after_video_end'
    when started.end_offset < started.start_offset then 'ends_before_start'
    when started.end_offset - started.start_offset < 0.25 then 'too_short'
  end as drop_reason
from started

import type { Course, Learner } from './site-model.js';

/** A tracking-log event as the LMS writes it: one JSON object per line. */
export type TrackingLogEvent = Record<string, unknown> & { time: string };

export interface EventActor {
  readonly learner: Learner;
  readonly course: Course;
  readonly session: string;
  readonly host: string;
  readonly lmsUrl: string;
  readonly mobile: boolean;
  /** Sub-millisecond digits for the next event, so that no two events of a session share a timestamp. */
  readonly microseconds: () => number;
}

function context(actor: EventActor, path: string, extra: Record<string, unknown> = {}) {
  return {
    course_id: actor.course.id,
    org_id: actor.course.org,
    user_id: actor.learner.id,
    path,
    ...extra,
  };
}

function common(actor: EventActor, time: Date) {
  return {
    username: actor.learner.username,
    session: actor.session,
    ip: actor.learner.ip,
    agent: actor.mobile && actor.learner.mobileAgent ? actor.learner.mobileAgent : actor.learner.agent,
    host: actor.host,
    accept_language: 'en-US,en;q=0.9',
    referer: '',
    time: time.toISOString().replace('Z', `${String(actor.microseconds()).padStart(3, '0')}+00:00`),
  };
}

export function enrollmentEvent(
  actor: EventActor,
  time: Date,
  kind: 'activated' | 'deactivated' | 'mode_changed',
  mode: string,
): TrackingLogEvent {
  const eventType = `edx.course.enrollment.${kind}`;
  return {
    ...common(actor, time),
    event_type: eventType,
    name: eventType,
    event_source: 'server',
    page: null,
    context: context(actor, kind === 'mode_changed' ? '/verify_student/upgrade' : '/change_enrollment'),
    event: { course_id: actor.course.id, user_id: actor.learner.id, mode },
  };
}

/** An implicit server event: the request path is the event type. */
export function pageViewEvent(actor: EventActor, time: Date, path: string): TrackingLogEvent {
  return {
    ...common(actor, time),
    event_type: path,
    event_source: 'server',
    page: null,
    context: context(actor, path),
    event: JSON.stringify({ POST: {}, GET: {} }),
  };
}

export type VideoAction = 'play_video' | 'pause_video' | 'seek_video' | 'stop_video';

const MOBILE_VIDEO_NAMES: Record<VideoAction, string> = {
  play_video: 'edx.video.played',
  pause_video: 'edx.video.paused',
  seek_video: 'edx.video.position.changed',
  stop_video: 'edx.video.stopped',
};

export function videoEvent(
  actor: EventActor,
  time: Date,
  action: VideoAction,
  video: { id: string; code: string; duration: number },
  position: { currentTime?: number; oldTime?: number; newTime?: number },
  pageUrl: string,
): TrackingLogEvent {
  const payload: Record<string, unknown> = { id: video.id, code: actor.mobile ? 'mobile' : video.code };
  if (action === 'seek_video') {
    payload.old_time = position.oldTime;
    payload.new_time = position.newTime;
    payload.type = 'onSlideSeek';
  } else {
    payload.currentTime = position.currentTime;
  }
  payload.duration = video.duration;
  if (actor.mobile) {
    return {
      ...common(actor, time),
      event_type: MOBILE_VIDEO_NAMES[action],
      name: MOBILE_VIDEO_NAMES[action],
      event_source: 'mobile',
      page: null,
      context: context(actor, '', { application: { name: 'edx.mobileapp.android', version: '4.2.0' } }),
      event: payload,
    };
  }
  return {
    ...common(actor, time),
    event_type: action,
    name: action,
    event_source: 'browser',
    page: pageUrl,
    context: context(actor, '/event'),
    // Browser events carry their payload as a JSON-encoded string.
    event: JSON.stringify(payload),
  };
}

export interface ProblemAttempt {
  readonly problem: { id: string; displayName: string; maxGrade: number };
  readonly attempts: number;
  readonly grade: number;
  readonly correct: boolean;
  readonly answer: string;
}

export function problemCheckServerEvent(actor: EventActor, time: Date, attempt: ProblemAttempt): TrackingLogEvent {
  const answerId = `${attempt.problem.id.split('@').pop()}_2_1`;
  return {
    ...common(actor, time),
    event_type: 'problem_check',
    name: 'problem_check',
    event_source: 'server',
    page: `${actor.lmsUrl}/courses/${actor.course.id}/courseware/`,
    context: context(actor, `/courses/${actor.course.id}/xblock/${attempt.problem.id}/handler/xmodule_handler/problem_check`, {
      module: { display_name: attempt.problem.displayName, usage_key: attempt.problem.id },
    }),
    event: {
      problem_id: attempt.problem.id,
      attempts: attempt.attempts,
      success: attempt.correct ? 'correct' : 'incorrect',
      grade: attempt.grade,
      max_grade: attempt.problem.maxGrade,
      answers: { [answerId]: attempt.answer },
      correct_map: { [answerId]: { correctness: attempt.correct ? 'correct' : 'incorrect', npoints: null, msg: '', hint: '', hintmode: null, queuestate: null } },
      submission: {
        [answerId]: {
          question: `${attempt.problem.displayName}: which option is right?`,
          answer: attempt.answer,
          response_type: 'multiplechoiceresponse',
          input_type: 'choicegroup',
          correct: attempt.correct,
          variant: '',
        },
      },
      state: { seed: 1, student_answers: {}, done: attempt.attempts > 1, correct_map: {}, input_state: {} },
    },
  };
}

export function problemCheckBrowserEvent(actor: EventActor, time: Date, attempt: ProblemAttempt, pageUrl: string): TrackingLogEvent {
  const answerId = `${attempt.problem.id.split('@').pop()}_2_1`;
  return {
    ...common(actor, time),
    event_type: 'problem_check',
    name: 'problem_check',
    event_source: 'browser',
    page: pageUrl,
    context: context(actor, '/event'),
    // The browser sends the form as key=value pairs, not JSON.
    event: `input_${answerId}=${encodeURIComponent(attempt.answer)}`,
  };
}

export function forumEvent(
  actor: EventActor,
  time: Date,
  kind: 'thread.created' | 'response.created' | 'comment.created' | 'thread.viewed',
  discussion: { commentableId: string },
  threadId: string,
): TrackingLogEvent {
  const eventType = `edx.forum.${kind}`;
  return {
    ...common(actor, time),
    event_type: eventType,
    name: eventType,
    event_source: 'server',
    page: null,
    context: context(actor, `/courses/${actor.course.id}/discussion/${discussion.commentableId}/threads/create`),
    event: {
      commentable_id: discussion.commentableId,
      id: threadId,
      ...(kind === 'thread.created' ? { title: 'A question about this week', thread_type: 'question', anonymous: false } : {}),
      ...(kind.endsWith('created') ? { body: 'I was wondering how this applies in practice.', truncated: false } : {}),
      user_forums_roles: ['Student'],
      user_course_roles: [],
    },
  };
}

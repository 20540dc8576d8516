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

interface EventShape {
  readonly type: string;
  /** Explicit events carry their type as `name` too; implicit page views have none. */
  readonly named: boolean;
  readonly source: 'server' | 'browser' | 'mobile';
  readonly page: string | null;
  /** The request path recorded in the context. */
  readonly path: string;
  readonly context?: Record<string, unknown>;
  readonly payload: unknown;
}

/** The fields every tracking-log line has, around one event's own type, context and payload. */
function trackingEvent(actor: EventActor, time: Date, shape: EventShape): TrackingLogEvent {
  return {
    username: actor.learner.username,
    session: actor.session,
    ip: actor.learner.ip,
    agent: actor.mobile && actor.learner.mobileAgent ? actor.learner.mobileAgent : actor.learner.agent,
    host: actor.host,
    accept_language: 'en-US,en;q=0.9',
    referer: '',
    time: time.toISOString().replace('Z', `${String(actor.microseconds()).padStart(3, '0')}+00:00`),
    event_type: shape.type,
    ...(shape.named ? { name: shape.type } : {}),
    event_source: shape.source,
    page: shape.page,
    context: { course_id: actor.course.id, org_id: actor.course.org, user_id: actor.learner.id, path: shape.path, ...shape.context },
    event: shape.payload,
  };
}

export function enrollmentEvent(
  actor: EventActor,
  time: Date,
  kind: 'activated' | 'deactivated' | 'mode_changed',
  mode: string,
): TrackingLogEvent {
  return trackingEvent(actor, time, {
    type: `edx.course.enrollment.${kind}`,
    named: true,
    source: 'server',
    page: null,
    path: kind === 'mode_changed' ? '/verify_student/upgrade' : '/change_enrollment',
    payload: { course_id: actor.course.id, user_id: actor.learner.id, mode },
  });
}

/** An implicit server event: the request path is the event type. */
export function pageViewEvent(actor: EventActor, time: Date, path: string): TrackingLogEvent {
  return trackingEvent(actor, time, {
    type: path,
    named: false,
    source: 'server',
    page: null,
    path,
    payload: JSON.stringify({ POST: {}, GET: {} }),
  });
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
    return trackingEvent(actor, time, {
      type: MOBILE_VIDEO_NAMES[action],
      named: true,
      source: 'mobile',
      page: null,
      path: '',
      context: { application: { name: 'edx.mobileapp.android', version: '4.2.0' } },
      payload,
    });
  }
  // Browser events carry their payload as a JSON-encoded string.
  return trackingEvent(actor, time, { type: action, named: true, source: 'browser', page: pageUrl, path: '/event', payload: JSON.stringify(payload) });
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
  return trackingEvent(actor, time, {
    type: 'problem_check',
    named: true,
    source: 'server',
    page: `${actor.lmsUrl}/courses/${actor.course.id}/courseware/`,
    path: `/courses/${actor.course.id}/xblock/${attempt.problem.id}/handler/xmodule_handler/problem_check`,
    context: {
      module: { display_name: attempt.problem.displayName, usage_key: attempt.problem.id },
      ...problemTags(attempt.problem.id),
    },
    payload: {
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
  });
}

const DIFFICULTIES = ['Easy', 'Medium', 'Hard'];
const OUTCOMES = ['Reads code', 'Writes code', 'Interprets data', 'Explains results'];

/**
 * The tagging aside course teams fill in (structured tags on a problem), as the LMS adds it to problem_check events:
 * derived from the problem id, so a problem always has the same tags; one problem in four has none, and some have
 * two learning outcomes (a list).
 */
function problemTags(problemId: string): Record<string, unknown> {
  let hash = 0;
  for (const char of problemId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  if (hash % 4 === 0) return {};
  const outcome = OUTCOMES[hash % OUTCOMES.length]!;
  const outcomes = hash % 3 === 0 ? [outcome, OUTCOMES[(hash + 1) % OUTCOMES.length]!] : outcome;
  return { asides: { tagging_aside: { saved_tags: { difficulty: DIFFICULTIES[hash % DIFFICULTIES.length], learning_outcome: outcomes } } } };
}

export function problemCheckBrowserEvent(actor: EventActor, time: Date, attempt: ProblemAttempt, pageUrl: string): TrackingLogEvent {
  const answerId = `${attempt.problem.id.split('@').pop()}_2_1`;
  // The browser sends the form as key=value pairs, not JSON.
  const payload = `input_${answerId}=${encodeURIComponent(attempt.answer)}`;
  return trackingEvent(actor, time, { type: 'problem_check', named: true, source: 'browser', page: pageUrl, path: '/event', payload });
}

export function forumEvent(
  actor: EventActor,
  time: Date,
  kind: 'thread.created' | 'response.created' | 'comment.created' | 'thread.viewed',
  discussion: { commentableId: string },
  threadId: string,
): TrackingLogEvent {
  return trackingEvent(actor, time, {
    type: `edx.forum.${kind}`,
    named: true,
    source: 'server',
    page: null,
    path: `/courses/${actor.course.id}/discussion/${discussion.commentableId}/threads/create`,
    payload: {
      commentable_id: discussion.commentableId,
      id: threadId,
      ...(kind === 'thread.created' ? { title: 'A question about this week', thread_type: 'question', anonymous: false } : {}),
      ...(kind.endsWith('created') ? { body: 'I was wondering how this applies in practice.', truncated: false } : {}),
      user_forums_roles: ['Student'],
      user_course_roles: [],
    },
  });
}

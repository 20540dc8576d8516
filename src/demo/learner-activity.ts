import { daysBetween } from '../events/interval.js';
import type { Random } from './random.js';
import type { EnrollmentPlan, Site } from './site-model.js';
import {
  enrollmentEvent,
  forumEvent,
  pageViewEvent,
  problemCheckBrowserEvent,
  problemCheckServerEvent,
  videoEvent,
  type EventActor,
  type TrackingLogEvent,
} from './tracking-events.js';

/** What the LMS's courseware_studentmodule table ends up holding for one learner and block. */
export interface StudentModuleState {
  readonly learnerId: number;
  readonly courseId: string;
  readonly moduleId: string;
  readonly moduleType: 'problem' | 'sequential' | 'video';
  grade: number | null;
  maxGrade: number | null;
  attempts: number;
  created: Date;
  modified: Date;
}

interface EnrollmentState {
  readonly plan: EnrollmentPlan;
  position: number;
  mode: string;
  active: boolean;
}

export const LMS_HOST = 'courses.lantern.example';

/** Plays the site forward one day at a time: who comes back, what they do, and the events the LMS logs. */
export class SiteSimulator {
  readonly studentModules = new Map<string, StudentModuleState>();
  readonly #site: Site;
  readonly #random: Random;
  readonly #enrollments: EnrollmentState[];
  #sequence = 0;

  constructor(site: Site, random: Random) {
    this.#site = site;
    this.#random = random;
    this.#enrollments = site.enrollments.map((plan) => ({ plan, position: 0, mode: plan.mode, active: false }));
  }

  /** Final enrollment state per plan, for the LMS tables. */
  finalEnrollments(): { plan: EnrollmentPlan; mode: string; active: boolean }[] {
    return this.#enrollments.map(({ plan, mode, active }) => ({ plan, mode, active }));
  }

  eventsOn(day: string): TrackingLogEvent[] {
    const events: TrackingLogEvent[] = [];
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekFactor = weekday === 0 || weekday === 6 ? 0.65 : 1;
    for (const state of this.#enrollments) {
      const { plan } = state;
      if (day < plan.enrolledOn) continue;
      const random = this.#random;
      const actor: EventActor = {
        learner: plan.learner,
        course: plan.course,
        session: random.hex(32),
        host: LMS_HOST,
        lmsUrl: this.#site.lmsUrl,
        mobile: plan.learner.mobileAgent !== null && random.chance(0.4),
        microseconds: () => (this.#sequence = (this.#sequence + 1) % 1000),
      };
      const dayStart = Date.parse(`${day}T00:00:00Z`);
      let clock = dayStart + random.int(6 * 3600, 22 * 3600) * 1000;
      const at = (seconds: number) => new Date((clock += seconds * 1000));

      if (day === plan.enrolledOn) {
        events.push(enrollmentEvent({ ...actor, mobile: false }, at(0), 'activated', plan.mode));
        state.active = true;
      }
      if (!state.active) continue;
      if (day === plan.unenrollOn) {
        events.push(enrollmentEvent({ ...actor, mobile: false }, at(random.int(60, 3000)), 'deactivated', state.mode));
        state.active = false;
        continue;
      }
      if (day === plan.upgradeOn) {
        state.mode = 'verified';
        events.push(enrollmentEvent({ ...actor, mobile: false }, at(random.int(60, 3000)), 'mode_changed', 'verified'));
      }
      if (day < plan.course.start) continue;
      const sinceEnrolled = daysBetween(plan.enrolledOn, day);
      const comeBack = plan.learner.engagement * 0.55 * weekFactor * Math.exp(-sinceEnrolled / 25);
      if (day !== plan.enrolledOn && !random.chance(comeBack)) continue;
      const sessions = random.weighted([[1, 70], [2, 25], [3, 5]] as const);
      for (let session = 0; session < sessions; session += 1) {
        this.#session(state, actor, at, events);
        clock += random.int(1800, 4 * 3600) * 1000;
        if (clock >= dayStart + 86_400_000) break;
      }
    }
    return events;
  }

  #session(state: EnrollmentState, actor: EventActor, at: (seconds: number) => Date, events: TrackingLogEvent[]): void {
    const random = this.#random;
    const { course, learner } = state.plan;
    const sequentials = course.content.chapters.flatMap((chapter) => chapter.sequentials.map((sequential) => ({ chapter, sequential })));
    if (random.chance(0.3)) events.push(pageViewEvent({ ...actor, course: { ...course, id: '', org: '' } }, at(0), '/dashboard'));
    events.push(pageViewEvent(actor, at(random.int(2, 30)), `/courses/${course.id}/courseware/`));
    const visits = random.int(1, 3);
    for (let visit = 0; visit < visits && state.position < sequentials.length; visit += 1) {
      const { chapter, sequential } = sequentials[Math.min(state.position, sequentials.length - 1)]!;
      const path = `/courses/${course.id}/courseware/${chapter.blockId}/${sequential.blockId}/`;
      const pageUrl = `${actor.lmsUrl}${path}`;
      events.push(pageViewEvent(actor, at(random.int(3, 40)), path));
      this.#touch(learner.id, course.id, sequential.id, 'sequential', at(0));
      for (const unit of sequential.units) {
        const { video, problem, discussion } = unit;
        if (video && random.chance(0.8)) this.#watch(actor, video, pageUrl, at, events);
        if (problem && random.chance(0.75)) this.#attempt(actor, problem, pageUrl, at, events);
        if (discussion && random.chance(0.4)) {
          const threadId = random.hex(24);
          events.push(forumEvent(actor, at(random.int(10, 120)), 'thread.viewed', discussion, threadId));
          const post = random.weighted([['thread.created', 2], ['response.created', 3], ['comment.created', 2], [null, 10]] as const);
          if (post) events.push(forumEvent(actor, at(random.int(60, 600)), post, discussion, threadId));
        }
      }
      if (random.chance(0.7)) state.position += 1;
    }
  }

  #watch(
    actor: EventActor,
    video: { id: string; code: string; duration: number },
    pageUrl: string,
    at: (seconds: number) => Date,
    events: TrackingLogEvent[],
  ): void {
    const random = this.#random;
    let position = 0;
    const watched = random.chance(0.55) ? video.duration : random.int(5, video.duration);
    events.push(videoEvent(actor, at(random.int(2, 20)), 'play_video', video, { currentTime: position }, pageUrl));
    this.#touch(actor.learner.id, actor.course.id, video.id, 'video', at(0));
    while (position < watched) {
      const stretch = Math.min(watched - position, random.int(20, 400));
      position += stretch;
      if (position >= video.duration) {
        events.push(videoEvent(actor, at(stretch), 'stop_video', video, { currentTime: video.duration }, pageUrl));
        return;
      }
      if (random.chance(0.3)) {
        const target = Math.max(0, Math.min(video.duration - 1, position + random.int(-60, 90)));
        events.push(videoEvent(actor, at(stretch), 'seek_video', video, { oldTime: position, newTime: target }, pageUrl));
        position = target;
      } else {
        events.push(videoEvent(actor, at(stretch), 'pause_video', video, { currentTime: position }, pageUrl));
        if (!random.chance(0.6)) return;
        events.push(videoEvent(actor, at(random.int(3, 90)), 'play_video', video, { currentTime: position }, pageUrl));
      }
    }
    events.push(videoEvent(actor, at(random.int(1, 5)), 'pause_video', video, { currentTime: position }, pageUrl));
  }

  #attempt(
    actor: EventActor,
    problem: { id: string; displayName: string; maxGrade: number; difficulty: number },
    pageUrl: string,
    at: (seconds: number) => Date,
    events: TrackingLogEvent[],
  ): void {
    const random = this.#random;
    const module = this.#touch(actor.learner.id, actor.course.id, problem.id, 'problem', at(0));
    const skill = actor.learner.engagement * 0.5 + 0.3;
    const tries = random.weighted([[1, 60], [2, 25], [3, 15]] as const);
    for (let attempt = 1; attempt <= tries; attempt += 1) {
      const correct = random.chance(Math.max(0.05, skill - problem.difficulty + attempt * 0.1));
      const grade = correct ? problem.maxGrade : 0;
      const answer = correct ? 'choice_1' : random.pick(['choice_0', 'choice_2', 'choice_3']);
      const checked = { problem, attempts: module.attempts + 1, grade, correct, answer };
      const time = at(random.int(20, 240));
      events.push(problemCheckBrowserEvent(actor, time, checked, pageUrl));
      events.push(problemCheckServerEvent(actor, new Date(time.getTime() + random.int(50, 900)), checked));
      module.attempts += 1;
      module.grade = Math.max(module.grade ?? 0, grade);
      module.maxGrade = problem.maxGrade;
      module.modified = time;
      if (correct) break;
    }
  }

  #touch(learnerId: number, courseId: string, moduleId: string, moduleType: StudentModuleState['moduleType'], time: Date) {
    const key = `${learnerId} ${moduleId}`;
    let state = this.studentModules.get(key);
    if (!state) {
      state = { learnerId, courseId, moduleId, moduleType, grade: null, maxGrade: null, attempts: 0, created: time, modified: time };
      this.studentModules.set(key, state);
    }
    state.modified = time;
    return state;
  }
}

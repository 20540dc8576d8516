import { courseKeyParts, isValidCourseKey } from '../legacy/course-key.js';

/**
 * Who a request speaks for and which courses it may read: every course (an unlimited key, LMS global staff), or a
 * list of courses and orgs (a limited key, a course team member signed in through the LMS).
 */
export class Principal {
  readonly username: string;
  readonly #courses: ReadonlySet<string> | null;
  readonly #orgs: ReadonlySet<string> | null;

  private constructor(username: string, courses: ReadonlySet<string> | null, orgs: ReadonlySet<string> | null) {
    this.username = username;
    this.#courses = courses;
    this.#orgs = orgs;
  }

  static unlimited(username: string): Principal {
    return new Principal(username, null, null);
  }

  /** Limited to the listed courses and the courses of the listed orgs; null lists add nothing. */
  static limited(username: string, courses: readonly string[] | null, orgs: readonly string[] | null): Principal {
    if (courses === null && orgs === null) return Principal.unlimited(username);
    return new Principal(username, new Set(courses ?? []), new Set(orgs ?? []));
  }

  /**
   * The same user limited further to `courses` (never widened): how a trusted service such as the dashboard reads
   * on behalf of one of its users with its own key.
   */
  narrowedTo(courses: readonly string[]): Principal {
    return new Principal(this.username, new Set(courses.filter((courseId) => this.canRead(courseId))), new Set());
  }

  /** Equal for principals that may read the same courses. */
  get scopeKey(): string {
    return this.#courses === null ? '*' : JSON.stringify([[...this.#courses].sort(), [...this.#orgs!].sort()]);
  }

  get readsEveryCourse(): boolean {
    return this.#courses === null;
  }

  canRead(courseId: string): boolean {
    if (this.#courses === null) return true;
    if (this.#courses.has(courseId)) return true;
    return this.#orgs!.size > 0 && isValidCourseKey(courseId) && this.#orgs!.has(courseKeyParts(courseId).org);
  }
}

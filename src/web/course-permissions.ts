import type { SignedInUser } from './sign-in/lms-sign-in.js';

/** The courses a user may see, as the session keeps them: null is every course (LMS global staff). */
export interface CourseAccess {
  readonly courses: readonly string[] | null;
  /** When they were read from the LMS (ISO). */
  readonly checkedAt: string;
}

/** Raised when the LMS cannot say what a user may see: the legacy "Permissions Retrieval Failed". */
export class PermissionsUnavailableError extends Error {}

/**
 * Insights' course permissions: global staff see everything; everyone else sees the courses whose team they are on
 * (staff or instructor), from the LMS course_ids API, read again when older than the cache time or on request.
 */
export class CoursePermissions {
  readonly #lookup: (username: string) => Promise<string[]>;
  readonly #ttlMs: number;
  readonly #now: () => Date;

  constructor(lookup: (username: string) => Promise<string[]>, ttlMs: number, now: () => Date = () => new Date()) {
    this.#lookup = lookup;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The user's access: `cached` while fresh, else read from the LMS. */
  async accessOf(user: SignedInUser, cached: CourseAccess | undefined, refresh = false): Promise<CourseAccess> {
    const now = this.#now();
    if (user.globalStaff) return { courses: null, checkedAt: now.toISOString() };
    if (cached && !refresh && now.getTime() - Date.parse(cached.checkedAt) < this.#ttlMs) return cached;
    try {
      return { courses: [...(await this.#lookup(user.username))].sort(), checkedAt: now.toISOString() };
    } catch (error) {
      throw new PermissionsUnavailableError(`cannot read the course permissions of ${user.username} from the LMS: ${(error as Error).message}`, { cause: error });
    }
  }
}

export function canSee(access: CourseAccess, courseId: string): boolean {
  return access.courses === null || access.courses.includes(courseId);
}

import type { CourseAccess } from './course-permissions.js';
import type { PendingSignIn, SignedInUser } from './sign-in/lms-sign-in.js';

declare module 'fastify' {
  interface Session {
    user?: SignedInUser;
    access?: CourseAccess;
    /** The LMS ID token, kept for the LMS logout (never sent to the browser). */
    idToken?: string;
    pending?: PendingSignIn;
    /** Where to go after signing in. */
    next?: string;
  }
}

/** A path on this site to return to after sign-in; anything else (another site, `//host`) is the course list. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/courses/';
}

import type { CourseAccess } from './course-permissions.js';
import type { PendingSignIn, SignedInUser } from './sign-in/lms-sign-in.js';

declare module 'fastify' {
  interface Session {
    user?: SignedInUser;
    access?: CourseAccess;
    pending?: PendingSignIn;
    /** Where to go after signing in. */
    next?: string;
  }
}

/**
 * A path on this site to return to after sign-in; anything else is the course list: another site (`//host`), and
 * anything with a backslash or a control character, which browsers drop or read as a slash (`/\t/evil.example`)
 * and which cannot go in a Location header.
 */
export function safeNext(next: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/.test(next) ? next : '/courses/';
}

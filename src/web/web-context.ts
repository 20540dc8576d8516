import type { LmsApiClient } from '../lms/lms-api.js';
import type { CoursePermissions } from './course-permissions.js';
import type { LmsSignIn } from './sign-in/lms-sign-in.js';

/** What the dashboard's routes share. */
export interface WebContext {
  readonly signIn: LmsSignIn;
  readonly permissions: CoursePermissions;
  /** The data API's root and the dashboard's service key for it. */
  readonly dataApi: { readonly url: string; readonly key: string };
  /** The LMS APIs (course blocks, grading policy) with the dashboard's service client. */
  readonly lms: LmsApiClient;
  /** The dashboard's address as browsers reach it, without a trailing slash. */
  readonly publicUrl: string;
  /** Whether logout also ends the LMS session. */
  readonly logoutOfLms: boolean;
  /** The built browser app (index.html and assets). */
  readonly clientDir: string;
}

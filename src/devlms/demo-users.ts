import { createHash } from 'node:crypto';

/** Every demo user's password (edx devstack's convention). */
export const DEMO_PASSWORD = 'edx';

/** A course team role as `student_courseaccessrole.role` holds it. */
export type CourseRole = 'staff' | 'instructor';

/** A person who can sign in to the development LMS. */
export interface DemoUser {
  /** `auth_user.id`, numbered after the LMS database's own users: the JWT `user_id` claim. */
  readonly id: number;
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  readonly givenName: string;
  readonly familyName: string;
  /** LMS global staff (`auth_user.is_staff`): the JWT `administrator` claim. */
  readonly isStaff: boolean;
  readonly isSuperuser: boolean;
  readonly courseRoles: readonly { readonly courseId: string; readonly role: CourseRole }[];
  /** The OAuth2 subject: an opaque, stable id, like edx-platform's anonymous user id. */
  readonly sub: string;
}

/**
 * The demo users, all with password `edx`:
 * - `staff`: LMS global staff (administrator), sees every course;
 * - `instructor`: instructor (course Admin) of the first course;
 * - `course_staff`: course Staff of the first two courses;
 * - `learner`: no rights.
 * `courseIds` are the site's courses in course-list order; ids continue after the LMS database's last user.
 */
export function demoUsers(courseIds: readonly string[], lastUserId: number): DemoUser[] {
  const roles = (count: number, role: CourseRole) => courseIds.slice(0, count).map((courseId) => ({ courseId, role }));
  const people = [
    { username: 'staff', givenName: 'Sam', familyName: 'Staff', isStaff: true, courseRoles: [] },
    { username: 'instructor', givenName: 'Ines', familyName: 'Instructor', isStaff: false, courseRoles: roles(1, 'instructor') },
    { username: 'course_staff', givenName: 'Cora', familyName: 'Coursestaff', isStaff: false, courseRoles: roles(2, 'staff') },
    { username: 'learner', givenName: 'Lee', familyName: 'Learner', isStaff: false, courseRoles: [] },
  ];
  return people.map((person, index) => ({
    ...person,
    id: lastUserId + index + 1,
    password: DEMO_PASSWORD,
    email: `${person.username}@example.com`,
    name: `${person.givenName} ${person.familyName}`,
    isSuperuser: false,
    sub: createHash('sha256').update(`devlms:${person.username}`).digest('hex').slice(0, 32),
  }));
}

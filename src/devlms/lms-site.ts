import path from 'node:path';
import { openLmsDatabase, type LmsDatabase } from '../lms/lms-database.js';
import { readStructureFiles } from '../reports/structure/structure-files.js';

/** A course's answer of the blocks API: the root usage key and every block by usage key. */
export interface CourseBlocks {
  readonly root: string;
  readonly blocks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A user of the LMS database (`auth_user`). */
export interface LmsUser {
  readonly id: number;
  readonly username: string;
  readonly isStaff: boolean;
}

/** What the development LMS serves, read from a generated site folder. */
export interface LmsSite {
  /** Every course (`course_overviews_courseoverview`), in the course list's order, then the rest by id. */
  readonly courseIds: readonly string[];
  /** The course list API entries (`course_list.json`). */
  readonly courseList: readonly Readonly<Record<string, unknown>>[];
  /** The highest `auth_user.id`, so that demo users get ids of their own. */
  readonly lastUserId: number;
  blocksOf(courseId: string): CourseBlocks | undefined;
  findUser(username: string): Promise<LmsUser | undefined>;
  /** The courses where the user holds one of the roles (course-level rows only, as the LMS fast path). */
  courseIdsWithRole(userId: number, roles: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens a generated site: `lms.sqlite` (read-only), `course_list.json` and `course_blocks.json`. */
export async function openLmsSite(siteDir: string): Promise<LmsSite> {
  const structure = await readStructureFiles({
    courseList: path.join(siteDir, 'course_list.json'),
    courseBlocks: path.join(siteDir, 'course_blocks.json'),
  });
  const courseList = structure.courses.filter(isRecord);
  const blocksByCourse = new Map<string, CourseBlocks>();
  for (const document of structure.blocks.filter(isRecord)) {
    const { course_id: courseId, root, blocks } = document;
    if (typeof courseId === 'string' && typeof root === 'string' && isRecord(blocks)) blocksByCourse.set(courseId, { root, blocks: blocks as CourseBlocks['blocks'] });
  }

  const lms = await openLmsDatabase(`sqlite:${path.join(siteDir, 'lms.sqlite')}`);
  try {
    const overviews = await lms.db.selectFrom('course_overviews_courseoverview').select('id').orderBy('id').execute();
    const last = await lms.db.selectFrom('auth_user').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    const listed = courseList.map((course) => course['id']).filter((id): id is string => typeof id === 'string');
    const known = new Set(overviews.map((row) => row.id));
    const courseIds = [...listed.filter((id) => known.has(id)), ...[...known].filter((id) => !listed.includes(id))];
    return {
      courseIds,
      courseList,
      lastUserId: Number(last?.id ?? 0),
      blocksOf: (courseId) => blocksByCourse.get(courseId),
      findUser: (username) => findUser(lms, username),
      courseIdsWithRole: (userId, roles) => courseIdsWithRole(lms, userId, roles),
      close: () => lms.close(),
    };
  } catch (error) {
    await lms.close();
    throw error;
  }
}

async function findUser(lms: LmsDatabase, username: string): Promise<LmsUser | undefined> {
  const row = await lms.db.selectFrom('auth_user').select(['id', 'username', 'is_staff']).where('username', '=', username).executeTakeFirst();
  return row && { id: row.id, username: row.username, isStaff: Boolean(row.is_staff) };
}

async function courseIdsWithRole(lms: LmsDatabase, userId: number, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await lms.db
    .selectFrom('student_courseaccessrole as roles')
    .innerJoin('course_overviews_courseoverview as courses', 'courses.id', 'roles.course_id')
    .select('roles.course_id')
    .distinct()
    .where('roles.user_id', '=', userId)
    .where('roles.role', 'in', [...roles])
    .execute();
  return rows.map((row) => row.course_id);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

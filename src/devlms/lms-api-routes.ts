import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Accounts } from './accounts.js';
import type { ApiCaller } from './api-caller.js';
import { gradingPolicyOf } from './grading-policy.js';
import { sendJson } from './http-io.js';
import type { CourseBlocks, LmsSite } from './lms-site.js';
import { pageOf } from './pagination.js';

/** Block fields the blocks API always returns; others only when named in `requested_fields`. */
const DEFAULT_BLOCK_FIELDS = ['id', 'block_id', 'type', 'display_name', 'lms_web_url', 'student_view_url'];
const COURSE_LIST_PAGES = { defaultSize: 10, maxSize: 100 };
const COURSE_ID_PAGES = { defaultSize: 10, maxSize: 1000 };

interface Route {
  readonly pattern: RegExp;
  readonly answer: (context: RouteContext, match: RegExpExecArray) => Promise<void> | void;
}

interface RouteContext {
  readonly url: URL;
  readonly caller: ApiCaller;
  readonly response: ServerResponse;
}

/**
 * The LMS REST APIs Lantern calls (edx-platform's course_api and grades API), over a generated site. Every route
 * wants an access token of this LMS. Answers true when the path is one of them.
 */
export function lmsApiRoutes(site: LmsSite, accounts: Accounts) {
  const routes: Route[] = [
    { pattern: /^\/api\/courses\/v1\/course_ids\/?$/, answer: (context) => courseIds(site, accounts, context) },
    { pattern: /^\/api\/courses\/v1\/courses\/?$/, answer: (context) => courseList(site, context) },
    { pattern: /^\/api\/courses\/v1\/courses\/(.+?)\/?$/, answer: (context, match) => courseDetail(site, context, match[1]!) },
    { pattern: /^\/api\/courses\/v1\/blocks\/?$/, answer: (context) => courseBlocks(site, context) },
    { pattern: /^\/api\/grades\/v1\/policy\/courses\/(.+?)\/?$/, answer: (context, match) => gradingPolicy(site, context, match[1]!) },
  ];

  return async (request: IncomingMessage, response: ServerResponse, url: URL, caller: () => Promise<ApiCaller | undefined>): Promise<boolean> => {
    const path = decodedPath(url);
    if (path === undefined) return false;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      if (request.method !== 'GET') return (sendJson(response, 405, { detail: `Method "${request.method}" not allowed.` }), true);
      const who = await caller();
      if (!who) {
        response.setHeader('www-authenticate', 'JWT realm="api"');
        return (sendJson(response, 401, { detail: 'Authentication credentials were not provided or are invalid.' }), true);
      }
      await route.answer({ url, caller: who, response }, match);
      return true;
    }
    return false;
  };
}

const INVALID_PAGE = { detail: 'Invalid page.' };

/** Global staff: every course; others: the courses of their course team roles (role=staff includes instructor). */
async function courseIds(site: LmsSite, accounts: Accounts, { url, caller, response }: RouteContext): Promise<void> {
  const role = url.searchParams.get('role')?.toLowerCase();
  if (role !== 'staff' && role !== 'instructor') return sendJson(response, 400, { role: ['Select a valid choice: staff or instructor.'] });
  const username = url.searchParams.get('username') || caller.username;
  if (caller.kind !== 'service' && caller.username !== username) {
    return sendJson(response, 403, { detail: 'You do not have permission to list the courses of another user.' });
  }
  const roles = role === 'staff' ? ['staff', 'instructor'] : ['instructor'];
  let ids: string[];
  const demoUser = accounts.byUsername(username);
  if (demoUser) {
    ids = demoUser.isStaff ? [...site.courseIds] : demoUser.courseRoles.filter((entry) => roles.includes(entry.role)).map((entry) => entry.courseId);
  } else {
    const user = await site.findUser(username);
    if (!user) return sendJson(response, 404, { detail: `User ${username} does not exist.` });
    ids = user.isStaff ? [...site.courseIds] : await site.courseIdsWithRole(user.id, roles);
  }
  const page = pageOf([...new Set(ids)].sort(), url, COURSE_ID_PAGES);
  return page ? sendJson(response, 200, page) : sendJson(response, 404, INVALID_PAGE);
}

/** The course list exactly as the generated site recorded the LMS's answer (`course_list.json`). */
function courseList(site: LmsSite, { url, response }: RouteContext): void {
  const page = pageOf(site.courseList, url, COURSE_LIST_PAGES);
  return page ? sendJson(response, 200, page) : sendJson(response, 404, INVALID_PAGE);
}

function courseDetail(site: LmsSite, { response }: RouteContext, courseId: string): void {
  const course = site.courseList.find((entry) => entry['id'] === courseId);
  return course ? sendJson(response, 200, course) : sendJson(response, 404, { detail: 'Not found.' });
}

function courseBlocks(site: LmsSite, { url, response }: RouteContext): void {
  const courseId = url.searchParams.get('course_id');
  if (!courseId) return sendJson(response, 400, { course_id: ['This field is required.'] });
  const course = site.blocksOf(courseId);
  if (!course) return sendJson(response, 404, { detail: `Course not found: ${courseId}` });
  const requested = (url.searchParams.get('requested_fields') ?? '').split(',').map((field) => field.trim()).filter(Boolean);
  return sendJson(response, 200, withFields(course, new Set([...DEFAULT_BLOCK_FIELDS, ...requested])));
}

function gradingPolicy(site: LmsSite, { response }: RouteContext, courseId: string): void {
  const course = site.blocksOf(courseId);
  return course ? sendJson(response, 200, gradingPolicyOf(course)) : sendJson(response, 404, { detail: 'Not found.' });
}

function withFields(course: CourseBlocks, fields: ReadonlySet<string>): CourseBlocks {
  const blocks = Object.fromEntries(
    Object.entries(course.blocks).map(([id, block]) => [id, Object.fromEntries(Object.entries(block).filter(([field]) => fields.has(field)))]),
  );
  return { root: course.root, blocks };
}

function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { CourseAccess } from '../course-permissions.js';
import type { SignedInUser } from '../sign-in/lms-sign-in.js';
import type { WebContext } from '../web-context.js';
import { signedInAccess } from './access.js';

/** What the browser app knows of its user: who, which courses, and the CSRF token for its forms. No tokens. */
export function sessionOf(user: SignedInUser, access: CourseAccess, csrfToken: string) {
  return {
    username: user.username,
    name: user.name,
    email: user.email,
    globalStaff: user.globalStaff,
    courses: access.courses,
    permissionsCheckedAt: access.checkedAt,
    csrfToken,
  };
}

export const sessionRoutes: FastifyPluginAsync<WebContext> = async (app, context) => {
  const answer = async (request: FastifyRequest, reply: FastifyReply, refresh: boolean) => {
    const signedIn = await signedInAccess(context, request, reply, refresh);
    if (!signedIn) return reply;
    return reply.send(sessionOf(signedIn.user, signedIn.access, reply.generateCsrf()));
  };
  app.get('/web-api/session', (request, reply) => answer(request, reply, false));
  app.post('/web-api/permissions/refresh', { preHandler: app.csrfProtection }, (request, reply) => answer(request, reply, true));
};

import type { FastifyReply, FastifyRequest } from 'fastify';
import { PermissionsUnavailableError, type CourseAccess } from '../course-permissions.js';
import type { SignedInUser } from '../sign-in/lms-sign-in.js';
import type { WebContext } from '../web-context.js';

/** The signed-in user and what they may see (kept fresh in the session), or undefined after answering 401/503. */
export async function signedInAccess(
  context: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  refresh = false,
): Promise<{ user: SignedInUser; access: CourseAccess } | undefined> {
  const user = request.session.user;
  if (!user) {
    await reply.status(401).send({ error_code: 'authentication_required', developer_message: 'Sign in first: /login/' });
    return undefined;
  }
  try {
    const access = await context.permissions.accessOf(user, request.session.access, refresh);
    request.session.access = access;
    return { user, access };
  } catch (error) {
    if (!(error instanceof PermissionsUnavailableError)) throw error;
    request.log.warn({ err: error }, 'permissions retrieval failed');
    await reply.status(503).send({ error_code: 'permissions_unavailable', developer_message: 'There was a problem retrieving course permissions for your account. Please try again.' });
    return undefined;
  }
}

import type { FastifyPluginAsync } from 'fastify';
import { signInFailedPage } from '../html-pages.js';
import { safeNext } from '../session.js';
import type { WebContext } from '../web-context.js';

/**
 * `/login/` (to the LMS), `/complete/edx-oauth2/` (back from it: the legacy redirect URI), `/logout/` (POST with the
 * CSRF token; then the LMS logout when configured, or `next`).
 */
export const signInRoutes: FastifyPluginAsync<WebContext> = async (app, context) => {
  app.get('/login/', async (request, reply) => {
    const { url, pending } = await context.signIn.start();
    request.session.pending = pending;
    request.session.next = safeNext((request.query as { next?: unknown }).next);
    return reply.redirect(url.href);
  });

  app.get('/complete/edx-oauth2/', async (request, reply) => {
    const pending = request.session.pending;
    if (!pending) return reply.status(400).type('text/html').send(signInFailedPage('This sign-in was not started here, or it was already used.'));
    delete request.session.pending;
    try {
      const { user } = await context.signIn.complete(new URL(request.url, context.publicUrl), pending);
      const next = safeNext(request.session.next);
      // A new session id on sign-in: a session fixed before cannot be carried over.
      await request.session.regenerate();
      request.session.user = user;
      request.log.info({ user: user.username }, 'signed in');
      return reply.redirect(next);
    } catch (error) {
      request.log.warn({ err: error }, 'sign-in failed');
      return reply.status(400).type('text/html').send(signInFailedPage(`The LMS sign-in could not be completed: ${(error as Error).message}`));
    }
  });

  app.post('/logout/', { preHandler: app.csrfProtection }, async (request, reply) => {
    const next = (request.body as { next?: unknown } | undefined)?.next;
    await request.session.destroy();
    const afterLms = context.logoutOfLms ? context.signIn.logoutUrl(`${context.publicUrl}/`) : undefined;
    return reply.redirect(next !== undefined ? safeNext(next) : (afterLms?.href ?? '/'));
  });
};

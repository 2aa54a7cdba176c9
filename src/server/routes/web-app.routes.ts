import { membershipsFor, needsSetup, sessionOf } from '../auth.service.ts';
import { defineRoute } from '../http-route.ts';
import { sessionCookieName } from '../session-cookie.ts';

/**
 * What the web app asks first, answered with 200 whether or not anyone is logged in: a browser logs every 401 as
 * an error, and "not logged in yet" is the normal start, not an error. GET /api/session stays the strict one.
 */
export const webAppRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/session/probe',
    summary:
      'Whether setup is needed and who is logged in (null when nobody, or only the second factor is missing)',
    tag: 'auth',
    access: 'public',
    handler: async ({ services, request }) => {
      const token = request.cookies[sessionCookieName];
      const session = token ? await sessionOf(services, token) : null;
      if (!session)
        return { setupNeeded: await needsSetup(services), session: null, secondFactorPending: false };
      if (session.secondFactorPending)
        return { setupNeeded: false, session: null, secondFactorPending: true };
      return {
        setupNeeded: false,
        secondFactorPending: false,
        session: {
          user: {
            id: session.userId,
            email: session.email,
            name: session.name,
            lang: session.lang,
            totpEnabled: session.totpEnabled,
          },
          csrfToken: session.csrfToken,
          memberships: await membershipsFor(services, session.userId),
        },
      };
    },
  }),
];

import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import {
  confirmSecondFactor,
  createUser,
  emailSchema,
  enrolSecondFactor,
  login,
  logout,
  logoutEverywhere,
  membershipsFor,
  needsSetup,
  passwordSchema,
  verifySecondFactor,
} from '../auth.service.ts';
import { defineRoute } from '../http-route.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';

const credentials = z.object({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});
const code = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

export const authRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/setup',
    summary: 'Whether the one-time setup is needed (no user exists yet)',
    tag: 'auth',
    access: 'public',
    handler: async ({ services }) => ({ needed: await needsSetup(services) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/setup',
    summary: 'One-time setup: the first account and its organisation; refused once any user exists',
    tag: 'auth',
    access: 'public',
    successStatus: 201,
    body: z.object({
      email: emailSchema,
      name: z.string().trim().min(1).max(200),
      password: passwordSchema,
      organisation: z.object({ name: z.string().trim().min(1).max(500) }),
    }),
    handler: async ({ services, body, request, reply }) => {
      if (!(await needsSetup(services))) throw new DomainError('setup.done');
      await createUser(services, {
        email: body.email,
        name: body.name,
        password: body.password,
        organisation: body.organisation.name,
        role: 'admin',
      });
      const { token, session } = await login(services, {
        email: body.email,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, token, services.config);
      return { csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Log in with e-mail and password; a second factor may follow',
    tag: 'auth',
    access: 'public',
    body: credentials,
    handler: async ({ services, body, request, reply }) => {
      const { token, session } = await login(services, {
        email: body.email,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, token, services.config);
      return { csrfToken: session.csrfToken, secondFactorRequired: session.secondFactorPending };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/second-factor',
    summary: 'Complete the login with a TOTP code',
    tag: 'auth',
    access: 'pending-session',
    body: code,
    handler: async ({ services, body, session }) => {
      await verifySecondFactor(services, session!, body.code);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/session',
    summary: 'The logged-in user, their organisations and roles, and the CSRF token',
    tag: 'auth',
    access: 'session',
    handler: async ({ services, session }) => ({
      user: {
        id: session!.userId,
        email: session!.email,
        name: session!.name,
        lang: session!.lang,
        totpEnabled: session!.totpEnabled,
      },
      csrfToken: session!.csrfToken,
      memberships: await membershipsFor(services, session!.userId),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Log out of this session',
    tag: 'auth',
    access: 'session',
    handler: async ({ services, session, request, reply }) => {
      await logout(services, session!);
      clearSessionCookie(request, reply, services.config);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout-everywhere',
    summary: 'Log out of every session of this account',
    tag: 'auth',
    access: 'session',
    handler: async ({ services, session, request, reply }) => {
      const sessions = await logoutEverywhere(services, session!);
      clearSessionCookie(request, reply, services.config);
      return { sessions };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/account/second-factor/enrol',
    summary: 'Start TOTP enrolment: a secret and an otpauth:// URI for an authenticator app',
    tag: 'auth',
    access: 'session',
    handler: async ({ services, session }) => enrolSecondFactor(services, session!),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/account/second-factor/confirm',
    summary: 'Turn the second factor on with a code from the app',
    tag: 'auth',
    access: 'session',
    body: code,
    handler: async ({ services, session, body }) => {
      await confirmSecondFactor(services, session!, body.code);
      return { ok: true };
    },
  }),
];

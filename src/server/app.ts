import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { breachExists } from '../db/breach.repository.ts';
import type { AppDatabase } from '../db/database.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import { ValidationError } from '../domain/validation.ts';
import { type SessionUser, sessionOf } from './auth.service.ts';
import { type AppConfig, attachmentTooLarge } from './config.ts';
import { type AnyRoute, langOf, openApiDocument, registerRoute } from './http-route.ts';
import { RegisterPageCache } from './register-page-cache.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { breachRoutes } from './routes/breach.routes.ts';
import { calendarRoutes } from './routes/calendar.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { documentRoutes } from './routes/document.routes.ts';
import { mailRoutes } from './routes/mail.routes.ts';
import { organisationRoutes } from './routes/organisation.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { scanRoutes } from './routes/scan.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { webAppRoutes } from './routes/web-app.routes.ts';
import type { ServiceContext } from './service-context.ts';
import { SessionCache } from './session-cache.ts';
import { sessionCookieName } from './session-cookie.ts';
import { webBuildIsStale, webDistDir } from './web-build.ts';

export const appVersion = '0.1.0';

/** The built web app (`npm run build:web`, run by `npm install`'s prepare). */

const webMissingPage = `<!doctype html><html lang="pl"><meta charset="utf-8"><title>incydent</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Aplikacja webowa nie jest zbudowana</h1><p>Uruchom <code>npm run build:web</code> (robi to <code>npm install</code>) i odśwież stronę. API działa pod <a href="/api/docs">/api/docs</a>.</p>
<p lang="en">The web app is not built: run <code>npm run build:web</code> (npm install does it) and reload.</p></body></html>`;

/** The error body every endpoint uses: a catalogue code, the message in the caller's language, the fields at fault. */
function errorBody(error: DomainError, lang: Lang) {
  return {
    error: {
      code: error.code,
      message: error.messageIn(lang),
      ...(error instanceof ValidationError ? { fields: error.problems } : {}),
    },
  };
}

/**
 * Builds the HTTP app on an open database. Stateless: sessions, throttling and deadline markers live in the
 * database, so several instances can serve one PostgreSQL.
 */
export async function buildApp(options: {
  database: AppDatabase;
  config: AppConfig;
  now?: () => Date;
  logger?: boolean;
}): Promise<FastifyInstance> {
  const { database, config } = options;
  const services: ServiceContext = {
    db: database.db,
    config,
    now: options.now ?? (() => new Date()),
    ...(config.registerCacheRows > 0
      ? { registerPages: new RegisterPageCache(config.registerCacheRows) }
      : {}),
    ...(database.localWrites ? { sessions: new SessionCache(database.localWrites) } : {}),
  };
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    bodyLimit: Math.ceil(config.maxAttachmentBytes * 1.4) + 1024 * 1024,
    trustProxy: true,
  });
  await app.register(cookie);
  // Everything but JSON arrives as raw bytes (evidence files, people lists, scans), text/plain included.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(/^(?!application\/json).*/, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  const sessions = new WeakMap<FastifyRequest, SessionUser | null>();
  const deps = {
    services,
    async sessionOf(request: FastifyRequest) {
      if (sessions.has(request)) return sessions.get(request) ?? null;
      const token = request.cookies[sessionCookieName];
      const session = token ? await sessionOf(services, token) : null;
      sessions.set(request, session);
      return session;
    },
    async breachInOrganisation(organisationId: string, breachId: string) {
      return breachExists(services.db, organisationId, breachId);
    },
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = (request as FastifyRequest & { lang?: Lang }).lang ?? langOf(request, null);
    let domainError: DomainError;
    if (error instanceof DomainError) domainError = error;
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      domainError = attachmentTooLarge(config);
    } else if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      domainError = new ValidationError([
        { field: '(body)', message: lang === 'pl' ? 'nieprawidłowy JSON' : 'invalid JSON' },
      ]);
    } else {
      request.log.error(error);
      if (!options.logger) console.error(error);
      domainError = new DomainError('internal');
    }
    reply.status(domainError.status).send(errorBody(domainError, lang));
  });
  // The single-page app: its files at `/`, and index.html for any other GET outside /api (client-side routes).
  const webBuilt = existsSync(`${webDistDir}index.html`);
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: true,
      index: false,
      setHeaders: (response, path) => {
        response.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  } else if (options.logger) {
    console.warn(`[incydent] ${webDistDir} not found: run "npm run build:web" to serve the web app.`);
  }
  if (webBuilt && options.logger && webBuildIsStale()) {
    console.warn(
      '[incydent] aplikacja w web/dist jest starsza niż jej źródła: po aktualizacji uruchom npm install / the web app in web/dist is older than its sources: after an update, run npm install',
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api';
    if (isPage && webBuilt) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html').sendFile('index.html');
    }
    if (isPage) return reply.status(503).type('text/html').send(webMissingPage);
    const error = new DomainError('not-found');
    return reply.status(404).send(errorBody(error, langOf(request, null)));
  });

  const routes: AnyRoute[] = [];
  const allRoutes = () => routes;
  routes.push(
    ...systemRoutes({
      databaseKind: database.kind,
      version: appVersion,
      openApi: () => openApiDocument(allRoutes(), { version: appVersion }),
    }),
    ...authRoutes,
    ...publicRoutes,
    ...organisationRoutes,
    ...breachRoutes,
    ...documentRoutes,
    ...scanRoutes,
    ...dashboardRoutes,
    ...mailRoutes,
    ...calendarRoutes,
    ...webAppRoutes,
  );
  for (const route of routes) registerRoute(app, route, deps);
  return app;
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import { isLang, type Lang } from '../domain/language.ts';
import { can, type Permission, type Role } from '../domain/permissions.ts';
import { parseInput } from '../domain/validation.ts';
import type { SessionUser } from './auth.service.ts';
import { JsonText } from './json-text.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/**
 * One way to declare an endpoint: its schemas (which validate input at the edge and feed the OpenAPI document),
 * who may call it, and a thin handler that calls a use case. Authorisation happens here, in one place, before any
 * data is loaded: a member of another organisation gets "not found", never "forbidden".
 */
/** `pending-session`: logged in with the password, the second factor not yet given (only to give it). */
export type Access = 'public' | 'session' | 'pending-session' | { anyOf: readonly Permission[] };

export type RouteContext<P, Q, B> = {
  request: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  lang: Lang;
  services: ServiceContext;
  session: SessionUser | null;
  /** For organisation routes: the caller as a member of the organisation in the URL. */
  actor: Actor;
  role: Role | null;
};

export type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** A raw request body (attachments) instead of JSON. */
  rawBody?: boolean;
  successStatus?: number;
  handler: (context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
};

export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export type RouteDeps = {
  services: ServiceContext;
  sessionOf(request: FastifyRequest): Promise<SessionUser | null>;
  /** Whether a breach id belongs to the organisation: checked before the body, so any id of another is "not found". */
  breachInOrganisation(organisationId: string, breachId: string): Promise<boolean>;
};

export function langOf(request: FastifyRequest, session: SessionUser | null): Lang {
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (isLang(query.lang)) return query.lang;
  if (session && isLang(session.lang)) return session.lang;
  const accept = request.headers['accept-language'];
  return typeof accept === 'string' && /^\s*en\b/i.test(accept) ? 'en' : 'pl';
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const empty = z.object({});

export function defineRoute<
  P extends z.ZodType = typeof empty,
  Q extends z.ZodType = typeof empty,
  B extends z.ZodType = typeof empty,
>(spec: RouteSpec<P, Q, B>): AnyRoute {
  return spec as unknown as AnyRoute;
}

export function registerRoute(app: FastifyInstance, route: AnyRoute, deps: RouteDeps): void {
  app.route({
    method: route.method,
    url: route.url,
    handler: async (request, reply) => {
      const session = route.access === 'public' ? null : await deps.sessionOf(request);
      const lang = langOf(request, session);
      (request as FastifyRequest & { lang?: Lang }).lang = lang;
      let actor: Actor = { userId: null, label: 'anonymous', organisationId: '', role: 'public' };
      let role: Role | null = null;
      if (route.access !== 'public') {
        if (!session) throw new DomainError('auth.required');
        if (session.secondFactorPending && route.access !== 'pending-session') {
          throw new DomainError('auth.second-factor-required');
        }
        if (unsafeMethods.has(route.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
          throw new DomainError('auth.csrf');
        }
        actor = {
          userId: session.userId,
          label: `${session.name} <${session.email}>`,
          organisationId: '',
          role: 'public',
        };
      }
      const params = parseInput(route.params ?? empty, request.params ?? {}, lang, ['(url)']) as Record<
        string,
        unknown
      >;
      if (typeof route.access === 'object') {
        const organisationId = String(params.orgId ?? '');
        const membership = session?.roles.find((r) => r.organisationId === organisationId) ?? null;
        if (!membership) throw new DomainError('not-found');
        if (!route.access.anyOf.some((permission) => can(membership.role, permission))) {
          throw new DomainError('auth.forbidden', { permission: route.access.anyOf.join(' | ') });
        }
        if (
          membership.requireTotp &&
          (membership.role === 'dpo' || membership.role === 'admin') &&
          !session?.totpEnabled
        ) {
          throw new DomainError('auth.second-factor-enrolment-required');
        }
        role = membership.role;
        actor = { ...actor, organisationId, role: membership.role };
        if (
          typeof params.breachId === 'string' &&
          !(await deps.breachInOrganisation(organisationId, params.breachId))
        ) {
          throw new DomainError('not-found');
        }
      }
      const query = parseInput(route.query ?? empty, request.query ?? {}, lang, ['(query)']);
      const body = route.rawBody ? request.body : parseInput(route.body ?? empty, request.body ?? {}, lang);
      const result = await route.handler({
        request,
        reply,
        params,
        query,
        body,
        lang,
        services: deps.services,
        session,
        actor,
        role,
      });
      if (reply.sent) return reply;
      reply.status(route.successStatus ?? 200);
      if (result instanceof JsonText) return reply.type('application/json; charset=utf-8').send(result.text);
      return result ?? {};
    },
  });
}

/** The OpenAPI 3.1 document of the declared routes, from the same zod schemas that validate them. */
export function openApiDocument(routes: readonly AnyRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!(schema instanceof z.ZodObject)) continue;
      for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        parameters.push({ name, in: location, required: location === 'path', schema: jsonSchema(field) });
      }
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      ...(typeof route.access === 'object'
        ? { 'x-permissions': route.access.anyOf }
        : { 'x-access': route.access }),
      parameters,
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      ...(route.rawBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      responses: {
        [String(route.successStatus ?? 200)]: { description: 'OK' },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'incydent API',
      version: info.version,
      description: 'Personal data breach handling under the GDPR (RODO).',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { field: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'incydent_session' } },
    },
  };
}

import type { FastifyInstance } from 'fastify';
import { type AppDatabase, openDatabase } from '../../src/db/database.ts';
import { insertOrganisation } from '../../src/db/organisation.repository.ts';
import { insertUser, upsertMembership } from '../../src/db/user.repository.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { buildApp } from '../../src/server/app.ts';
import { type AppConfig, loadConfig } from '../../src/server/config.ts';
import { hashPassword } from '../../src/server/password.ts';
import { freshDatabase } from './test-database.ts';

export const testPassword = 'haslo-testowe-123';
let passwordHash: Promise<string> | null = null;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current);
  advanceHours(hours: number) {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
}

export type Harness = {
  app: FastifyInstance;
  database: AppDatabase & { url: string | null };
  clock: TestClock;
  config: AppConfig;
  close(): Promise<void>;
  /** An organisation with a member of the given role; builds what is missing. */
  member(options: {
    role: Role;
    organisationId?: string;
    email?: string;
    name?: string;
  }): Promise<{ userId: string; organisationId: string; email: string }>;
  organisation(name?: string): Promise<{ id: string; reportToken: string }>;
  client(): TestClient;
  /** The app again on the same database: sessions, throttles and data must survive it. */
  restart(): Promise<void>;
  /**
   * A second app instance on the same database (on PostgreSQL through its own connection pool), as a second
   * server behind a load balancer would be; `client()` of the result talks to it.
   */
  secondInstance(): Promise<{ client(): TestClient; close(): Promise<void> }>;
};

export async function startHarness(
  options: { config?: Partial<AppConfig>; now?: string } = {},
): Promise<Harness> {
  const database = await freshDatabase();
  const clock = new TestClock(new Date(options.now ?? '2026-11-20T09:00:00Z'));
  const config = { ...loadConfig({}), sweepIntervalSeconds: 0, ...options.config };
  let app = await buildApp({ database, config, now: clock.now });
  let counter = 0;
  const harness: Harness = {
    get app() {
      return app;
    },
    database,
    clock,
    config,
    async close() {
      await app.close();
      await database.close();
    },
    async organisation(name) {
      counter++;
      const row = await insertOrganisation(
        database.db,
        { name: name ?? `Organizacja ${counter}` },
        `token-${counter}-${Math.random().toString(36).slice(2)}`,
      );
      return { id: row.id, reportToken: row.report_token };
    },
    async member({ role, organisationId, email, name }) {
      counter++;
      const n = counter;
      const address = email ?? `osoba${n}-${role}@example.pl`;
      const orgId = organisationId ?? (await harness.organisation()).id;
      passwordHash ??= hashPassword(testPassword);
      const user = await insertUser(database.db, {
        email: address,
        name: name ?? `Osoba ${n} (${role})`,
        passwordHash: await passwordHash,
      });
      await upsertMembership(database.db, { userId: user.id, organisationId: orgId, role });
      return { userId: user.id, organisationId: orgId, email: address };
    },
    client() {
      return new TestClient(() => app);
    },
    async restart() {
      await app.close();
      app = await buildApp({ database, config, now: clock.now });
    },
    async secondInstance() {
      const own = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 3 }) : null;
      const other = await buildApp({ database: own ?? database, config, now: clock.now });
      return {
        client: () => new TestClient(() => other),
        async close() {
          await other.close();
          await own?.close();
        },
      };
    },
  };
  return harness;
}

export type Response<T = Record<string, unknown>> = {
  status: number;
  body: T;
  headers: Record<string, unknown>;
};

/** An HTTP client over the app (in-process), keeping the session cookie and CSRF token like a browser does. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  lang: 'pl' | 'en' = 'pl';
  ip = '127.0.0.1';

  constructor(private readonly app: () => FastifyInstance) {}

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const raw = Buffer.isBuffer(body);
    const response = await this.app().inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: raw ? (body as Buffer) : JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'incydent_session');
    if (setCookie) this.cookie = setCookie.value ? `incydent_session=${setCookie.value}` : null;
    const type = String(response.headers['content-type'] ?? '');
    const parsed = type.includes('application/json') ? response.json() : response.rawPayload;
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  async login(email: string, password = testPassword): Promise<Response> {
    const response = await this.request('POST', '/api/auth/login', { email, password });
    if (response.status === 200) this.csrf = String(response.body.csrfToken);
    return response;
  }
}

/**
 * `npm run bench:api` — issue 3: 100,000 breaches over 100 organisations; the register page of 50 under 50
 * connections for 10 s (autocannon), with req/s, p95, p99 and the ratio to a bare route of the same server in the
 * same run, on PGlite and on PostgreSQL (a throwaway cluster when Debian's postgresql is installed, or
 * BENCH_POSTGRES_URL). Target: p99 < 50 ms on both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { type AppDatabase, migrateToLatest, openDatabase } from '../src/db/database.ts';
import { insertUser, upsertMembership } from '../src/db/user.repository.ts';
import { hashPassword } from '../src/server/password.ts';
import { postgresBinaries, startThrowawayCluster } from '../test/support/postgres-cluster.ts';

const organisations = 100;
const breachesPerOrganisation = 1000;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const warmUpSeconds = 2;
const password = 'benchmark-password';

async function seed(database: AppDatabase): Promise<{ organisationId: string }> {
  const db = database.db;
  await migrateToLatest(db);
  await sql`insert into organisations (name, report_token)
    select 'Organizacja ' || g, 'bench-token-' || g from generate_series(1, ${organisations}) g`.execute(db);
  await sql`insert into breaches (organisation_id, reference, title, status, details, aware_at, first_notified_at,
      breach_types, risk_level, created_at, updated_at)
    select o.id,
      '2026/' || lpad(g::text, 4, '0'),
      'Naruszenie nr ' || g || ': dokumenty wysłane do niewłaściwego odbiorcy',
      (array['reported','triage','breach-confirmed','assessed','authority-notified','closed'])[1 + g % 6],
      jsonb_build_object('subjectsApprox', g % 500, 'description', 'Opis zdarzenia ' || g),
      now() - (g || ' hours')::interval,
      case when g % 3 = 0 then now() - (g || ' hours')::interval + interval '20 hours' end,
      array['confidentiality'],
      (array['unlikely','risk','high'])[1 + g % 3],
      now() - (g || ' hours')::interval - interval '2 hours',
      now()
    from organisations o cross join generate_series(1, ${breachesPerOrganisation}) g`.execute(db);
  await sql`vacuum analyze`.execute(db);
  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Organizacja 42')
    .executeTakeFirstOrThrow();
  const user = await insertUser(db, {
    email: 'iod@bench.pl',
    name: 'IOD',
    passwordHash: await hashPassword(password),
  });
  await upsertMembership(db, { userId: user.id, organisationId: organisation.id, role: 'dpo' });
  return { organisationId: organisation.id };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./api-server.ts', import.meta.url).pathname],
    {
      env: { ...process.env, ...env, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` };
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'iod@bench.pl', password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

type Figures = { requestsPerSecond: number; p95: number; p99: number; errors: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function load(url: string, cookie: string, duration = seconds): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers: { cookie } }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx,
  };
}

async function run(kind: 'pglite' | 'postgresql') {
  let cleanup = async () => {};
  let env: Record<string, string>;
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'incydent-bench-'));
    const database = await openDatabase({ dataDir: dir });
    const seeded = await seed(database);
    await database.close();
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = () => rm(dir, { recursive: true, force: true });
    return measure(kind, env, seeded.organisationId, cleanup);
  }
  let url = process.env.BENCH_POSTGRES_URL;
  if (!url) {
    const cluster = await startThrowawayCluster();
    url = cluster.url;
    cleanup = async () => cluster.stop();
  }
  const database = await openDatabase({ databaseUrl: url });
  const seeded = await seed(database);
  await database.close();
  env = { DATABASE_URL: url };
  return measure(kind, env, seeded.organisationId, cleanup);
}

/** Starts the server with `env`, logs in, runs `work`, and stops the server. */
async function withServer<T>(
  env: Record<string, string>,
  work: (base: string, cookie: string) => Promise<T>,
): Promise<T> {
  const { child, base } = await startServer(env);
  try {
    return await work(base, await login(base));
  } finally {
    // Let the last keep-alive requests finish before the server goes down.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function measure(
  kind: string,
  env: Record<string, string>,
  organisationId: string,
  cleanup: () => Promise<void>,
) {
  const registerPath = `/api/orgs/${organisationId}/breaches?page=1&pageSize=50`;
  try {
    await withServer(env, async (base, cookie) => {
      // Unmeasured warm-up of both routes: the JIT compiles the hot paths and the connection pool fills.
      await load(`${base}/bench/bare`, cookie, warmUpSeconds);
      await load(`${base}${registerPath}`, cookie, warmUpSeconds);
      const bare = await load(`${base}/bench/bare`, cookie);
      const register = await load(`${base}${registerPath}`, cookie);
      const ratio = register.requestsPerSecond / bare.requestsPerSecond;
      console.log(
        `${kind.padEnd(10)} bare route:    ${String(bare.requestsPerSecond).padStart(6)} req/s  p95 ${bare.p95} ms  p99 ${bare.p99} ms`,
      );
      console.log(
        `${kind.padEnd(10)} register page: ${String(register.requestsPerSecond).padStart(6)} req/s  p95 ${register.p95} ms  p99 ${register.p99} ms  errors ${register.errors}  ratio to bare ${ratio.toFixed(3)}  p99 target < 50 ms: ${register.p99 < 50 ? 'met' : 'MISSED'}`,
      );
    });
    // The same page with the register page cache off: what every request costs when nothing is reused.
    await withServer({ ...env, REGISTER_CACHE_ROWS: '0' }, async (base, cookie) => {
      await load(`${base}${registerPath}`, cookie, warmUpSeconds);
      const uncached = await load(`${base}${registerPath}`, cookie);
      console.log(
        `${kind.padEnd(10)} page cache off: ${String(uncached.requestsPerSecond).padStart(5)} req/s  p95 ${uncached.p95} ms  p99 ${uncached.p99} ms  errors ${uncached.errors}  (REGISTER_CACHE_ROWS=0; no target)`,
      );
    });
  } finally {
    await cleanup();
  }
}

console.log(
  `incydent bench:api — ${organisations * breachesPerOrganisation} breaches over ${organisations} organisations; register page of 50; ${connections} connections × ${seconds} s after ${warmUpSeconds} s of warm-up`,
);
// BENCH_ONLY=pglite|postgresql runs one kind.
const only = process.env.BENCH_ONLY;
if (!only || only === 'pglite') await run('pglite');
if (only === 'pglite') process.exit(0);
if (process.env.BENCH_POSTGRES_URL || postgresBinaries()) await run('postgresql');
else console.log('postgresql: skipped — install Debian postgresql or set BENCH_POSTGRES_URL');

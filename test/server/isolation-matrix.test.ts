import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission, type Role, roles } from '../../src/domain/permissions.ts';
import type { AnyRoute } from '../../src/server/http-route.ts';
import { breachRoutes } from '../../src/server/routes/breach.routes.ts';
import { documentRoutes } from '../../src/server/routes/document.routes.ts';
import { organisationRoutes } from '../../src/server/routes/organisation.routes.ts';
import { scanRoutes } from '../../src/server/routes/scan.routes.ts';
import { runningScans } from '../../src/server/scan.service.ts';
import { type Harness, startHarness, type TestClient } from '../support/app-harness.ts';

/**
 * STYLE.md §3–4, issue 3: for every endpoint, a member of organisation B gets "not found" for any id of
 * organisation A, and each role can do exactly what its permissions say.
 */
const scopedRoutes = [...organisationRoutes, ...breachRoutes, ...documentRoutes, ...scanRoutes].filter(
  (route): route is AnyRoute & { access: { anyOf: readonly Permission[] } } =>
    typeof route.access === 'object',
);

let h: Harness;
let ids: {
  orgA: string;
  orgB: string;
  breachA: string;
  actionA: string;
  attachmentA: string;
  userA: string;
  breachB: string;
  scanA: string;
};
const clients = new Map<string, TestClient>();

function valuesOf(orgId: string): Record<string, string> {
  return {
    orgId,
    breachId: ids.breachA,
    actionId: ids.actionA,
    attachmentId: ids.attachmentA,
    userId: ids.userA,
    scanId: ids.scanA,
    kind: 'internal-report',
  };
}

function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? `missing-${name}`);
}

async function call(client: TestClient, route: AnyRoute, url: string) {
  const body = route.rawBody
    ? Buffer.from('dowód')
    : route.method === 'GET' || route.method === 'DELETE'
      ? undefined
      : {};
  const headers: Record<string, string> = route.rawBody
    ? { 'content-type': 'text/plain', 'x-filename': 'dowod.txt' }
    : {};
  return client.request(route.method, url, body, headers);
}

beforeAll(async () => {
  h = await startHarness();
  const a = await h.organisation('Organizacja A');
  const b = await h.organisation('Organizacja B');
  for (const role of roles) {
    const memberA = await h.member({ role, organisationId: a.id, email: `${role}@a.example.pl` });
    const clientA = h.client();
    expect((await clientA.login(memberA.email)).status).toBe(200);
    clients.set(`A:${role}`, clientA);
  }
  const memberB = await h.member({ role: 'admin', organisationId: b.id, email: 'admin@b.example.pl' });
  const clientB = h.client();
  await clientB.login(memberB.email);
  clients.set('B:admin', clientB);

  // Organisation A's objects, reported by A's reporter so that "read own" applies to them.
  const reporter = clients.get('A:reporter')!;
  const breach = await reporter.request<{ id: string }>('POST', `/api/orgs/${a.id}/breaches`, {
    report: { whatHappened: 'Zgubiony pendrive z listą uczniów' },
  });
  const dpo = clients.get('A:dpo')!;
  const action = await dpo.request<{ actions: { id: string }[] }>(
    'POST',
    `/api/orgs/${a.id}/breaches/${breach.body.id}/actions`,
    {
      kind: 'corrective',
      description: 'Szyfrowanie pendrive’ów',
    },
  );
  const attachment = await dpo.request<{ id: string }>(
    'POST',
    `/api/orgs/${a.id}/breaches/${breach.body.id}/attachments`,
    Buffer.from('zdjęcie'),
    {
      'content-type': 'image/jpeg',
      'x-filename': encodeURIComponent('zdjęcie.jpg'),
    },
  );
  const scan = await dpo.request<{ id: string }>(
    'POST',
    `/api/orgs/${a.id}/breaches/${breach.body.id}/scans`,
    Buffer.from('PESEL 44051401359'),
    {
      'content-type': 'text/plain',
      'x-filename': 'notatka.txt',
    },
  );
  if (scan.status !== 202) throw new Error(JSON.stringify(scan.body));
  await runningScans();
  const extra = await h.member({ role: 'auditor', organisationId: a.id, email: 'extra@a.example.pl' });
  const breachB = await clientB.request<{ id: string }>('POST', `/api/orgs/${b.id}/breaches`, {
    report: { whatHappened: 'B' },
  });
  ids = {
    orgA: a.id,
    orgB: b.id,
    breachA: breach.body.id,
    actionA: action.body.actions[0]!.id,
    attachmentA: attachment.body.id,
    userA: extra.userId,
    breachB: breachB.body.id,
    scanA: scan.body.id,
  };
});
afterAll(async () => {
  await runningScans();
  await h.close();
});

describe('isolation between organisations', () => {
  it.each(scopedRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s: B gets "not found" for A',
    async (_, route) => {
      const client = clients.get('B:admin')!;
      const values = valuesOf(ids.orgA);
      const response = await call(client, route, fill(route.url, values));
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        error: { code: 'not-found', message: 'Nie znaleziono lub brak dostępu.' },
      });

      if (route.url.includes(':breachId')) {
        // B's own organisation in the path, A's breach id: still not found.
        const crossed = await call(client, route, fill(route.url, { ...values, orgId: ids.orgB }));
        expect(crossed.status).toBe(404);
      }
    },
  );

  it("the register of B's member lists none of A's breaches", async () => {
    const register = await clients
      .get('B:admin')!
      .request<{ items: { id: string }[] }>('GET', '/api/register');
    expect(register.body.items.map((i) => i.id)).toEqual([ids.breachB]);
    const filtered = await clients
      .get('B:admin')!
      .request<{ total: number }>('GET', `/api/register?organisationId=${ids.orgA}`);
    expect(filtered.body.total).toBe(0);
  });
});

describe('each role can do exactly what its permissions say', () => {
  const cases = scopedRoutes
    .filter((route) => route.method !== 'DELETE')
    .flatMap((route) =>
      roles.map((role) => [`${role} → ${route.method} ${route.url}`, role, route] as const),
    );

  it.each(cases)('%s', async (_, role: Role, route) => {
    const values = valuesOf(ids.orgA);
    const response = await call(clients.get(`A:${role}`)!, route, fill(route.url, values));
    const allowed = route.access.anyOf.some((permission) => can(role, permission));
    if (allowed) {
      expect([403, 404], JSON.stringify(response.body)).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect((response.body as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'auth.forbidden',
      });
      expect((response.body as { error: { message: string } }).error.message).toContain(
        'Twoja rola w tej organizacji nie pozwala',
      );
    }
  });

  it('removing a member is the admin’s alone', async () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      const response = await clients
        .get(`A:${role}`)!
        .request('DELETE', `/api/orgs/${ids.orgA}/members/${ids.userA}`);
      expect(response.status).toBe(403);
    }
    expect(
      (await clients.get('A:admin')!.request('DELETE', `/api/orgs/${ids.orgA}/members/${ids.userA}`)).status,
    ).toBe(200);
  });

  it('the breach tells each role which actions it may take', async () => {
    const auditor = await clients
      .get('A:auditor')!
      .request<{ allowedEvents: string[]; permissions: string[] }>(
        'GET',
        `/api/orgs/${ids.orgA}/breaches/${ids.breachA}`,
      );
    expect(auditor.body.allowedEvents).toEqual([]);
    expect(auditor.body.permissions).not.toContain('breach.update');
    const dpo = await clients
      .get('A:dpo')!
      .request<{ allowedEvents: string[] }>('GET', `/api/orgs/${ids.orgA}/breaches/${ids.breachA}`);
    expect(dpo.body.allowedEvents).toEqual(['start-triage', 'dismiss', 'confirm-breach']);
  });

  it("a reporter sees the reports they made and no one else's", async () => {
    const dpo = clients.get('A:dpo')!;
    const other = await dpo.request<{ id: string }>('POST', `/api/orgs/${ids.orgA}/breaches`, {
      report: { whatHappened: 'Inne' },
    });
    const reporter = clients.get('A:reporter')!;
    expect((await reporter.request('GET', `/api/orgs/${ids.orgA}/breaches/${other.body.id}`)).status).toBe(
      404,
    );
    const mine = await reporter.request<{ items: { id: string }[] }>('GET', `/api/orgs/${ids.orgA}/breaches`);
    expect(mine.body.items.map((i) => i.id)).toEqual([ids.breachA]);
  });
});

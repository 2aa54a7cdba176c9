import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFilterOf, registerQuerySchema } from '../../src/server/breach.schemas.ts';
import { registerPage, registerPageJson } from '../../src/server/breach.service.ts';
import type { ServiceContext } from '../../src/server/service-context.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

/**
 * The read path keeps what it has read (register pages by register version; on PGlite, sessions until the next
 * write). These tests prove that nothing stale is ever served: a change shows at the very next request, whichever
 * app instance made it, and also when it was made behind the application's back.
 */
describe('register pages and sessions read again after any change', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  type Page = {
    total: number;
    items: { id: string; title: string; organisationName: string; status: string }[];
  };

  it('a change made on another app instance shows in the register at the next request', async () => {
    const { client, organisationId, url, breachId } = await buildConfirmedBreach(h);
    const registerUrl = `/api/orgs/${organisationId}/breaches`;
    const first = await client.request<Page>('GET', registerUrl);
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.id)).toEqual([breachId]);
    // The same page again: served from what this instance read, and equal to it.
    expect((await client.request<Page>('GET', registerUrl)).body).toEqual(first.body);

    const second = await h.secondInstance();
    try {
      const other = second.client();
      other.cookie = client.cookie;
      other.csrf = client.csrf;
      const patched = await other.request('PATCH', url, { title: 'Lista płac w cudzej skrzynce' });
      expect(patched.status).toBe(200);
      const admin = await h.member({ role: 'admin', organisationId });
      const otherAdmin = second.client();
      await otherAdmin.login(admin.email);
      const renamed = await otherAdmin.request('PATCH', `/api/orgs/${organisationId}`, {
        name: 'Szkoła nr 7',
      });
      expect(renamed.status).toBe(200);
      const created = await other.request<{ id: string }>('POST', registerUrl, {
        report: { whatHappened: 'Zgubiony pendrive z listą uczniów' },
      });
      expect(created.status).toBe(201);
    } finally {
      await second.close();
    }

    const after = await client.request<Page>('GET', registerUrl);
    expect(after.body.total).toBe(2);
    const changed = after.body.items.find((i) => i.id === breachId);
    expect(changed).toMatchObject({ title: 'Lista płac w cudzej skrzynce', organisationName: 'Szkoła nr 7' });
  });

  it('a change made behind the application (plain SQL) shows too: triggers keep the register versions', async () => {
    const { client, organisationId, breachId } = await buildConfirmedBreach(h);
    const registerUrl = `/api/orgs/${organisationId}/breaches`;
    expect((await client.request<Page>('GET', registerUrl)).body.items[0]?.status).toBe('breach-confirmed');
    await sql`update breaches set status = 'closed' where id = ${breachId}`.execute(h.database.db);
    expect((await client.request<Page>('GET', registerUrl)).body.items[0]?.status).toBe('closed');
    await sql`delete from breaches where id = ${breachId}`.execute(h.database.db);
    expect((await client.request<Page>('GET', registerUrl)).body.total).toBe(0);
  });

  it('register versions never come back, even when an organisation is deleted and inserted again', async () => {
    const { organisationId } = await buildConfirmedBreach(h);
    const versionOf = async () =>
      (
        await sql<{
          version: number;
        }>`select version from register_versions where organisation_id = ${organisationId}`.execute(
          h.database.db,
        )
      ).rows[0]?.version;
    const before = await versionOf();
    expect(before).toBeGreaterThan(0);
    // As a restore with --replace does: the organisation and its breaches deleted (by cascade) and inserted again.
    const db = h.database.db;
    await db.transaction().execute(async (trx) => {
      await sql`create temporary table organisation_copy on commit drop as
        select * from organisations where id = ${organisationId}`.execute(trx);
      await sql`create temporary table breaches_copy on commit drop as
        select * from breaches where organisation_id = ${organisationId}`.execute(trx);
      await sql`delete from organisations where id = ${organisationId}`.execute(trx);
      expect(
        await trx.selectFrom('breaches').select('id').where('organisation_id', '=', organisationId).execute(),
      ).toEqual([]);
      await sql`insert into organisations select * from organisation_copy`.execute(trx);
      await sql`insert into breaches select * from breaches_copy`.execute(trx);
    });
    const after = await versionOf();
    expect(after).toBeGreaterThan(before!);
  });

  it("a session's change takes effect at the next request: role, membership, account disabled", async () => {
    const { client, organisationId } = await buildConfirmedBreach(h);
    const admin = await h.member({ role: 'admin', organisationId });
    const adminClient = h.client();
    await adminClient.login(admin.email);
    const registerUrl = `/api/orgs/${organisationId}/breaches`;
    const session = await client.request<{ user: { id: string; email: string } }>('GET', '/api/session');
    const { id: userId, email } = session.body.user;
    const byAdmin = await adminClient.request('POST', registerUrl, {
      report: { whatHappened: 'Otwarta szafa z aktami' },
    });
    expect(byAdmin.status).toBe(201);
    expect((await client.request<Page>('GET', registerUrl)).body.total).toBe(2);

    // Now a reporter: sees only what they reported themselves.
    expect(
      (await adminClient.request('PUT', `/api/orgs/${organisationId}/members`, { email, role: 'reporter' }))
        .status,
    ).toBe(200);
    expect((await client.request<Page>('GET', registerUrl)).body.total).toBe(1);

    // Removed from the organisation: "not found".
    expect(
      (await adminClient.request('DELETE', `/api/orgs/${organisationId}/members/${userId}`)).status,
    ).toBe(200);
    expect((await client.request('GET', registerUrl)).status).toBe(404);

    // Disabled: no session at all.
    expect((await client.request('GET', '/api/session')).status).toBe(200);
    await h.database.db
      .updateTable('users')
      .set({ disabled_at: h.clock.now() })
      .where('id', '=', userId)
      .execute();
    expect((await client.request('GET', '/api/session')).status).toBe(401);
  });

  it('the JSON text the API sends for a page is exactly the page the service returns', async () => {
    const { client, organisationId } = await buildConfirmedBreach(h);
    // Rows in every deadline shape: running, met (notified), none yet (an unconfirmed report); text to escape.
    const report = await client.request('POST', `/api/orgs/${organisationId}/breaches`, {
      report: { whatHappened: 'Zgłoszenie "w cudzysłowie" \\ z ukośnikiem i znakiem ł' },
    });
    expect(report.status).toBe(201);
    const notified = await buildConfirmedBreach(h, { organisationId });
    await h.database.db
      .updateTable('breaches')
      .set({ first_notified_at: h.clock.now(), title: 'Tytuł "z cudzysłowem"\nw dwóch wierszach' })
      .where('id', '=', notified.breachId)
      .execute();
    const services: ServiceContext = { db: h.database.db, config: h.config, now: h.clock.now };
    const filter = registerFilterOf(registerQuerySchema.parse({}), { organisationIds: [organisationId] });
    const object = await registerPage(services, filter);
    const text = await registerPageJson(services, filter);
    expect(object.total).toBe(3);
    expect(JSON.parse(text.text)).toEqual(object);
    expect(object.items.some((i) => i.deadline === null)).toBe(true);
    expect(object.items.some((i) => i.deadline?.state === 'on-time')).toBe(true);
    expect(object.items.some((i) => i.deadline?.state === 'met')).toBe(true);
    const api = await client.request<Page>('GET', `/api/orgs/${organisationId}/breaches`);
    expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(api.body).toEqual(object);
  });

  it('a session ends when it expires, whatever was read before', async () => {
    const { client } = await buildConfirmedBreach(h);
    expect((await client.request('GET', '/api/session')).status).toBe(200);
    h.clock.advanceHours(h.config.sessionHours + 1);
    expect((await client.request('GET', '/api/session')).status).toBe(401);
  });
});

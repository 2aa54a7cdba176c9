import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateOrganisation } from '../../src/db/organisation.repository.ts';
import { totpCode } from '../../src/server/auth.service.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('accounts and sessions', () => {
  it('one-time setup creates the first admin and organisation, then is refused', async () => {
    const client = h.client();
    expect((await client.request('GET', '/api/setup')).body).toEqual({ needed: true });
    const created = await client.request('POST', '/api/setup', {
      email: 'IOD@Gmina.PL',
      name: 'Ewa Wiśniewska',
      password: 'bardzo-dlugie-haslo',
      organisation: { name: 'Urząd Gminy' },
    });
    expect(created.status).toBe(201);
    const session = await client.request<{
      user: { email: string };
      memberships: { role: string; organisationName: string }[];
    }>('GET', '/api/session');
    expect(session.body.user.email).toBe('iod@gmina.pl');
    expect(session.body.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Urząd Gminy', role: 'admin' }),
    ]);
    const again = await h.client().request('POST', '/api/setup', {
      email: 'x@y.pl',
      name: 'X',
      password: 'bardzo-dlugie-haslo',
      organisation: { name: 'Y' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: { code: 'setup.done', message: 'Konfiguracja początkowa została już wykonana.' },
    });
  });

  it('a wrong password is 401 with a message that does not say which part was wrong', async () => {
    const user = await h.member({ role: 'dpo' });
    const response = await h.client().login(user.email, 'zle-haslo-123');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { code: 'auth.invalid-credentials', message: 'Nieprawidłowy e-mail lub hasło.' },
    });
    const unknown = await h.client().login('nikt@example.pl', 'zle-haslo-123');
    expect(unknown.body).toEqual(response.body);
  });

  it('login is throttled per account after 5 failures, in the caller’s language, and frees up after the window', async () => {
    const user = await h.member({ role: 'dpo' });
    for (let i = 0; i < 5; i++) expect((await h.client().login(user.email, 'zle')).status).toBe(401);
    const client = h.client();
    client.lang = 'en';
    const blocked = await client.login(user.email);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      error: { code: 'auth.throttled', message: 'Too many failed login attempts. Try again in 15 min.' },
    });
    h.clock.advanceHours(0.3);
    expect((await h.client().login(user.email)).status).toBe(200);
  });

  it('login is throttled per address across accounts', async () => {
    const emails = await Promise.all(
      Array.from({ length: 5 }, () => h.member({ role: 'dpo' }).then((m) => m.email)),
    );
    for (let i = 0; i < 20; i++) await h.client().login(emails[i % 5]!, 'zle');
    expect((await h.client().login(emails[0]!)).status).toBe(429);
    const elsewhere = h.client();
    elsewhere.ip = '10.9.9.9';
    expect((await elsewhere.login(emails[1]!)).status).toBe(200);
  });

  it('a change without the CSRF token is refused; with it, accepted', async () => {
    const user = await h.member({ role: 'dpo' });
    const client = h.client();
    await client.login(user.email);
    const token = client.csrf;
    client.csrf = null;
    const refused = await client.request('POST', `/api/orgs/${user.organisationId}/breaches`, {
      report: { whatHappened: 'x' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'auth.csrf' } });
    client.csrf = token;
    expect(
      (
        await client.request('POST', `/api/orgs/${user.organisationId}/breaches`, {
          report: { whatHappened: 'x' },
        })
      ).status,
    ).toBe(201);
  });

  it('sessions live in the database: they survive a restart; logout everywhere ends them all', async () => {
    const user = await h.member({ role: 'dpo' });
    const laptop = h.client();
    const phone = h.client();
    await laptop.login(user.email);
    await phone.login(user.email);
    await h.restart();
    expect((await laptop.request('GET', '/api/session')).status).toBe(200);
    const out = await laptop.request<{ sessions: number }>('POST', '/api/auth/logout-everywhere');
    expect(out.body.sessions).toBe(2);
    expect((await phone.request('GET', '/api/session')).status).toBe(401);
    expect((await laptop.request('GET', '/api/session')).status).toBe(401);
  });

  it('two app instances on one database share sessions: log in on one, work and log out everywhere on the other', async () => {
    const user = await h.member({ role: 'dpo' });
    const second = await h.secondInstance();
    try {
      const onFirst = h.client();
      await onFirst.login(user.email);
      const onSecond = second.client();
      onSecond.cookie = onFirst.cookie;
      onSecond.csrf = onFirst.csrf;
      const created = await onSecond.request('POST', `/api/orgs/${user.organisationId}/breaches`, {
        report: { whatHappened: 'Zgubiony identyfikator' },
      });
      expect(created.status).toBe(201);
      expect(
        (await onFirst.request<{ total: number }>('GET', `/api/orgs/${user.organisationId}/breaches`)).body
          .total,
      ).toBe(1);
      await onSecond.request('POST', '/api/auth/logout-everywhere');
      expect((await onFirst.request('GET', '/api/session')).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('an organisation can require a second factor for DPOs; enrolment and TOTP login then work', async () => {
    const user = await h.member({ role: 'dpo' });
    await updateOrganisation(h.database.db, user.organisationId, { requireTotp: true });
    const client = h.client();
    await client.login(user.email);
    const blocked = await client.request('GET', `/api/orgs/${user.organisationId}/breaches`);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ error: { code: 'auth.second-factor-enrolment-required' } });

    const enrol = await client.request<{ secret: string; uri: string }>(
      'POST',
      '/api/account/second-factor/enrol',
    );
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\/incydent:/);
    const wrong = await client.request('POST', '/api/account/second-factor/confirm', { code: '000000' });
    expect(wrong.status).toBe(401);
    const confirmed = await client.request('POST', '/api/account/second-factor/confirm', {
      code: totpCode(enrol.body.secret, h.clock.now()),
    });
    expect(confirmed.status).toBe(200);
    expect((await client.request('GET', `/api/orgs/${user.organisationId}/breaches`)).status).toBe(200);

    // A new login now asks for the code before anything else.
    const next = h.client();
    const login = await next.login(user.email);
    expect(login.body).toMatchObject({ secondFactorRequired: true });
    expect((await next.request('GET', '/api/session')).body).toMatchObject({
      error: { code: 'auth.second-factor-required' },
    });
    expect(
      (
        await next.request('POST', '/api/auth/second-factor', {
          code: totpCode(enrol.body.secret, h.clock.now()),
        })
      ).status,
    ).toBe(200);
    expect((await next.request('GET', `/api/orgs/${user.organisationId}/breaches`)).status).toBe(200);
  });

  it('an unknown route and a missing login answer from the error catalogue', async () => {
    expect((await h.client().request('GET', '/api/nothing-here')).body).toEqual({
      error: { code: 'not-found', message: 'Nie znaleziono lub brak dostępu.' },
    });
    expect((await h.client().request('GET', '/api/session')).body).toEqual({
      error: { code: 'auth.required', message: 'Zaloguj się, aby kontynuować.' },
    });
  });
});

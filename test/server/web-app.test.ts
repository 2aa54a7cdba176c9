import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/app-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

type Probe = { setupNeeded: boolean; secondFactorPending: boolean; session: { csrfToken: string } | null };

describe('GET /api/session/probe (the web app asks it first, so "not logged in" is not a 401)', () => {
  it('says setup is needed on an empty database, then who is logged in', async () => {
    const client = h.client();
    const empty = await client.request<Probe>('GET', '/api/session/probe');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ setupNeeded: true, secondFactorPending: false, session: null });

    const dpo = await h.member({ role: 'dpo' });
    const anonymous = await client.request<Probe>('GET', '/api/session/probe');
    expect(anonymous.body).toEqual({ setupNeeded: false, secondFactorPending: false, session: null });

    await client.login(dpo.email);
    const signedIn = await client.request<Probe & { session: { memberships: { role: string }[] } }>(
      'GET',
      '/api/session/probe',
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.session?.csrfToken).toBe(client.csrf);
    expect(signedIn.body.session?.memberships).toEqual([
      expect.objectContaining({ organisationId: dpo.organisationId, role: 'dpo' }),
    ]);
  });
});

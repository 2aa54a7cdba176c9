import type { Harness, TestClient } from './app-harness.ts';

/** A confirmed breach in an organisation with a logged-in DPO: the usual start of a story. */
export async function buildConfirmedBreach(
  h: Harness,
  options: { awareAt?: string; organisationId?: string } = {},
) {
  const dpo = await h.member({
    role: 'dpo',
    ...(options.organisationId ? { organisationId: options.organisationId } : {}),
  });
  const client: TestClient = h.client();
  await client.login(dpo.email);
  const created = await client.request<{ id: string }>('POST', `/api/orgs/${dpo.organisationId}/breaches`, {
    report: {
      whatHappened: 'E-mail z listą płac wysłany do niewłaściwego odbiorcy',
      situations: ['data-disclosed'],
    },
  });
  const url = `/api/orgs/${dpo.organisationId}/breaches/${created.body.id}`;
  const confirmed = await client.request('POST', `${url}/transitions`, {
    event: 'confirm-breach',
    comment: 'Potwierdzone przez IOD',
    awareAt: options.awareAt ?? h.clock.now().toISOString(),
  });
  if (confirmed.status !== 200) throw new Error(JSON.stringify(confirmed.body));
  return { dpo, client, breachId: created.body.id, url, organisationId: dpo.organisationId };
}

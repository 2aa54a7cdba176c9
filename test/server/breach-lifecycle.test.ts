import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/db/audit.repository.ts';
import { breachCaseSchema } from '../../src/domain/breach-case.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-20T09:00:00Z' });
});
afterEach(async () => {
  await h.close();
});

type Breach = {
  id: string;
  status: string;
  reference: string;
  version: number;
  deadline: { state: string; deadlineAt: string } | null;
  allowedEvents: string[];
} & Record<string, unknown>;

describe('a DPO takes an incident from report to closed register entry through the API alone', () => {
  it('seed 000-like case: public report → triage → confirm → assess → UODO → letters → actions → closed', async () => {
    const org = await h.organisation('Miejski Ośrodek Pomocy Rodzinie');
    const dpo = await h.member({ role: 'dpo', organisationId: org.id, name: 'Katarzyna Podleśna' });
    const employee = h.client();

    // An employee reports through the public link, no account (seed 003 §2).
    const form = await employee.request('GET', `/api/public/report/${org.reportToken}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ organisation: { name: 'Miejski Ośrodek Pomocy Rodzinie' } });
    const reported = await employee.request<{ reference: string; receiptCode: string }>(
      'POST',
      `/api/public/report/${org.reportToken}`,
      {
        situations: ['copy-lost', 'data-taken-outside'],
        whatHappened:
          'Członek rodziny pracownika przyniósł do ośrodka prywatny nośnik z danymi klientów Działu Świadczeń Rodzinnych.',
        whenText: 'dziś rano',
        location: 'Dział Świadczeń Rodzinnych, pokój 12',
        anonymous: false,
        reporterName: 'Jan Kowalski',
      },
    );
    expect(reported.status).toBe(201);
    expect(reported.body.reference).toBe('2026/001');
    expect(reported.body.receiptCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const client = h.client();
    expect((await client.login(dpo.email)).status).toBe(200);
    const list = await client.request<{ items: { id: string; status: string }[]; total: number }>(
      'GET',
      `/api/orgs/${org.id}/breaches`,
    );
    expect(list.body.total).toBe(1);
    const id = list.body.items[0]!.id;
    const url = `/api/orgs/${org.id}/breaches/${id}`;

    const step = async (event: string, extra: Record<string, unknown> = {}) => {
      const response = await client.request<Breach>('POST', `${url}/transitions`, {
        event,
        comment: `Krok: ${event}`,
        ...extra,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };

    expect((await step('start-triage')).status).toBe('triage');
    h.clock.advanceHours(2);
    const confirmed = await step('confirm-breach', { awareAt: '2026-11-20T10:30:00Z' });
    expect(confirmed.status).toBe('breach-confirmed');
    expect(confirmed.deadline).toMatchObject({ deadlineAt: '2026-11-23T10:30:00.000Z', state: 'on-time' });

    const details = await client.request<Breach>('PATCH', url, {
      version: confirmed.version,
      breachTypes: ['confidentiality'],
      eventKinds: ['lost-stolen-device', 'unauthorised-access'],
      cause: 'internal-intentional',
      dataCategories: [
        'names',
        'birth-date',
        'pesel',
        'address',
        'parents-names',
        'phone',
        'benefits-debts',
        'health',
      ],
      subjectCategories: ['social-assistance-clients'],
      subjectsApprox: 2400,
      subjectsApproxText: 'ok. 2400',
      description:
        'Pracownik przechowywał dane klientów z lat 2012–2015 na prywatnym nośniku; dostęp uzyskał członek rodziny.',
      times: { startedAt: '2026-11-10T08:00:00Z', detectedAt: '2026-11-20T08:00:00Z' },
    });
    expect(details.status, JSON.stringify(details.body)).toBe(200);

    const assessed = await client.request<
      Breach & { assessments: { engine: { riskLevel: string }; decision: { riskLevel: string } }[] }
    >('POST', `${url}/assessments`, {
      facts: {
        breachTypes: ['confidentiality'],
        dataCategories: ['identification', 'contact', 'national-id', 'health', 'financial'],
        subjectsApprox: 2400,
        vulnerableSubjects: true,
        malicious: true,
      },
      comment: 'Ocena na podstawie relacji pracownika i zawartości nośnika.',
    });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
    expect(assessed.body.status).toBe('assessed');
    expect(assessed.body.assessments[0]!.engine.riskLevel).toBe('high');
    expect(assessed.body.assessments[0]!.decision.riskLevel).toBe('high');

    // Twenty hours later the idle session has expired (12 h): the DPO logs in again.
    h.clock.advanceHours(20);
    expect((await client.request('GET', url)).status).toBe(401);
    expect((await client.login(dpo.email)).status).toBe(200);
    const notified = await client.request<Breach>('POST', `${url}/notifications`, {
      phase: 'initial',
      sentAt: h.clock.now().toISOString(),
      channel: 'biznes-gov-pl',
      plannedCompletionDate: '2026-11-27',
      comment: 'Zgłoszenie wstępne przez biznes.gov.pl',
    });
    expect(notified.status, JSON.stringify(notified.body)).toBe(201);
    expect(notified.body.status).toBe('authority-notified');
    expect(notified.body.deadline).toMatchObject({ state: 'met' });

    const supplementary = await client.request<Breach>('POST', `${url}/notifications`, {
      phase: 'supplementary',
      sentAt: h.clock.now().toISOString(),
      channel: 'epuap',
      uodoCaseReference: 'DKN.5130.1234.2026',
      comment: 'Uzupełnienie o liczbę osób',
    });
    expect(supplementary.status).toBe(201);

    const told = await client.request<Breach>('PUT', `${url}/subject-communication`, {
      decision: 'told',
      individually: true,
      date: '2026-11-21',
      numberNotified: 2400,
      channels: ['letter'],
      content: 'Informujemy, że stwierdzono naruszenie ochrony danych osobowych…',
    });
    expect(told.status).toBe(200);
    expect((await step('communicate-subjects')).status).toBe('subjects-communicated');

    const withAction = await client.request<Breach & { actions: { id: string }[] }>(
      'POST',
      `${url}/actions`,
      {
        kind: 'preventive',
        description: 'Blokada nośników USB i szkolenie pracowników działu',
        owner: 'Kierownik działu',
        dueDate: '2026-12-15',
      },
    );
    expect(withAction.status).toBe(201);
    expect((await step('start-remediation')).status).toBe('remediation');
    const actionId = withAction.body.actions[0]!.id;
    const done = await client.request<Breach & { actions: { status: string; completedAt: string | null }[] }>(
      'PATCH',
      `${url}/actions/${actionId}`,
      {
        status: 'done',
        effectiveness: 'Kontrola w styczniu: brak nośników prywatnych.',
        effective: true,
      },
    );
    expect(done.status).toBe(200);
    expect(done.body.actions[0]).toMatchObject({ status: 'done' });
    expect(done.body.actions[0]!.completedAt).not.toBeNull();

    const closed = await step('close');
    expect(closed.status).toBe('closed');
    expect(closed.allowedEvents).toEqual(['reopen']);

    // The full breach is a valid BreachCase (what documents render) and in the register, notified.
    const full = await client.request<Breach>('GET', url);
    expect(() => breachCaseSchema.parse(full.body)).not.toThrow();
    const register = await client.request<{
      items: { reference: string; firstNotifiedAt: string | null; riskLevel: string; status: string }[];
    }>('GET', `/api/register?year=2026&notified=true&breachesOnly=true`);
    expect(register.body.items).toEqual([
      expect.objectContaining({ reference: '2026/001', riskLevel: 'high', status: 'closed' }),
    ]);

    // Every step is in the timeline, and the audit chain is intact.
    const history = await client.request<{ items: { action: string; actor: string }[] }>(
      'GET',
      `${url}/history`,
    );
    const actions = history.body.items.map((e) => e.action);
    expect(actions[0]).toBe('incident.reported');
    expect(actions.filter((a) => a === 'breach.transition').length).toBeGreaterThanOrEqual(8);
    expect(actions).toEqual(
      expect.arrayContaining([
        'assessment.recorded',
        'notification.recorded',
        'communication.updated',
        'action.created',
        'action.updated',
        'breach.updated',
      ]),
    );
    expect(history.body.items.at(-1)!.actor).toContain('Katarzyna Podleśna');
    const verification = await verifyAuditChains(h.database.db);
    expect(verification.problems).toEqual([]);
    expect(verification.entries).toBeGreaterThan(15);
  });

  it('an incident that is not a breach is closed with its reason and stays in the register', async () => {
    const dpo = await h.member({ role: 'dpo' });
    const client = h.client();
    await client.login(dpo.email);
    const created = await client.request<Breach>('POST', `/api/orgs/${dpo.organisationId}/breaches`, {
      report: {
        whatHappened: 'Monitor w sekretariacie widoczny z korytarza',
        situations: ['screen-visible'],
      },
    });
    expect(created.status).toBe(201);
    const dismissed = await client.request<Breach>(
      'POST',
      `/api/orgs/${dpo.organisationId}/breaches/${created.body.id}/transitions`,
      {
        event: 'dismiss',
        comment: 'Na monitorze nie było danych osobowych; przestawiono monitor.',
      },
    );
    expect(dismissed.body.status).toBe('not-a-breach');
    const register = await client.request<{ total: number }>('GET', `/api/register`);
    expect(register.body.total).toBe(1);
    const breachesOnly = await client.request<{ total: number }>('GET', `/api/register?breachesOnly=true`);
    expect(breachesOnly.body.total).toBe(0);
  });
});

describe('the audit trail of a save', () => {
  it('names only what the save changed, when a client sends the whole breach back', async () => {
    const story = await buildConfirmedBreach(h);
    const breach = await story.client.request<Record<string, unknown>>('GET', story.url);
    const saved = await story.client.request('PATCH', story.url, {
      ...breach.body,
      recordsApprox: 7,
      version: breach.body.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const history = await story.client.request<{
      items: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    }>('GET', `${story.url}/history`);
    const entry = history.body.items.find((e) => e.action === 'breach.updated');
    expect(entry?.after).toEqual({ recordsApprox: 7 });
    expect(entry?.before).toEqual({ recordsApprox: null });
  });
});

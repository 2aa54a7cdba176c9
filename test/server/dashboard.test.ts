import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-20T09:00:00Z' });
});
afterEach(async () => {
  await h.close();
});

type Inbox = {
  newReports: { reference: string; status: string }[];
  openBreaches: { id: string; deadline: { state: string; hoursLeft: number } | null }[];
  actionsDue: { description: string; overdue: boolean }[];
  deadlineEvents: { kind: string }[];
};

describe('the inbox (GET /api/inbox)', () => {
  it('lists new reports, open breaches by time left to the 72-hour deadline (art. 33(1)) and actions due', async () => {
    const older = await buildConfirmedBreach(h, { awareAt: '2026-11-18T08:00:00Z' });
    const newer = await buildConfirmedBreach(h, {
      awareAt: '2026-11-20T08:00:00Z',
      organisationId: older.organisationId,
    });
    await older.client.request('POST', `/api/orgs/${older.organisationId}/breaches`, {
      report: { whatHappened: 'Otwarta szafa z aktami osobowymi' },
    });
    await older.client.request('POST', `${older.url}/actions`, {
      kind: 'corrective',
      description: 'Szkolenie z wysyłki e-maili',
      dueDate: '2026-11-19',
    });

    const inbox = await older.client.request<Inbox>('GET', '/api/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.newReports).toHaveLength(1);
    expect(inbox.body.newReports[0]!.status).toBe('reported');
    expect(inbox.body.openBreaches.map((b) => b.id)).toEqual([older.breachId, newer.breachId]);
    // 72 h from 18.11 08:00 UTC is 21.11 08:00 UTC: 23 hours left at 20.11 09:00, inside the default 24 h amber.
    expect(inbox.body.openBreaches[0]!.deadline).toMatchObject({ state: 'due-soon', hoursLeft: 23 });
    expect(inbox.body.openBreaches[1]!.deadline).toMatchObject({ state: 'on-time', hoursLeft: 71 });
    expect(inbox.body.actionsDue).toEqual([
      expect.objectContaining({ description: 'Szkolenie z wysyłki e-maili', overdue: true }),
    ]);
  });

  it('shows nothing of organisations the caller does not belong to, and needs a session', async () => {
    await buildConfirmedBreach(h);
    const outsider = await h.member({ role: 'dpo' });
    const client = h.client();
    expect((await client.request('GET', '/api/inbox')).status).toBe(401);
    await client.login(outsider.email);
    const inbox = await client.request<Inbox>('GET', '/api/inbox');
    expect(inbox.body.openBreaches).toEqual([]);
    const reporter = await h.member({ role: 'reporter', organisationId: outsider.organisationId });
    const reporterClient = h.client();
    await reporterClient.login(reporter.email);
    const forReporter = await reporterClient.request<Inbox>(
      'GET',
      `/api/inbox?organisationId=${outsider.organisationId}`,
    );
    expect(forReporter.body.newReports).toEqual([]);
  });
});

type Dashboard = {
  totals: { incidents: number; breaches: number; notified: number; notNotified: number };
  perMonth: { month: string; incidents: number; breaches: number }[];
  byType: { type: string; count: number }[];
  byCause: { cause: string; count: number }[];
  timeToNotification: { items: { hours: number }[]; medianHours: number | null; late: number };
  overdue: { notificationOverdue: number; notifiedLate: number; actionsOverdue: number };
};

describe('the dashboard (GET /api/dashboard)', () => {
  it('counts breaches per month, by type and cause, the time to notification and what is overdue', async () => {
    const late = await buildConfirmedBreach(h, { awareAt: '2026-11-10T08:00:00Z' });
    const onTime = await buildConfirmedBreach(h, {
      awareAt: '2026-11-19T09:00:00Z',
      organisationId: late.organisationId,
    });
    await onTime.client.request('PATCH', onTime.url, {
      breachTypes: ['confidentiality'],
      cause: 'internal-unintentional',
    });
    await onTime.client.request('POST', `${onTime.url}/assessments`, {
      facts: {
        breachTypes: ['confidentiality'],
        dataCategories: ['national-id'],
        subjectsApprox: 50,
        vulnerableSubjects: false,
        malicious: false,
      },
      comment: 'Ocena',
    });
    const notified = await onTime.client.request('POST', `${onTime.url}/notifications`, {
      phase: 'complete',
      sentAt: '2026-11-20T09:00:00Z',
      channel: 'biznes-gov-pl',
      comment: 'Zgłoszono',
    });
    expect(notified.status).toBe(201);

    const response = await late.client.request<Dashboard>('GET', '/api/dashboard?year=2026');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.totals).toMatchObject({ incidents: 2, breaches: 2, notified: 1, notNotified: 1 });
    expect(body.perMonth).toHaveLength(12);
    expect(body.perMonth.find((m) => m.month === '2026-11')).toEqual({
      month: '2026-11',
      incidents: 2,
      breaches: 2,
    });
    expect(body.byType).toEqual([{ type: 'confidentiality', count: 1 }]);
    expect(body.byCause).toEqual(
      expect.arrayContaining([
        { cause: 'internal-unintentional', count: 1 },
        { cause: 'unknown', count: 1 },
      ]),
    );
    expect(body.timeToNotification.items.map((i) => i.hours)).toEqual([24]);
    expect(body.timeToNotification.medianHours).toBe(24);
    expect(body.overdue.notificationOverdue).toBe(1);

    const otherYear = await late.client.request<Dashboard>('GET', '/api/dashboard?year=2025');
    expect(otherYear.body.totals.incidents).toBe(0);
    const invalid = await late.client.request<{ error: { code: string } }>('GET', '/api/dashboard?year=1999');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation.invalid');
  });
});

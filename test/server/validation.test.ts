import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('bad input gets a clear error naming the field, in the user’s language; nothing half-written', () => {
  it('wrong facts in an assessment name the field inside "facts"', async () => {
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('POST', `${story.url}/assessments`, {
      facts: {
        breachTypes: ['leak'],
        dataCategories: [],
        subjectsApprox: 1,
        vulnerableSubjects: false,
        malicious: 'no',
      },
      comment: 'ocena',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: {
        code: 'validation.invalid',
        message:
          'Nieprawidłowe dane w polu „facts.breachTypes[0]”: dozwolone wartości: "confidentiality", "integrity", "availability"; podano: "leak"',
        fields: [
          { field: 'facts.breachTypes[0]' },
          {
            field: 'facts.malicious',
            message: 'oczekiwano: wartość logiczna (true lub false); podano: "no"',
          },
        ],
      },
    });
  });

  it('an illegal transition is 409 naming the action and status in words; English with ?lang=en', async () => {
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('POST', `${story.url}/transitions?lang=en`, {
      event: 'close',
      comment: 'koniec',
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: {
        code: 'workflow.illegal-transition',
        message: 'Action "Close" is not allowed in status "Breach confirmed".',
      },
    });
  });

  it('a late first notification without reasons is refused, and nothing is stored', async () => {
    const story = await buildConfirmedBreach(h, { awareAt: '2026-11-16T09:00:00Z' });
    await story.client.request('POST', `${story.url}/assessments`, {
      facts: {
        breachTypes: ['confidentiality'],
        dataCategories: ['national-id'],
        subjectsApprox: 1,
        vulnerableSubjects: false,
        malicious: false,
      },
      comment: 'ocena',
    });
    const late = await story.client.request('POST', `${story.url}/notifications`, {
      phase: 'complete',
      sentAt: h.clock.now().toISOString(),
      channel: 'biznes-gov-pl',
      comment: 'zgłoszenie',
    });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: { code: 'notification.late-reason-required' } });
    const breach = await story.client.request<{ notifications: unknown[]; status: string }>('GET', story.url);
    expect(breach.body.notifications).toEqual([]);
    expect(breach.body.status).toBe('assessed');
    const withReason = await story.client.request<{ notifications: { lateReason: string }[] }>(
      'POST',
      `${story.url}/notifications`,
      {
        phase: 'complete',
        sentAt: h.clock.now().toISOString(),
        channel: 'biznes-gov-pl',
        lateReason: 'Zakres naruszenia ustalono dopiero po analizie kopii zapasowych.',
        comment: 'zgłoszenie',
      },
    );
    expect(withReason.status).toBe(201);
    expect(withReason.body.notifications[0]!.lateReason).toContain('kopii zapasowych');
  });

  it('a departure from the engine needs a written reason', async () => {
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('POST', `${story.url}/assessments`, {
      facts: {
        breachTypes: ['confidentiality'],
        dataCategories: ['national-id'],
        subjectsApprox: 1,
        vulnerableSubjects: false,
        malicious: false,
      },
      decision: {
        riskLevel: 'unlikely',
        notifySupervisoryAuthority: false,
        notifyDataSubjects: false,
        exemptions: [],
        reason: 'nie',
      },
      comment: 'ocena',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'assessment.departure-reason-required' } });
  });

  it('editing with a stale version is refused with 409 and keeps the other edit', async () => {
    const story = await buildConfirmedBreach(h);
    const current = await story.client.request<{ version: number }>('GET', story.url);
    const first = await story.client.request('PATCH', story.url, {
      version: current.body.version,
      description: 'Pierwsza wersja opisu',
    });
    expect(first.status).toBe(200);
    const stale = await story.client.request('PATCH', story.url, {
      version: current.body.version,
      description: 'Nadpisanie',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'conflict.version' } });
    const after = await story.client.request<{ description: string }>('GET', story.url);
    expect(after.body.description).toBe('Pierwsza wersja opisu');
  });

  it('times out of order are refused naming both fields', async () => {
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('PATCH', story.url, {
      times: { startedAt: '2026-11-19T10:00:00Z', endedAt: '2026-11-18T10:00:00Z' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: 'time.order', message: 'Pole „endedAt” nie może być wcześniejsze niż „startedAt”.' },
    });
  });

  it('malformed JSON is a 400 naming the body, not a crash', async () => {
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('PATCH', story.url, Buffer.from('{"description":'), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'validation.invalid', fields: [{ field: '(body)' }] },
    });
  });

  it('an attachment over the configured limit is 413', async () => {
    await h.close();
    h = await startHarness({ config: { maxAttachmentBytes: 1024 } });
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('POST', `${story.url}/attachments`, Buffer.alloc(2048, 1), {
      'content-type': 'application/octet-stream',
      'x-filename': 'duzy.bin',
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      error: { code: 'payload.too-large', message: 'Plik lub dane są zbyt duże (limit: 0 MB).' },
    });
  });
});

describe('decisions cannot contradict the risk assessment (UODO form 8B vs 10; art. 33(1), 34)', () => {
  const highRiskFacts = {
    breachTypes: ['confidentiality'],
    dataCategories: ['national-id'],
    subjectsApprox: 3,
    vulnerableSubjects: false,
    malicious: false,
  };

  it('a DPO decision of risk without notifying UODO is refused, naming the article', async () => {
    const story = await buildConfirmedBreach(h);
    const response = await story.client.request('POST', `${story.url}/assessments`, {
      facts: highRiskFacts,
      decision: {
        riskLevel: 'risk',
        notifySupervisoryAuthority: false,
        notifyDataSubjects: false,
        exemptions: [],
        reason: 'Odbiorca jest kancelarią związaną tajemnicą i potwierdził usunięcie na piśmie.',
      },
      comment: 'ocena',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      error: { code: 'decision.inconsistent', message: expect.stringContaining('art. 33 ust. 1 RODO') },
    });
  });

  it('after a high risk, "no high risk found" for the people and "not required" steps are refused', async () => {
    const story = await buildConfirmedBreach(h);
    await story.client.request('POST', `${story.url}/assessments`, {
      facts: highRiskFacts,
      comment: 'ocena',
    });
    const communication = await story.client.request('PUT', `${story.url}/subject-communication`, {
      decision: 'not-required-no-high-risk',
    });
    expect(communication.status).toBe(409);
    expect(communication.body).toMatchObject({ error: { code: 'decision.inconsistent' } });
    const notRequired = await story.client.request('POST', `${story.url}/transitions`, {
      event: 'authority-not-required',
      comment: 'nie',
    });
    expect(notRequired.status).toBe(409);
    const breach = await story.client.request<{ status: string; subjectCommunication: unknown }>(
      'GET',
      story.url,
    );
    expect(breach.body).toMatchObject({ status: 'assessed', subjectCommunication: null });
  });

  it('a PATCH of some times keeps the others (the internal report time is never blanked)', async () => {
    const story = await buildConfirmedBreach(h);
    const before = await story.client.request<{ times: { reportedAt: string | null } }>('GET', story.url);
    expect(before.body.times.reportedAt).not.toBeNull();
    const patched = await story.client.request<{
      times: { reportedAt: string | null; detectedAt: string | null };
    }>('PATCH', story.url, {
      times: { startedAt: '2026-11-19T08:00:00Z', detectedAt: '2026-11-19T09:00:00Z' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.times).toMatchObject({
      reportedAt: before.body.times.reportedAt,
      detectedAt: '2026-11-19T09:00:00Z',
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { updateUser } from '../../src/db/user.repository.ts';
import { runMailSweep } from '../../src/server/mail-sweep.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { mailDriver, startSmtpServer, type TestSmtp } from './mail-smtp-server.ts';

let smtp: TestSmtp;
let h: Harness;
beforeEach(async () => {
  smtp = await startSmtpServer();
  h = await startHarness({
    now: '2026-11-20T09:00:00Z',
    config: { smtp: smtp.smtp, mailRatePerMinute: 0, publicUrl: 'https://iod.example.pl/' },
  });
});
afterEach(async () => {
  await h.close();
  await smtp.close();
});

/** An organisation with two IODs (one reads English), a controller, an auditor and a reporter. */
async function organisation() {
  const org = await h.organisation('Szpital Miejski w Łodzi');
  const dpo = await h.member({ role: 'dpo', organisationId: org.id, email: 'iod@szpital.example.pl' });
  const dpoEn = await h.member({ role: 'dpo', organisationId: org.id, email: 'dpo.en@szpital.example.pl' });
  await updateUser(h.database.db, dpoEn.userId, { lang: 'en' });
  const controller = await h.member({
    role: 'controller',
    organisationId: org.id,
    email: 'dyrektor@szpital.example.pl',
  });
  await h.member({ role: 'auditor', organisationId: org.id, email: 'audytor@szpital.example.pl' });
  const reporter = await h.member({
    role: 'reporter',
    organisationId: org.id,
    email: 'pielegniarka@szpital.example.pl',
  });
  const client = h.client();
  await client.login(dpo.email);
  return { org, dpo, dpoEn, controller, reporter, client };
}

async function report(org: Awaited<ReturnType<typeof organisation>>) {
  const created = await org.client.request<{ id: string; reference: string }>(
    'POST',
    `/api/orgs/${org.org.id}/breaches`,
    { report: { whatHappened: 'Zgubiony pendrive z wynikami badań pacjentów', situations: ['copy-lost'] } },
  );
  expect(created.status).toBe(201);
  return { ...created.body, url: `/api/orgs/${org.org.id}/breaches/${created.body.id}` };
}

const counts = () => Object.fromEntries(smtp.countsByRecipient());

describe('e-mail triggers: each message once per recipient', () => {
  it('a new report goes to every IOD, in their language, as UTF-8 text and HTML with a link back', async () => {
    const o = await organisation();
    const breach = await report(o);
    const mail = mailDriver(h, smtp.smtp);
    expect((await mail.send()).sent).toBe(2);
    expect(counts()).toEqual({ 'iod@szpital.example.pl': 1, 'dpo.en@szpital.example.pl': 1 });

    const [polish] = await smtp.byRecipient('iod@szpital.example.pl');
    expect(polish?.subject).toBe(`[incydent] Nowe zgłoszenie ${breach.reference}`);
    expect(polish?.text).toContain('Zgubiony pendrive z wynikami badań pacjentów');
    expect(polish?.text).toContain('Szpital Miejski w Łodzi');
    expect(polish?.text).toContain('72-godzinny termin na zgłoszenie do Prezesa UODO (art. 33 ust. 1 RODO)');
    expect(polish?.text).toContain(`https://iod.example.pl/orgs/${o.org.id}/breaches/${breach.id}`);
    expect(polish?.html).toContain(`href="https://iod.example.pl/orgs/${o.org.id}/breaches/${breach.id}"`);
    expect(polish?.html).toContain('Szpital Miejski w Łodzi');
    expect(polish?.from?.value[0]).toMatchObject({
      name: 'incydent – IOD',
      address: 'iod@szpital.example.pl',
    });
    expect(polish?.headers.get('auto-submitted')).toBe('auto-generated');
    const raw = smtp.received.find((m) => m.to.includes('iod@szpital.example.pl'))!.raw.toString('latin1');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    const stored = await h.database.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'message_id', 'status'])
      .where('recipient', '=', 'iod@szpital.example.pl')
      .executeTakeFirstOrThrow();
    expect(polish?.messageId).toBe(stored.message_id);
    expect(stored.status).toBe('sent');

    const [english] = await smtp.byRecipient('dpo.en@szpital.example.pl');
    expect(english?.subject).toBe(`[incydent] New report ${breach.reference}`);
    expect(english?.text).toContain('Triage it without delay');

    // Nothing new to send, however often the sender and sweep run; a public report is announced too.
    await mail.sweep();
    expect((await mail.send()).sent).toBe(0);
    const publicReport = await h.client().request('POST', `/api/public/report/${o.org.reportToken}`, {
      anonymous: true,
      situations: ['copy-lost'],
      whatHappened: 'Teczka z dokumentacją medyczną zostawiona w tramwaju',
    });
    expect(publicReport.status).toBe(201);
    await mail.send();
    expect(counts()).toEqual({ 'iod@szpital.example.pl': 2, 'dpo.en@szpital.example.pl': 2 });
    const latest = await smtp.byRecipient('iod@szpital.example.pl');
    expect(latest[1]?.text).toContain('publiczny formularz zgłoszeń');
  });

  it('a confirmed breach tells the IODs and the controller that the clock started, and the deadline', async () => {
    const o = await organisation();
    const breach = await report(o);
    const confirmed = await o.client.request('POST', `${breach.url}/transitions`, {
      event: 'confirm-breach',
      comment: 'Potwierdzone przez IOD',
      awareAt: '2026-11-20T09:00:00Z',
    });
    expect(confirmed.status).toBe(200);
    await mailDriver(h, smtp.smtp).send();
    expect(counts()).toEqual({
      'iod@szpital.example.pl': 2,
      'dpo.en@szpital.example.pl': 2,
      'dyrektor@szpital.example.pl': 1,
    });
    const [toController] = await smtp.byRecipient('dyrektor@szpital.example.pl');
    // 09:00 UTC + 72 h = Monday 23.11.2026 10:00 in Warsaw (CET).
    expect(toController?.subject).toBe(
      `[incydent] Naruszenie ${breach.reference} stwierdzone – termin zgłoszenia do UODO: 23.11.2026 10:00`,
    );
    expect(toController?.text).toContain('Stwierdzenie naruszenia: 20.11.2026 10:00');
    expect(toController?.text).toContain('Termin biegnie także w weekendy i święta.');
    const english = await smtp.byRecipient('dpo.en@szpital.example.pl');
    expect(english.map((m) => m.subject)).toContain(
      `[incydent] Breach ${breach.reference} confirmed – notify UODO by 23/11/2026 10:00`,
    );
  });

  it('reminders at 48, 24 and 6 hours left and when the deadline passed: one each, even with two instances', async () => {
    const o = await organisation();
    const breach = await report(o);
    await o.client.request('POST', `${breach.url}/transitions`, {
      event: 'confirm-breach',
      comment: 'Potwierdzone',
      awareAt: '2026-11-20T09:00:00Z',
    });
    const mail = mailDriver(h, smtp.smtp);
    await mail.send();
    smtp.received.length = 0;
    const subjects = async (address: string) => (await smtp.byRecipient(address)).map((m) => m.subject);
    // A second app instance (on PostgreSQL its own pool) sweeping at the same moment.
    const second = h.database.url ? await openDatabase({ databaseUrl: h.database.url, poolSize: 2 }) : null;
    const sweepTwice = async () => {
      const other = { db: (second ?? h.database).db, config: h.config, now: h.clock.now };
      await Promise.all([mail.sweep(), runMailSweep(other), mail.sweep()]);
    };
    try {
      for (const [at, expected] of [
        ['2026-11-20T20:00:00Z', 0], // 61 h left: nothing yet
        ['2026-11-21T10:00:00Z', 1], // 47 h left
        ['2026-11-21T12:00:00Z', 1], // still 45 h: nothing new
        ['2026-11-22T10:00:00Z', 2], // 23 h
        ['2026-11-23T04:00:00Z', 3], // 5 h
        ['2026-11-23T09:30:00Z', 4], // 30 min late
        ['2026-11-24T09:30:00Z', 4], // a day later: nothing more
      ] as const) {
        h.clock.set(at);
        await sweepTwice();
        await mail.send();
        await sweepTwice();
        await mail.send();
        expect(smtp.countsByRecipient().get('dyrektor@szpital.example.pl') ?? 0, at).toBe(expected);
      }
    } finally {
      await second?.close();
    }
    for (const address of ['iod@szpital.example.pl', 'dyrektor@szpital.example.pl']) {
      expect(await subjects(address)).toEqual([
        `[incydent] Zostało 48 godzin na zgłoszenie naruszenia ${breach.reference} do UODO`,
        `[incydent] Zostało 24 godziny na zgłoszenie naruszenia ${breach.reference} do UODO`,
        `[incydent] Zostało 6 godzin na zgłoszenie naruszenia ${breach.reference} do UODO`,
        `[incydent] Minął termin zgłoszenia naruszenia ${breach.reference} do UODO`,
      ]);
    }
    expect(await subjects('dpo.en@szpital.example.pl')).toEqual([
      `[incydent] 48 hours left to notify UODO of breach ${breach.reference}`,
      `[incydent] 24 hours left to notify UODO of breach ${breach.reference}`,
      `[incydent] 6 hours left to notify UODO of breach ${breach.reference}`,
      `[incydent] The deadline to notify UODO of breach ${breach.reference} has passed`,
    ]);
    const [overdue] = (await smtp.byRecipient('iod@szpital.example.pl')).slice(-1);
    expect(overdue?.text).toContain('musi zawierać przyczyny opóźnienia');
    expect(smtp.countsByRecipient().get('audytor@szpital.example.pl')).toBeUndefined();
  });

  it('a breach confirmed late gets only the most urgent reminder, and the skipped ones never follow', async () => {
    h.clock.set('2026-11-23T05:00:00Z');
    const o = await organisation();
    const breach = await report(o);
    await o.client.request('POST', `${breach.url}/transitions`, {
      event: 'confirm-breach',
      comment: 'Potwierdzone z opóźnieniem',
      awareAt: '2026-11-20T09:00:00Z', // 4 h left
    });
    const mail = mailDriver(h, smtp.smtp);
    await mail.sweep();
    await mail.send();
    h.clock.set('2026-11-23T06:00:00Z');
    await mail.sweep();
    await mail.send();
    const subjects = (await smtp.byRecipient('dyrektor@szpital.example.pl')).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects.filter((subject) => subject?.startsWith('[incydent] Zostało'))).toEqual([
      `[incydent] Zostało 6 godzin na zgłoszenie naruszenia ${breach.reference} do UODO`,
    ]);
  });

  it('corrective actions: once on the day they are due, once when overdue', async () => {
    const o = await organisation();
    const breach = await report(o);
    await o.client.request('POST', `${breach.url}/transitions`, {
      event: 'confirm-breach',
      comment: 'Potwierdzone',
      awareAt: '2026-11-20T09:00:00Z',
    });
    await o.client.request('POST', `${breach.url}/notifications`, {
      phase: 'complete',
      sentAt: '2026-11-20T10:00:00Z',
      channel: 'biznes-gov-pl',
      comment: 'zgłoszone',
    });
    const action = await o.client.request('POST', `${breach.url}/actions`, {
      kind: 'corrective',
      description: 'Szyfrowanie wszystkich nośników USB',
      dueDate: '2026-11-25',
    });
    expect(action.status).toBe(201);
    const mail = mailDriver(h, smtp.smtp);
    await mail.send();
    smtp.received.length = 0;
    for (const at of [
      '2026-11-24T22:00:00Z',
      '2026-11-25T07:00:00Z',
      '2026-11-25T20:00:00Z',
      '2026-11-26T08:00:00Z',
      '2026-11-27T08:00:00Z',
    ]) {
      h.clock.set(at);
      await mail.sweep();
      await mail.send();
    }
    const subjects = (await smtp.byRecipient('iod@szpital.example.pl'))
      .map((m) => m.subject)
      .filter((subject) => subject?.includes('działani'));
    expect(subjects).toEqual([
      `[incydent] Dziś mija termin działania w sprawie ${breach.reference}`,
      `[incydent] Przeterminowane działanie w sprawie ${breach.reference}`,
    ]);
    const due = (await smtp.byRecipient('iod@szpital.example.pl')).find((m) => m.subject?.includes('Dziś'));
    expect(due?.text).toContain('Szyfrowanie wszystkich nośników USB');
    expect(due?.text).toContain('25.11.2026');
    const toController = await smtp.byRecipient('dyrektor@szpital.example.pl');
    expect(toController.filter((m) => m.subject?.includes('działani'))).toEqual([]);
  });

  it('the daily digest is opt-in, once a day from 7:00 Warsaw time, across organisations', async () => {
    const o = await organisation();
    const breach = await report(o);
    const other = await h.organisation('Gmina Żółkiewka');
    await h.member({ role: 'dpo', organisationId: other.id });
    const { upsertMembership } = await import('../../src/db/user.repository.ts');
    await upsertMembership(h.database.db, { userId: o.dpo.userId, organisationId: other.id, role: 'dpo' });
    const otherClient = h.client();
    await otherClient.login(o.dpo.email);
    await otherClient.request('POST', `/api/orgs/${other.id}/breaches`, {
      report: { whatHappened: 'Wysłano listę mieszkańców do złego adresata', situations: ['data-disclosed'] },
    });
    const settings = await o.client.request('PATCH', '/api/mail/preferences', { dailyDigest: true });
    expect(settings.status).toBe(200);
    expect((settings.body.preferences as { dailyDigest: boolean }).dailyDigest).toBe(true);
    const mail = mailDriver(h, smtp.smtp);
    await mail.send();
    smtp.received.length = 0;
    h.clock.set('2026-11-21T05:30:00Z'); // 6:30 in Warsaw: not yet
    await mail.sweep();
    await mail.send();
    expect((await Promise.all(smtp.received.map((m) => m.parsed()))).map((m) => m.subject)).toEqual([]);
    for (const at of ['2026-11-21T06:00:00Z', '2026-11-21T15:00:00Z', '2026-11-22T06:10:00Z']) {
      h.clock.set(at);
      await mail.sweep();
      await mail.send();
    }
    const digests = await smtp.byRecipient('iod@szpital.example.pl');
    expect(digests.map((m) => m.subject)).toEqual([
      '[incydent] Podsumowanie dnia 21.11.2026',
      '[incydent] Podsumowanie dnia 22.11.2026',
    ]);
    expect(digests[0]?.text).toContain(`Szpital Miejski w Łodzi · ${breach.reference}`);
    expect(digests[0]?.text).toContain('Gmina Żółkiewka');
    expect(smtp.countsByRecipient().get('dpo.en@szpital.example.pl')).toBeUndefined();
  });

  it('settings say e-mail is on, with host and sender but never the password', async () => {
    const o = await organisation();
    const response = await o.client.request<{ email: Record<string, unknown> }>('GET', '/api/mail/settings');
    expect(response.status).toBe(200);
    expect(response.body.email).toMatchObject({ enabled: true, host: '127.0.0.1', from: smtp.smtp.from });
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
  });
});

describe('without SMTP configuration', () => {
  it('the app works, queues nothing and says clearly that e-mail is off', async () => {
    const off = await startHarness({ now: '2026-11-20T09:00:00Z' });
    try {
      const dpo = await off.member({ role: 'dpo' });
      const client = off.client();
      await client.login(dpo.email);
      const created = await client.request<{ id: string }>(
        'POST',
        `/api/orgs/${dpo.organisationId}/breaches`,
        {
          report: { whatHappened: 'Zgubiony laptop', situations: ['copy-lost'] },
        },
      );
      expect(created.status).toBe(201);
      expect(await off.database.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
      const settings = await client.request<{ email: { enabled: boolean; message: { pl: string } } }>(
        'GET',
        '/api/mail/settings',
      );
      expect(settings.body.email.enabled).toBe(false);
      expect(settings.body.email.message.pl).toContain('Wysyłka e-mail jest wyłączona');
      const batch = await client.request(
        'POST',
        `/api/orgs/${dpo.organisationId}/breaches/${created.body.id}/mail/communications`,
        Buffer.from('imię;nazwisko;e-mail\nJan;Nowak;jan@example.pl\n'),
      );
      expect(batch.status).toBe(400);
      expect((batch.body.error as { message: string }).message).toContain('wysyłka e-mail jest wyłączona');
    } finally {
      await off.close();
    }
  });
});

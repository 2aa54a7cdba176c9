import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';
import { mailDriver, startSmtpServer, type TestSmtp } from './mail-smtp-server.ts';

let smtp: TestSmtp;
let h: Harness;
beforeEach(async () => {
  smtp = await startSmtpServer();
  h = await startHarness({
    now: '2026-11-20T09:00:00Z',
    config: { smtp: smtp.smtp, mailRatePerMinute: 0, publicUrl: 'https://iod.example.pl' },
  });
});
afterEach(async () => {
  await h.close();
  await smtp.close();
});

type Batch = {
  id: string;
  status: string;
  total: number;
  progress: { queued: number; sending: number; sent: number; retrying: number; failed: number };
  skipped: { row: number; reason: string }[];
  recipients?: { email: string; status: string; error: string | null; attempts: number }[];
};

const firstNames = ['Zofia', 'Łukasz', 'Małgorzata', 'Jędrzej', 'Źdźisława', 'Ścibor'];
const lastNames = ['Żółkiewska', 'Gęślak', 'Wąsowicz', 'Kołłątaj', 'Ćwik', 'Nieśmiałek'];
const peopleCsv = (n: number, domain = 'example.pl') =>
  Buffer.from(
    `\uFEFFimię;nazwisko;e-mail\r\n${Array.from(
      { length: n },
      (_, i) => `${firstNames[i % 6]};${lastNames[i % 6]};osoba${i}@${domain}`,
    ).join('\r\n')}\r\n`,
  );

async function startBatch(story: Awaited<ReturnType<typeof buildConfirmedBreach>>, csv: Buffer) {
  const response = await story.client.request<Batch>('POST', `${story.url}/mail/communications`, csv, {
    'content-type': 'text/csv',
    'x-filename': encodeURIComponent('osoby-poszkodowane.csv'),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  return response.body;
}

async function batchState(story: Awaited<ReturnType<typeof buildConfirmedBreach>>, id: string, query = '') {
  const response = await story.client.request<Batch>('GET', `${story.url}/mail/communications/${id}${query}`);
  expect(response.status).toBe(200);
  return response.body;
}

/** Skip the messages to staff (the new report, the breach confirmed) so the counts are the people's. */
async function storyWithoutStaffMail() {
  const story = await buildConfirmedBreach(h, { awareAt: '2026-11-20T08:00:00Z' });
  await mailDriver(h, smtp.smtp).send();
  smtp.received.length = 0;
  return story;
}

describe('communications to data subjects by e-mail (art. 34 RODO)', () => {
  it('1,000 people, a crash halfway and a restart: each person gets exactly one message', async () => {
    const story = await storyWithoutStaffMail();
    const started = performance.now();
    const batch = await startBatch(story, peopleCsv(1000));
    expect(batch).toMatchObject({ status: 'running', total: 1000 });

    // The first instance dies after the 500th message: claimed rows stay "sending", nothing is given back.
    const crash = new AbortController();
    smtp.state.onMessage = (count) => {
      if (count === 495) crash.abort();
    };
    await mailDriver(h, smtp.smtp).send({ signal: crash.signal, releaseOnAbort: false });
    smtp.state.onMessage = null;
    expect(smtp.received).toHaveLength(495);
    const halfway = await batchState(story, batch.id);
    expect(halfway.progress.sent).toBe(495);
    expect(halfway.progress.sending).toBe(5);
    expect(halfway.progress.sending).toBeGreaterThan(0);
    expect(halfway.status).toBe('running');

    // A restart: the app anew; the abandoned rows are taken again once they are stale, by two instances at once.
    await h.restart();
    const driver = mailDriver(h, smtp.smtp);
    await driver.send();
    expect(smtp.received.length).toBeLessThan(1000);
    h.clock.advanceHours(0.25);
    const second = h.database.url ? await openDatabase({ databaseUrl: h.database.url, poolSize: 3 }) : null;
    try {
      await Promise.all([driver.send(), driver.send(second ? { db: second.db } : {})]);
    } finally {
      await second?.close();
    }
    const elapsed = performance.now() - started;
    console.info(`[mail] 1,000 communications with a crash and restart: ${Math.round(elapsed)} ms`);

    const counts = smtp.countsByRecipient();
    expect(counts.size).toBe(1000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const done = await batchState(story, batch.id);
    expect(done).toMatchObject({
      status: 'done',
      progress: { sent: 1000, queued: 0, sending: 0, failed: 0 },
    });

    const breach = await story.client.request<{
      subjectCommunication: { decision: string; numberNotified: number; channels: string[]; date: string };
      times: { subjectsNotifiedAt: string };
    }>('GET', story.url);
    expect(breach.body.subjectCommunication).toMatchObject({
      decision: 'told',
      numberNotified: 1000,
      channels: ['email'],
      date: '2026-11-20',
    });
    expect(breach.body.times.subjectsNotifiedAt).toBe('2026-11-20T09:00:00.000Z');
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'communication.email%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'communication.email-batch-finished',
      'communication.email-batch-started',
    ]);

    // The letter: personalised, Polish letters intact, text and HTML, the organisation in the subject.
    const [letter] = await smtp.byRecipient('osoba0@example.pl');
    // The greeting names nobody in Polish; the person's name stands above it, as a letter's address does.
    expect(letter?.text).toMatch(/^Pani Zofia Żółkiewska$[\s\S]*^Szanowna Pani,$/m);
    expect(letter?.html).toContain('<p>Pani Zofia Żółkiewska</p>');
    expect(letter?.text).toContain('Co może Pani zrobić?');
    expect(letter?.subject).toMatch(/^Zawiadomienie o naruszeniu ochrony danych osobowych – /);
    expect(letter?.headers.get('auto-submitted')).toBeUndefined();
    const [male] = await smtp.byRecipient('osoba1@example.pl');
    expect(male?.text).toMatch(/^Pan Łukasz Gęślak$[\s\S]*^Szanowny Panie,$/m);
    expect(male?.text).toContain('Co może Pan zrobić?');

    // A second batch with the same people writes to nobody again.
    const again = await startBatch(story, peopleCsv(3));
    expect(again.total).toBe(0);
    expect(again.skipped).toHaveLength(3);
  });

  it('honours the rate: messages are spaced by 60 000 / MAIL_RATE_PER_MINUTE ms', async () => {
    const story = await storyWithoutStaffMail();
    await startBatch(story, peopleCsv(6));
    const rate = 600; // one message every 100 ms
    await mailDriver(h, smtp.smtp, rate).send();
    expect(smtp.received).toHaveLength(6);
    const gaps = smtp.received.slice(1).map((m, i) => m.at - smtp.received[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
    expect(smtp.received.at(-1)!.at - smtp.received[0]!.at).toBeGreaterThanOrEqual(490);
  });

  it('a failing server leaves recipients "failed" with the reason; they are retried later and delivered', async () => {
    const story = await storyWithoutStaffMail();
    const batch = await startBatch(story, peopleCsv(4));
    smtp.state.failWith = { code: 451, message: '4.3.0 Mailbox temporarily unavailable' };
    const mail = mailDriver(h, smtp.smtp);
    expect(await mail.send()).toEqual({ sent: 0, failed: 4 });
    const failed = await batchState(story, batch.id, '?status=failed');
    expect(failed.progress).toMatchObject({ retrying: 4, sent: 0 });
    expect(failed.recipients).toHaveLength(4);
    for (const r of failed.recipients ?? []) {
      expect(r.error).toContain('451');
      expect(r.error).toContain('Mailbox temporarily unavailable');
    }
    // Not due again yet: nothing is attempted; after the backoff they go, and one address is refused for good.
    smtp.state.failWith = null;
    expect(await mail.send()).toEqual({ sent: 0, failed: 0 });
    smtp.state.failWith = {
      code: 550,
      message: '5.1.1 No such user',
      when: (to) => to.includes('osoba3@example.pl'),
    };
    h.clock.advanceHours(0.05);
    expect(await mail.send()).toEqual({ sent: 3, failed: 1 });
    h.clock.advanceHours(24);
    expect(await mail.send()).toEqual({ sent: 0, failed: 0 });
    await story.client.login(story.dpo.email);
    const settled = await batchState(story, batch.id, '?status=failed');
    expect(settled).toMatchObject({ status: 'done', progress: { sent: 3, failed: 1, retrying: 0 } });
    expect(settled.recipients?.[0]).toMatchObject({
      email: 'osoba3@example.pl',
      status: 'failed',
      attempts: 2,
    });
    expect(settled.recipients?.[0]?.error).toContain('No such user');
    expect(smtp.countsByRecipient().get('osoba0@example.pl')).toBe(1);
  });

  it('an unreachable server is a temporary failure with the connection error as the reason', async () => {
    const story = await storyWithoutStaffMail();
    const batch = await startBatch(story, peopleCsv(2));
    const { closedPort } = await import('./mail-smtp-server.ts');
    const unreachable = { ...smtp.smtp, port: await closedPort() };
    expect(await mailDriver(h, unreachable).send()).toEqual({ sent: 0, failed: 2 });
    const state = await batchState(story, batch.id);
    expect(state.progress.retrying).toBe(2);
    h.clock.advanceHours(0.05);
    expect(await mailDriver(h, smtp.smtp).send()).toEqual({ sent: 2, failed: 0 });
    const rows = await h.database.db
      .selectFrom('mail_outbox')
      .select(['last_error', 'status'])
      .where('batch_id', '=', batch.id)
      .execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('a crash between the server’s 250 and the "sent" mark repeats that one message with the same Message-ID', async () => {
    const story = await storyWithoutStaffMail();
    const batch = await startBatch(story, peopleCsv(1));
    const mail = mailDriver(h, smtp.smtp);
    await mail.send();
    // Simulate the crash: the row is still "sending", claimed by an instance that is gone.
    await sql`update mail_outbox set status = 'sending', claimed_at = ${new Date('2026-11-20T08:00:00Z')} where batch_id = ${batch.id}`.execute(
      h.database.db,
    );
    await mail.send();
    const copies = await smtp.byRecipient('osoba0@example.pl');
    expect(copies).toHaveLength(2);
    expect(copies[0]?.messageId).toBe(copies[1]?.messageId);
  });

  it('from the leak analysis: people known only by an e-mail address are greeted without a name', async () => {
    const story = await storyWithoutStaffMail();
    const people =
      '\uFEFFklucz;pesel;idCard;passport;email;phone;nip;iban;data_urodzenia;dziecko;pliki\r\n' +
      'p1;;;;anna.zajac@example.pl jan@example.pl;;;;;;kadry.xlsx\r\n' +
      'p2;44051401359;;;;;;;1944-05-14;nie;kadry.xlsx\r\n' +
      'p3;;;;piotr@example.pl;;;;;;maile.eml\r\n';
    const scan = await h.database.db
      .insertInto('scans')
      .values({
        breach_id: story.breachId,
        organisation_id: story.organisationId,
        status: 'done',
        source: 'wyciek.zip',
        people: Buffer.from(people),
        started_by_label: 'IOD',
        started_at: h.clock.now(),
        updated_at: h.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await story.client.request<Batch>('POST', `${story.url}/mail/communications/from-scan`, {
      scanId: scan.id,
    });
    expect(response.status).toBe(202);
    expect(response.body.total).toBe(2);
    expect(response.body.skipped).toEqual([{ row: 3, reason: 'brak poprawnego adresu e-mail' }]);
    await mailDriver(h, smtp.smtp).send();
    expect([...smtp.countsByRecipient().keys()].sort()).toEqual([
      'anna.zajac@example.pl',
      'piotr@example.pl',
    ]);
    const [letter] = await smtp.byRecipient('piotr@example.pl');
    expect(letter?.text).toContain('Szanowna Pani / Szanowny Panie,');
  });

  it('a list without an e-mail column is refused with a message naming the columns found', async () => {
    const story = await storyWithoutStaffMail();
    const response = await story.client.request(
      'POST',
      `${story.url}/mail/communications`,
      Buffer.from('imię;nazwisko;adres\nJan;Nowak;Łódź\n'),
      {
        'content-type': 'text/csv',
      },
    );
    expect(response.status).toBe(400);
    expect((response.body.error as { message: string }).message).toContain('brak kolumny z adresem e-mail');
    expect((response.body.error as { message: string }).message).toContain('„nazwisko”');
  });
});

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/app-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ config: { publicReportsPerHour: 3 } });
});
afterEach(async () => {
  await h.close();
});

describe('the public report link (no account)', () => {
  it('shows the seed 003 §2 checklist in Polish, or English on request', async () => {
    const org = await h.organisation('Przedszkole nr 5');
    const pl = await h
      .client()
      .request<{ situations: { id: string; label: string }[] }>(
        'GET',
        `/api/public/report/${org.reportToken}`,
      );
    expect(pl.body.situations).toHaveLength(16);
    expect(pl.body.situations[0]).toEqual({
      id: 'break-in-traces',
      label: 'Ślady włamania lub próby włamania (drzwi, okna, szafy)',
    });
    const en = await h
      .client()
      .request<{ situations: { label: string }[] }>('GET', `/api/public/report/${org.reportToken}?lang=en`);
    expect(en.body.situations[0]!.label).toBe(
      'Signs of a break-in or attempted break-in (doors, windows, cabinets)',
    );
  });

  it('an anonymous report keeps no name, stores evidence with its SHA-256, and the receipt code adds information later', async () => {
    const org = await h.organisation();
    const dpo = await h.member({ role: 'dpo', organisationId: org.id });
    const photo = Buffer.from('zdjęcie otwartej szafy z aktami');
    const report = await h
      .client()
      .request<{ receiptCode: string; reference: string }>('POST', `/api/public/report/${org.reportToken}`, {
        situations: ['open-storage'],
        whatHappened: 'Szafa z aktami osobowymi stoi otwarta na korytarzu.',
        anonymous: true,
        reporterName: 'Nie powinno zostać zapisane',
        attachments: [
          { filename: 'szafa.jpg', contentType: 'image/jpeg', dataBase64: photo.toString('base64') },
        ],
      });
    expect(report.status).toBe(201);
    const followUp = await h.client().request('POST', `/api/public/report/${org.reportToken}/follow-up`, {
      receiptCode: report.body.receiptCode.toLowerCase().replaceAll('-', ' '),
      text: 'Szafa jest nadal otwarta po południu.',
    });
    expect(followUp.status).toBe(200);
    const wrongCode = await h.client().request('POST', `/api/public/report/${org.reportToken}/follow-up`, {
      receiptCode: 'AAAA-BBBB-CCCC',
      text: 'x',
    });
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.body).toMatchObject({ error: { code: 'report.receipt-unknown' } });

    const client = h.client();
    await client.login(dpo.email);
    const list = await client.request<{ items: { id: string }[] }>('GET', `/api/orgs/${org.id}/breaches`);
    const breach = await client.request<{
      report: { anonymous: boolean; reporterName: string | null };
      comments: { author: string; body: string }[];
      attachments: { id: string; sha256: string; size: number }[];
    }>('GET', `/api/orgs/${org.id}/breaches/${list.body.items[0]!.id}`);
    expect(breach.body.report).toMatchObject({ anonymous: true, reporterName: null });
    expect(JSON.stringify(breach.body)).not.toContain('Nie powinno zostać zapisane');
    expect(breach.body.comments).toEqual([
      expect.objectContaining({ body: 'Szafa jest nadal otwarta po południu.' }),
    ]);
    expect(breach.body.attachments[0]).toMatchObject({
      size: photo.length,
      sha256: createHash('sha256').update(photo).digest('hex'),
    });
    const download = await client.request(
      'GET',
      `/api/orgs/${org.id}/breaches/${list.body.items[0]!.id}/attachments/${breach.body.attachments[0]!.id}`,
    );
    expect(Buffer.compare(download.body as unknown as Buffer, photo)).toBe(0);
  });

  it('is throttled per address, with a clear message', async () => {
    const org = await h.organisation();
    const send = () =>
      h.client().request('POST', `/api/public/report/${org.reportToken}`, { whatHappened: 'spam' });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(201);
    const blocked = await send();
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      error: {
        code: 'rate-limited',
        message: 'Zbyt wiele zgłoszeń z tego adresu. Spróbuj ponownie za chwilę.',
      },
    });
  });

  it('an unknown link is "not found"; an empty report names the field', async () => {
    expect((await h.client().request('GET', '/api/public/report/nie-ma-takiego-linku')).status).toBe(404);
    const org = await h.organisation();
    const empty = await h
      .client()
      .request('POST', `/api/public/report/${org.reportToken}`, { whatHappened: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: {
        code: 'validation.invalid',
        fields: [{ field: 'whatHappened', message: 'wymagane co najmniej 1 znaków' }],
      },
    });
  });
});

import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfText, xlsxSheets } from '../documents/extract-text.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-20T12:00:00Z' });
});
afterEach(async () => {
  await h.close();
});

describe('documents download from the API (the same renderers as incydent render)', () => {
  it('the UODO notification, the internal report and the register come as files with the case in them', async () => {
    const story = await buildConfirmedBreach(h, { awareAt: '2026-11-20T10:00:00Z' });
    await story.client.request('PATCH', story.url, {
      description: 'Lista płac z numerami PESEL wysłana e-mailem do niewłaściwego odbiorcy.',
      breachTypes: ['confidentiality'],
      dataCategories: ['names', 'pesel', 'earnings-assets'],
      subjectsApprox: 42,
    });
    await story.client.request('POST', `${story.url}/assessments`, {
      facts: {
        breachTypes: ['confidentiality'],
        dataCategories: ['identification', 'national-id', 'financial'],
        subjectsApprox: 42,
        vulnerableSubjects: false,
        malicious: false,
      },
      comment: 'ocena',
    });
    const pdf = await story.client.request(
      'GET',
      `${story.url}/documents/uodo-notification?format=pdf&phase=initial`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain('uodo-notification.pdf');
    const { text } = await pdfText(pdf.body as unknown as Uint8Array);
    expect(text).toContain('Zgłoszenie wstępne');
    expect(text).toContain('Lista płac z numerami PESEL');
    expect(text).toContain('Numer ewidencyjny PESEL');
    expect(text).not.toContain('GIODO');

    const report = await story.client.request('GET', `${story.url}/documents/internal-report?format=docx`);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toContain('wordprocessingml');

    const register = await story.client.request(
      'GET',
      `/api/orgs/${story.organisationId}/register/export?format=xlsx`,
    );
    expect(register.status).toBe(200);
    const workbook = await xlsxSheets(register.body as unknown as Uint8Array);
    const cells = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(cells).toContain('2026/001');

    const wrongFormat = await story.client.request(
      'GET',
      `${story.url}/documents/internal-report?format=xlsx`,
    );
    expect(wrongFormat.status).toBe(400);
    expect(wrongFormat.body).toEqual({
      error: {
        code: 'validation.invalid',
        message: 'Nieprawidłowe dane w polu „format”: ten dokument jest dostępny jako: pdf, docx, html',
      },
    });
  });

  it('personalised letters from an uploaded people list, one letter per person', async () => {
    const story = await buildConfirmedBreach(h, { awareAt: '2026-11-20T10:00:00Z' });
    const people = await readFile(new URL('../../examples/cases/people.csv', import.meta.url));
    const letters = await story.client.request(
      'POST',
      `${story.url}/documents/subject-letter/personalised?format=pdf`,
      people,
      {
        'content-type': 'text/csv',
        'x-filename': 'people.csv',
      },
    );
    expect(letters.status, String(letters.body)).toBe(200);
    const { text } = await pdfText(letters.body as unknown as Uint8Array);
    const firstPerson = people.toString('utf8').split(/\r?\n/)[1]!.split(/[;,]/)[0]!;
    expect(text).toContain(firstPerson);
  });

  it('an empty register says there is nothing to export', async () => {
    const dpo = await h.member({ role: 'dpo' });
    const client = h.client();
    await client.login(dpo.email);
    const response = await client.request(
      'GET',
      `/api/orgs/${dpo.organisationId}/register/export?format=csv`,
    );
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'register.empty' } });
  });
});

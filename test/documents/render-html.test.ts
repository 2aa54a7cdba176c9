import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/documents/render-document.ts';
import { renderHtml } from '../../src/documents/render-html.ts';
import type { DocumentModel } from '../../src/domain/documents/document-model.ts';
import { documentDate, loadCase } from './cases.ts';

async function html(kind: 'public-communication' | 'register'): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderDocument(
    {
      kind,
      format: 'html',
      cases: [loadCase('mopr-bialystok-2019')],
      lang: 'pl',
      generatedAt: documentDate,
      version: '1',
    },
    stream,
  );
  return Buffer.concat(chunks).toString('utf8');
}

describe('the printable page (public communication, art. 34(3)(c); print view of the register)', () => {
  it('has what art. 34(2) asks for, in Polish, as one printable A4 page', async () => {
    const page = await html('public-communication');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="pl">');
    expect(page).toContain('@page { size: A4;');
    for (const heading of [
      'Co się stało?',
      'Jakich danych dotyczy naruszenie?',
      'Jakie mogą być skutki?',
      'Co zrobiliśmy?',
    ]) {
      expect(page).toContain(heading);
    }
    expect(page).toContain('Katarzyna Podleśna');
    expect(page).not.toContain('GIODO');
  });

  it('the register prints landscape with its Załącznik 2 columns', async () => {
    const page = await html('register');
    expect(page).toContain('@page { size: A4 landscape;');
    expect(page).toContain('<table>');
  });

  it('escapes what people typed', () => {
    const model: DocumentModel = {
      kind: 'internal-report',
      lang: 'pl',
      title: 'Raport <b>',
      organisation: 'Szkoła & Przedszkole',
      reference: 'R/1',
      documentDate,
      version: '1',
      orientation: 'portrait',
      footer: 'stopka',
      pageLabel: 'strona {page} z {pages}',
      blocks: [{ kind: 'paragraph', text: '<script>alert(1)</script>' }],
    };
    const page = renderHtml(model);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Szkoła &amp; Przedszkole');
  });
});

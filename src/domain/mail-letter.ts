/**
 * The communication to a data subject (art. 34(1)–(2) RODO) as an e-mail: the same document model as the printed
 * letter (build-subject-letter.ts), so the e-mail says exactly what the letter says, less the postal address block.
 * A person known only by an e-mail address (e.g. from the leak analysis) is greeted without a name.
 */
import type { BreachCase } from './breach-case.ts';
import { buildSubjectLetter } from './documents/build-subject-letter.ts';
import type { Recipient } from './documents/communication-audience.ts';
import { type Block, cellText, type DocumentModel } from './documents/document-model.ts';
import type { Lang } from './language.ts';
import type { MailContent } from './mail-messages.ts';

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const htmlLines = (value: string) => escapeHtml(value).replace(/\n/g, '<br>');

function blockText(block: Block, lang: Lang): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`);
    case 'bullets':
      return block.items.map((item) => `• ${item}`);
    case 'table':
      return [
        block.columns.map((c) => c.header).join(' | '),
        ...block.rows.map((row) => row.map((cell) => cellText(cell, lang)).join(' | ')),
      ];
    case 'signatures':
      return [block.captions.join(' / ')];
    case 'address':
    case 'page-break':
      return [];
  }
}

function blockHtml(block: Block, lang: Lang): string {
  switch (block.kind) {
    case 'heading': {
      const size = { 1: '1.3rem', 2: '1.15rem', 3: '1rem' }[block.level];
      return `<h${block.level} style="font-size:${size}">${escapeHtml(block.text)}</h${block.level}>`;
    }
    case 'paragraph': {
      const style = [
        block.align === 'right' ? 'text-align:right' : '',
        block.tone === 'muted' ? 'color:#555' : '',
        block.tone === 'strong' ? 'font-weight:bold' : '',
      ].filter(Boolean);
      return `<p${style.length ? ` style="${style.join(';')}"` : ''}>${htmlLines(block.text)}</p>`;
    }
    case 'fields':
      return `<table>${block.fields.map((f) => `<tr><th style="text-align:left;vertical-align:top;padding-right:12px">${escapeHtml(f.label)}</th><td>${htmlLines(f.value)}</td></tr>`).join('')}</table>`;
    case 'bullets':
      return `<ul>${block.items.map((item) => `<li>${htmlLines(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table border="1" cellpadding="4" style="border-collapse:collapse"><tr>${block.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cellText(cell, lang))}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'signatures':
      return `<p>${escapeHtml(block.captions.join(' / '))}</p>`;
    case 'address':
    case 'page-break':
      return '';
  }
}

/** A letter's document model as an e-mail; the subject names the organisation so the person knows who writes. */
export function letterAsMail(document: DocumentModel): MailContent {
  const subject = `${document.title} – ${document.organisation}`;
  const text = document.blocks
    .map((block) => blockText(block, document.lang).join('\n'))
    .filter((part) => part !== '')
    .join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${document.lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:42rem">',
    ...document.blocks.map((block) => blockHtml(block, document.lang)).filter(Boolean),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * The personalised communication for one person. Without a name (`firstName` and `lastName` empty) nobody is
 * named and the letter uses both forms of address.
 */
export function subjectCommunicationMail(
  breach: BreachCase,
  options: { lang: Lang; generatedAt: Date; recipient: Recipient },
): MailContent {
  const { recipient, lang } = options;
  const document = buildSubjectLetter(breach, {
    lang,
    generatedAt: options.generatedAt,
    version: '1',
    recipient,
  });
  // An e-mail has no postal address. Its Polish greeting names nobody ("Szanowna Pani,"), so the person's name
  // ("Pani Zofia Żółkiewska", the address block's first line) stands above it, as in a letter.
  const named = `${recipient.firstName} ${recipient.lastName}`.trim() !== '';
  if (lang === 'pl' && named) {
    document.blocks = document.blocks.map((block) =>
      block.kind === 'address' ? { kind: 'paragraph', text: block.lines[0] ?? '' } : block,
    );
  }
  return letterAsMail(document);
}

import { type Block, cellText, type DocumentModel } from '../domain/documents/document-model.ts';

/**
 * A document as one printable HTML page: the "printable page" of the public communication (art. 34(3)(c) RODO)
 * and the print view of the register and other documents. Same model as the PDF, so they say the same; print CSS
 * gives A4 pages with the organisation's name on top.
 */
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function blockHtml(block: Block, document: DocumentModel): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph': {
      const classes = [
        block.tone && block.tone !== 'normal' ? block.tone : '',
        block.align === 'right' ? 'right' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `<p${classes ? ` class="${classes}"` : ''}>${escapeHtml(block.text)}</p>`;
    }
    case 'fields':
      return `<dl>${block.fields.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value || '—')}</dd>`).join('')}</dl>`;
    case 'bullets':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${block.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell) => `<td>${escapeHtml(cellText(cell, document.lang))}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'address':
      return `<address>${block.lines.map(escapeHtml).join('<br>')}</address>`;
    case 'signatures':
      return `<div class="signatures">${block.captions.map((c) => `<div><span class="line"></span>${escapeHtml(c)}</div>`).join('')}</div>`;
    case 'page-break':
      return '<div class="page-break"></div>';
  }
}

export function renderHtml(document: DocumentModel): string {
  const size = document.orientation === 'landscape' ? 'A4 landscape' : 'A4';
  return `<!doctype html>
<html lang="${document.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title)} — ${escapeHtml(document.organisation)}</title>
<style>
@page { size: ${size}; margin: 18mm 16mm; }
body { font-family: "Roboto", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
header { display: flex; justify-content: space-between; border-bottom: 1px solid #888; padding-bottom: .4rem; margin-bottom: 1.2rem; font-size: 9pt; color: #444; }
h2 { font-size: 16pt; margin: 1rem 0 .4rem; } h3 { font-size: 12.5pt; margin: 1rem 0 .3rem; } h4 { font-size: 11pt; margin: .8rem 0 .2rem; }
.muted { color: #555; font-size: 9.5pt; } .strong { font-weight: 600; } .right { text-align: right; }
dl { display: grid; grid-template-columns: minmax(10rem, 35%) 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; } th, td { border: 1px solid #999; padding: .2rem .35rem; vertical-align: top; text-align: left; }
address { font-style: normal; margin-left: 55%; margin-bottom: 1rem; }
.signatures { display: flex; gap: 3rem; margin-top: 3rem; } .signatures div { flex: 1; font-size: 9pt; text-align: center; } .line { display: block; border-top: 1px dotted #333; margin-bottom: .2rem; }
.page-break { break-after: page; }
footer { margin-top: 2rem; border-top: 1px solid #888; padding-top: .4rem; font-size: 9pt; color: #444; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<header><span>${escapeHtml(document.organisation)}</span><span>${escapeHtml(document.title)}</span></header>
<main>
${document.blocks.map((block) => blockHtml(block, document)).join('\n')}
</main>
<footer>${escapeHtml(document.footer)}</footer>
</body>
</html>
`;
}

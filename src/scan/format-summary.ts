import { dataCategoryDefinition } from '../domain/data-categories.ts';
import { scanFindings } from '../domain/scan-findings.ts';
import { type ScanLang, scanMessages } from './scan-messages.ts';
import type { ScanResult } from './scan-paths.ts';
import { identifierKinds } from './scan-tally.ts';

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** The summary for a person: counts, categories and unreadable files; never an identifier itself. */
export function formatSummary(result: ScanResult, lang: ScanLang, listNote?: string): string {
  const m = scanMessages[lang];
  const t = result.totals;
  const failed = result.files.filter((f) => f.error !== null);
  const form = scanFindings(t).dataCategories;
  const lines = [
    m.summaryTitle,
    '',
    `${m.files}: ${t.files}${failed.length ? ` (${m.errors.toLowerCase()}: ${failed.length})` : ''}`,
    `${m.bytes}: ${size(t.bytes)}`,
    `${m.records}: ${t.records}`,
    `${m.subjects}: ${t.subjectsApprox}`,
    `${m.minors}: ${t.minors}`,
    `${m.categories}: ${t.dataCategories.length ? t.dataCategories.map((c) => m.categoryNames[c]).join(', ') : m.noIdentifiers}`,
    // In the form's own words, as the web app fills the breach from the same findings.
    `${m.formCategories}: ${form.length ? form.map((c) => dataCategoryDefinition(c).label[lang]).join('; ') : m.noIdentifiers}`,
    '',
    `${m.identifiers}:`,
  ];
  let any = false;
  for (const kind of identifierKinds) {
    const c = t.identifiers[kind];
    const invalid = c.invalid ? ` (${c.invalid} ${m.invalidPesel})` : '';
    if (c.valid === 0 && !c.invalid) continue;
    any = true;
    lines.push(
      `  ${m.kinds[kind].padEnd(18)} ${String(c.valid).padStart(9)} / ${String(c.distinct).padEnd(9)}${invalid}`,
    );
  }
  if (!any) lines.push(`  ${m.noIdentifiers}`);
  if (failed.length) {
    lines.push('', `${m.errors}:`);
    for (const f of failed) lines.push(`  ${f.path}: ${f.error}`);
  }
  if (listNote) lines.push('', listNote);
  return `${lines.join('\n')}\n`;
}

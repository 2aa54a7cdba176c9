/**
 * What a leak analysis (incydent scan, ../shared/contracts/scan.md) says about a breach, in the breach's own terms:
 * the categories of UODO's form section 6 it proves, the approximate numbers of section 5 (art. 33(3)(a) RODO),
 * children among the people (section 7; art. 8 and recital 38 RODO), and the facts for the risk engine.
 * Only what the files prove is mapped: the identifiers that validate, and the form's categories the scan saw
 * besides them (`formCategories`: a column of surnames, postal codes…). Names in running text are not detected, so
 * the DPO adds them there.
 */
import type { AssessCategory } from './assess-categories.ts';
import type { BreachFactsInput } from './breach-facts.ts';
import { type DataCategory, dataCategories } from './data-categories.ts';

export type ScanIdentifier =
  | 'pesel'
  | 'idCard'
  | 'passport'
  | 'nip'
  | 'regon'
  | 'iban'
  | 'card'
  | 'email'
  | 'phone';

export type ScanTotals = {
  records: number;
  identifiers: Record<ScanIdentifier, { valid: number; distinct: number; invalid?: number }>;
  minors: number;
  subjectsApprox: number;
  dataCategories: AssessCategory[];
  /** Absent from scans made before it was added: then health words still give health data, nothing else. */
  formCategories?: DataCategory[];
};

/** Identifier found → the category of UODO's form it belongs to. REGON identifies firms, not people. */
const identifierCategories: Record<ScanIdentifier, DataCategory | null> = {
  pesel: 'pesel',
  idCard: 'id-card',
  passport: 'passport',
  nip: 'nip',
  regon: null,
  iban: 'bank-account',
  card: 'payment-card',
  email: 'email',
  phone: 'phone',
};

export type ScanFindings = {
  dataCategories: DataCategory[];
  subjectsApprox: number;
  recordsApprox: number | null;
  children: boolean;
  /** A starting point for the assessment; the DPO completes the rest (types, intent, encryption…). */
  facts: Pick<BreachFactsInput, 'dataCategories' | 'subjectsApprox' | 'recordsApprox' | 'vulnerableSubjects'>;
};

export function scanFindings(totals: ScanTotals): ScanFindings {
  const categories = new Set<DataCategory>();
  for (const [identifier, count] of Object.entries(totals.identifiers) as [
    ScanIdentifier,
    { valid: number },
  ][]) {
    const category = identifierCategories[identifier];
    if (category && count.valid > 0) categories.add(category);
  }
  // Contact data is not an address: an e-mail or a phone number gives it too, and counts as itself above. A scan
  // made before formCategories existed still gives health data from its health words, and nothing else.
  const form = totals.formCategories ?? (totals.dataCategories.includes('health') ? ['health' as const] : []);
  for (const category of form) categories.add(category);
  return {
    // In the form's order, as its section 6 lists them.
    dataCategories: dataCategories.filter((c) => categories.has(c)),
    subjectsApprox: totals.subjectsApprox,
    recordsApprox: totals.records > 0 ? totals.records : null,
    children: totals.minors > 0,
    facts: {
      dataCategories: totals.dataCategories,
      subjectsApprox: totals.subjectsApprox,
      recordsApprox: totals.records > 0 ? totals.records : null,
      vulnerableSubjects: totals.minors > 0,
    },
  };
}

/** The text of the number of people a scan fills in (Polish: it goes into UODO's form). */
export function scanSubjectsText(subjectsApprox: number): string {
  return `ok. ${subjectsApprox} (analiza plików)`;
}

/** Whether a finished scan read anything: not when every file it met could not be read (or there was none). */
export function scanReadSomething(files: readonly { error: string | null }[]): boolean {
  return files.some((f) => f.error === null);
}

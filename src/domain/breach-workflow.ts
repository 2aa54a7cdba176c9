/**
 * The life of an incident as a state machine (../shared/DOMAIN.md, seed 003 §2–§8): every incident is recorded;
 * triage decides whether it is a personal data breach; "confirm breach" is the explicit act that sets `awareAt`
 * and starts the 72-hour clock (art. 33(1)); then the assessment, the decision on notifying UODO (art. 33), the
 * decision on the data subjects (art. 34), remediation (seed 003 Załącznik 2) and closing. Every transition
 * carries a comment saying why; an illegal one is a typed error, never a silent no-op.
 */
import { DomainError } from './errors.ts';
import type { Localized } from './language.ts';

export const breachStatusDefinitions = [
  { id: 'reported', stage: 0, open: true, label: { pl: 'Zgłoszony', en: 'Reported' } },
  { id: 'triage', stage: 1, open: true, label: { pl: 'Wstępna analiza', en: 'Triage' } },
  { id: 'not-a-breach', stage: 1, open: false, label: { pl: 'Nie jest naruszeniem', en: 'Not a breach' } },
  {
    id: 'breach-confirmed',
    stage: 2,
    open: true,
    label: { pl: 'Naruszenie stwierdzone', en: 'Breach confirmed' },
  },
  { id: 'assessed', stage: 3, open: true, label: { pl: 'Ryzyko ocenione', en: 'Risk assessed' } },
  { id: 'authority-notified', stage: 4, open: true, label: { pl: 'Zgłoszone do UODO', en: 'UODO notified' } },
  {
    id: 'authority-not-required',
    stage: 4,
    open: true,
    label: { pl: 'Zgłoszenie do UODO niewymagane', en: 'UODO notification not required' },
  },
  {
    id: 'subjects-communicated',
    stage: 5,
    open: true,
    label: { pl: 'Osoby zawiadomione', en: 'Data subjects informed' },
  },
  {
    id: 'public-communication',
    stage: 5,
    open: true,
    label: { pl: 'Komunikat publiczny wydany', en: 'Public communication issued' },
  },
  {
    id: 'subjects-not-required',
    stage: 5,
    open: true,
    label: { pl: 'Zawiadomienie osób niewymagane', en: 'Communication to data subjects not required' },
  },
  { id: 'remediation', stage: 6, open: true, label: { pl: 'Działania naprawcze', en: 'Remediation' } },
  { id: 'closed', stage: 7, open: false, label: { pl: 'Zamknięty', en: 'Closed' } },
] as const satisfies readonly { id: string; stage: number; open: boolean; label: Localized }[];

export type BreachStatus = (typeof breachStatusDefinitions)[number]['id'];
export const breachStatuses = breachStatusDefinitions.map((d) => d.id) as readonly BreachStatus[];

/** Statuses in which the incident has been confirmed as a personal data breach (it belongs in the register). */
export const breachConfirmedStatuses: readonly BreachStatus[] = [
  'breach-confirmed',
  'assessed',
  'authority-notified',
  'authority-not-required',
  'subjects-communicated',
  'public-communication',
  'subjects-not-required',
  'remediation',
  'closed',
];

const authorityDecided: readonly BreachStatus[] = ['authority-notified', 'authority-not-required'];
const subjectsDecided: readonly BreachStatus[] = [
  'subjects-communicated',
  'public-communication',
  'subjects-not-required',
];
const afterAssessment: readonly BreachStatus[] = [
  'assessed',
  ...authorityDecided,
  ...subjectsDecided,
  'remediation',
];

/**
 * The transitions, as data. `to: null` keeps the status (a further assessment or a supplementary notification
 * changes the record, not the stage).
 */
export const workflowTransitions = {
  'start-triage': {
    from: ['reported'],
    to: 'triage',
    label: { pl: 'Rozpocznij analizę', en: 'Start triage' },
  },
  dismiss: {
    from: ['reported', 'triage'],
    to: 'not-a-breach',
    label: { pl: 'To nie jest naruszenie', en: 'Not a breach' },
  },
  'confirm-breach': {
    from: ['reported', 'triage'],
    to: 'breach-confirmed',
    label: { pl: 'Potwierdź naruszenie', en: 'Confirm breach' },
  },
  assess: {
    from: ['breach-confirmed', ...afterAssessment],
    to: 'assessed',
    keepsLaterStatus: true,
    label: { pl: 'Oceń ryzyko', en: 'Assess risk' },
  },
  'notify-authority': {
    from: ['assessed', ...authorityDecided, ...subjectsDecided, 'remediation'],
    to: 'authority-notified',
    keepsLaterStatus: true,
    label: { pl: 'Zapisz zgłoszenie do UODO', en: 'Record notification to UODO' },
  },
  'authority-not-required': {
    from: ['assessed'],
    to: 'authority-not-required',
    label: { pl: 'Zgłoszenie do UODO niewymagane', en: 'UODO notification not required' },
  },
  'communicate-subjects': {
    from: [...authorityDecided],
    to: 'subjects-communicated',
    label: { pl: 'Zapisz zawiadomienie osób', en: 'Record communication to data subjects' },
  },
  'public-communication': {
    from: [...authorityDecided],
    to: 'public-communication',
    label: { pl: 'Zapisz komunikat publiczny', en: 'Record public communication' },
  },
  'subjects-not-required': {
    from: [...authorityDecided],
    to: 'subjects-not-required',
    label: { pl: 'Zawiadomienie osób niewymagane', en: 'Communication not required' },
  },
  'start-remediation': {
    from: [...subjectsDecided],
    to: 'remediation',
    label: { pl: 'Rozpocznij działania naprawcze', en: 'Start remediation' },
  },
  close: { from: ['remediation'], to: 'closed', label: { pl: 'Zamknij', en: 'Close' } },
  reopen: {
    from: ['not-a-breach', 'closed'],
    to: 'triage',
    label: { pl: 'Otwórz ponownie', en: 'Reopen' },
  },
} as const satisfies Record<
  string,
  { from: readonly BreachStatus[]; to: BreachStatus; keepsLaterStatus?: boolean; label: Localized }
>;

export type WorkflowEvent = keyof typeof workflowTransitions;
export const workflowEvents = Object.keys(workflowTransitions) as WorkflowEvent[];

export type WorkflowCommand = {
  event: WorkflowEvent;
  /** Why: required for every transition, kept in the breach's history. */
  comment: string;
  /** For `confirm-breach`: when the controller became aware (stwierdzenie naruszenia). */
  awareAt?: Date | null;
};

export type WorkflowOutcome = { status: BreachStatus; awareAt?: Date };

/** How far along the path a status is; statuses of one step share a stage. */
const stage = new Map<BreachStatus, number>(breachStatusDefinitions.map((d) => [d.id, d.stage]));

/** The events allowed in a status, for the UI's buttons and the API's "actions" list. */
export function allowedEvents(status: BreachStatus): WorkflowEvent[] {
  return workflowEvents.filter((event) =>
    (workflowTransitions[event].from as readonly BreachStatus[]).includes(status),
  );
}

/**
 * Applies one command to a status. A reopened closed breach goes back to triage with its `awareAt` kept by the
 * caller: the clock of the original awareness still stands.
 */
export function applyWorkflow(status: BreachStatus, command: WorkflowCommand): WorkflowOutcome {
  const rule = workflowTransitions[command.event];
  if (!rule || !(rule.from as readonly BreachStatus[]).includes(status)) {
    const statusLabel = breachStatusDefinitions.find((d) => d.id === status)?.label ?? {
      pl: status,
      en: status,
    };
    throw new DomainError('workflow.illegal-transition', {
      event: rule?.label ?? String(command.event),
      status: statusLabel,
    });
  }
  if (typeof command.comment !== 'string' || command.comment.trim() === '') {
    throw new DomainError('workflow.comment-required');
  }
  if (command.event === 'confirm-breach') {
    if (!(command.awareAt instanceof Date) || Number.isNaN(command.awareAt.getTime())) {
      throw new DomainError('workflow.aware-at-required');
    }
    return { status: rule.to, awareAt: command.awareAt };
  }
  const keeps = 'keepsLaterStatus' in rule && rule.keepsLaterStatus;
  if (keeps && (stage.get(status) ?? 0) > (stage.get(rule.to) ?? 0)) return { status };
  return { status: rule.to };
}

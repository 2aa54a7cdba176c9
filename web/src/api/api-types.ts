import type { BreachCase } from '../../../src/domain/breach-case.ts';
import type { WorkflowEvent } from '../../../src/domain/breach-workflow.ts';
import type { Lang, Localized } from '../../../src/domain/language.ts';
import type { Permission, Role } from '../../../src/domain/permissions.ts';
import type {
  PresentedDeadline,
  RegisterPageView,
  RegisterRow,
  RegisterRowFields,
} from '../../../src/domain/register-row.ts';
import type { ScanFindings, ScanIdentifier, ScanTotals } from '../../../src/domain/scan-findings.ts';

/**
 * Shapes of the API's answers as the web app reads them. A breach is the domain's BreachCase; only what the
 * server adds around it (version, files, approvals, allowed actions) is described here.
 */
export type Membership = { organisationId: string; organisationName: string; role: Role };

export type SessionInfo = {
  user: { id: string; email: string; name: string; lang: string; totpEnabled: boolean };
  csrfToken: string;
  memberships: Membership[];
};

export type SessionProbe = {
  setupNeeded: boolean;
  secondFactorPending: boolean;
  session: SessionInfo | null;
};

export type Deadline = PresentedDeadline;

export type BreachView = BreachCase & {
  version: number;
  attachments: {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    uploadedBy: string;
    uploadedAt: string;
  }[];
  approvals: { id: string; subject: string; note: string | null; approvedBy: string; approvedAt: string }[];
  allowedEvents: WorkflowEvent[];
  permissions: Permission[];
};

export type HistoryEntry = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
};

export type RegisterItem = RegisterRow;

export type RegisterPage = RegisterPageView;

type BreachSummary = Pick<
  RegisterRowFields,
  | 'id'
  | 'organisationId'
  | 'organisationName'
  | 'reference'
  | 'title'
  | 'status'
  | 'createdAt'
  | 'awareAt'
  | 'riskLevel'
>;

export type Inbox = {
  newReports: BreachSummary[];
  openBreaches: (BreachSummary & { deadline: Deadline | null })[];
  actionsDue: {
    id: string;
    organisationId: string;
    breachId: string;
    reference: string;
    title: string;
    kind: string;
    description: string;
    owner: string | null;
    dueDate: string | null;
    status: string;
    overdue: boolean;
  }[];
  deadlineEvents: {
    id: string;
    kind: string;
    at: string;
    breachId: string;
    organisationId: string;
    reference: string;
    title: string;
  }[];
};

export type Dashboard = {
  year: number | null;
  totals: {
    incidents: number;
    breaches: number;
    notified: number;
    notNotified: number;
    open: number;
    closed: number;
  };
  perMonth: { month: string; incidents: number; breaches: number }[];
  byType: { type: string; count: number }[];
  byCause: { cause: string; count: number }[];
  timeToNotification: {
    items: { id: string; reference: string; hours: number }[];
    medianHours: number | null;
    maxHours: number | null;
    withinDeadline: number;
    late: number;
  };
  overdue: { notificationOverdue: number; notifiedLate: number; actionsOverdue: number };
};

export type OrganisationSettings = {
  id: string;
  reportToken: string;
  name: string;
  regon: string | null;
  nip: string | null;
  krs: string | null;
  sector: { kind: 'public' | 'private'; name: string } | null;
  address: Record<string, string | null>;
  representatives: { name: string; position: string }[];
  dpo: { name: string; phone: string | null; email: string | null } | null;
  contactPoint: string | null;
  requireTotp: boolean;
  dueSoonHours: number;
  criticalHours: number;
  reminderThresholds: number[];
};

export type Member = { userId: string; email: string; name: string; role: Role; totpEnabled: boolean };

type IdentifierCount = { valid: number; distinct: number; invalid?: number };

/** A leak analysis of a breach's files: progress while it runs, then counts only (never identifiers). */
export type ScanView = {
  id: string;
  status: 'running' | 'done' | 'failed' | 'applied' | 'cancelled';
  source: string;
  progress: { bytesDone: number; bytesTotal: number };
  result: {
    asOf?: string;
    files?: {
      path: string;
      format: string;
      bytes: number;
      records: number;
      error: string | null;
      identifiers: Partial<Record<ScanIdentifier, IdentifierCount>>;
    }[];
    totals?: ScanTotals & { files?: number; bytes?: number };
    /** Size of a people list too large to keep on the server (none is kept then). */
    peopleListBytes?: number;
  } | null;
  findings: ScanFindings | null;
  error: string | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** When its findings were written into the breach (status applied). */
  appliedAt: string | null;
};

/** Whether the server sends e-mail (never the password) and the user's own e-mail choices (GET /api/mail/settings). */
export type MailSettings = {
  email:
    | {
        enabled: true;
        host: string;
        port: number;
        secure: boolean;
        from: string;
        authenticated: boolean;
        ratePerMinute: number;
        publicUrl: string | null;
        message: Localized;
      }
    | { enabled: false; message: Localized };
  preferences: { dailyDigest: boolean; lang: Lang };
  calendar: { enabled: boolean };
};

export type MailBatchProgress = {
  queued: number;
  sending: number;
  sent: number;
  retrying: number;
  failed: number;
};

/** One e-mail communication to data subjects (art. 34 RODO) and how far it is. */
export type MailBatch = {
  id: string;
  status: 'running' | 'done';
  source: string;
  lang: Lang;
  total: number;
  progress: MailBatchProgress;
  skipped: { row: number; reason: string }[];
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
};

export type MailRecipientState = {
  email: string;
  name: string | null;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  error: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  messageId: string | null;
};

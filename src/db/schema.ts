import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Types of the tables of migrations/, for Kysely. JSON columns hold the domain's own shapes. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** A calendar date, `YYYY-MM-DD`, read as text (see database.ts: no time-zone shifts). */
type CalendarDate = ColumnType<string, string, string>;

export type Role = 'reporter' | 'dpo' | 'controller' | 'auditor' | 'admin';

export type OrganisationsTable = {
  id: Generated<string>;
  name: string;
  regon: string | null;
  nip: string | null;
  krs: string | null;
  sector: Json<{ kind: 'public' | 'private'; name: string } | null> | null;
  address: Json<Record<string, string | null>>;
  representatives: Json<{ name: string; position: string }[]>;
  dpo: Json<{ name: string; phone: string | null; email: string | null } | null> | null;
  contact_point: string | null;
  report_token: string;
  require_totp: Generated<boolean>;
  due_soon_hours: Generated<number>;
  critical_hours: Generated<number>;
  reminder_thresholds: Json<number[]>;
  audit_seq: Generated<number>;
  audit_head: Generated<string>;
  created_at: CreatedAt;
};

export type UsersTable = {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  lang: Generated<string>;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
};

export type MembershipsTable = {
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: CreatedAt;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  second_factor_pending: Generated<boolean>;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

export type RateEventsTable = { key: string; at: Timestamp };

export type CountersTable = { organisation_id: string; name: string; value: number };

export type BreachesTable = {
  id: Generated<string>;
  organisation_id: string;
  reference: string;
  title: string;
  status: string;
  details: Json<Record<string, unknown>>;
  aware_at: Timestamp | null;
  first_notified_at: Timestamp | null;
  breach_types: ColumnType<string[], string[], string[]>;
  risk_level: string | null;
  authority_decision: string | null;
  reported_by: string | null;
  receipt_code_hash: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
};

export type AssessmentsTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  facts: Json<Record<string, unknown>>;
  engine: Json<Record<string, unknown>>;
  decision: Json<Record<string, unknown>>;
  departs_from_engine: boolean;
  decided_by: string | null;
  decided_by_label: string;
  decided_at: Timestamp;
};

export type NotificationsTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  phase: string;
  sent_at: Timestamp;
  channel: string;
  uodo_case_reference: string | null;
  late_reason: string | null;
  planned_completion_date: CalendarDate | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
};

export type ActionsTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  kind: string;
  description: string;
  owner: string | null;
  due_date: CalendarDate | null;
  status: string;
  completed_at: Timestamp | null;
  effectiveness: string | null;
  effective: boolean | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type CommentsTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  author_id: string | null;
  author_label: string;
  body: string;
  created_at: Timestamp;
};

export type AttachmentsTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_by_label: string;
  uploaded_at: Timestamp;
};

export type ApprovalsTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  subject: string;
  note: string | null;
  approved_by: string | null;
  approved_by_label: string;
  approved_at: Timestamp;
};

export type DeadlineEventsTable = {
  id: Generated<string>;
  organisation_id: string;
  breach_id: string | null;
  action_id: string | null;
  subject_id: string;
  kind: string;
  created_at: Timestamp;
};

export type ScansTable = {
  id: Generated<string>;
  breach_id: string;
  organisation_id: string;
  status: 'running' | 'done' | 'failed' | 'applied' | 'cancelled';
  source: string;
  bytes_done: Generated<number>;
  bytes_total: Generated<number>;
  result: Json<Record<string, unknown>> | null;
  people: Uint8Array | null;
  error: string | null;
  started_by: string | null;
  started_by_label: string;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
};

export type MailBatchesTable = {
  id: Generated<string>;
  organisation_id: string;
  breach_id: string;
  source: string;
  lang: string;
  total: number;
  skipped: Json<{ row: number; reason: string }[]>;
  status: 'running' | 'done';
  started_by: string | null;
  started_by_label: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
};

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

export type MailOutboxTable = {
  id: Generated<string>;
  dedupe_key: string;
  kind: string;
  organisation_id: string | null;
  breach_id: string | null;
  batch_id: string | null;
  user_id: string | null;
  recipient: string;
  recipient_name: Generated<string>;
  lang: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
};

export type MailUserSettingsTable = {
  user_id: string;
  daily_digest: Generated<boolean>;
  calendar_token_hash: string | null;
  updated_at: Timestamp;
};

export type AuditLogTable = {
  organisation_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prev_hash: string;
  hash: string;
};

/** Derived state kept by triggers (migration 0004): changes whenever the organisation's register does. */
export type RegisterVersionsTable = {
  organisation_id: string;
  version: number;
};

export type Database = {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  rate_events: RateEventsTable;
  counters: CountersTable;
  breaches: BreachesTable;
  assessments: AssessmentsTable;
  notifications: NotificationsTable;
  actions: ActionsTable;
  comments: CommentsTable;
  attachments: AttachmentsTable;
  approvals: ApprovalsTable;
  deadline_events: DeadlineEventsTable;
  scans: ScansTable;
  mail_batches: MailBatchesTable;
  mail_outbox: MailOutboxTable;
  mail_user_settings: MailUserSettingsTable;
  audit_log: AuditLogTable;
  register_versions: RegisterVersionsTable;
};

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type BreachRow = Selectable<BreachesTable>;
export type NewBreachRow = Insertable<BreachesTable>;
export type AssessmentRow = Selectable<AssessmentsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ActionRow = Selectable<ActionsTable>;
export type CommentRow = Selectable<CommentsTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** Tables in an order that respects foreign keys: parents first (backup, restore, cleanup). */
export const tablesInDependencyOrder = [
  'organisations',
  'users',
  'memberships',
  'sessions',
  'rate_events',
  'counters',
  'breaches',
  'assessments',
  'notifications',
  'actions',
  'comments',
  'attachments',
  'approvals',
  'deadline_events',
  'scans',
  'mail_batches',
  'mail_outbox',
  'mail_user_settings',
  'audit_log',
] as const satisfies readonly (keyof Database)[];

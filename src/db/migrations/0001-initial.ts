import { type Kysely, sql } from 'kysely';

/**
 * The first schema. One SQL dialect (PostgreSQL) for the embedded PGlite and a real server alike. Rows of an
 * organisation carry its id, so every query can be scoped by it. No sequences: ids are UUIDs and the audit log is
 * numbered per organisation, so a backup restores without resetting counters.
 */
const statements = [
  `create table organisations (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    regon text,
    nip text,
    krs text,
    sector jsonb,
    address jsonb not null default '{}',
    representatives jsonb not null default '[]',
    dpo jsonb,
    contact_point text,
    report_token text not null unique,
    require_totp boolean not null default false,
    due_soon_hours integer not null default 24,
    critical_hours integer not null default 6,
    reminder_thresholds jsonb not null default '[48, 24, 6]',
    audit_seq integer not null default 0,
    audit_head text not null default '',
    created_at timestamptz not null default now()
  )`,
  `create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null unique,
    name text not null,
    password_hash text not null,
    totp_secret text,
    totp_enabled boolean not null default false,
    lang text not null default 'pl',
    created_at timestamptz not null default now(),
    disabled_at timestamptz
  )`,
  `create table memberships (
    user_id uuid not null references users(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    role text not null check (role in ('reporter', 'dpo', 'controller', 'auditor', 'admin')),
    created_at timestamptz not null default now(),
    primary key (user_id, organisation_id)
  )`,
  `create table sessions (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    csrf_token text not null,
    second_factor_pending boolean not null default false,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ip text,
    user_agent text
  )`,
  'create index sessions_user on sessions (user_id)',
  `create table rate_events (
    key text not null,
    at timestamptz not null default now()
  )`,
  'create index rate_events_key_at on rate_events (key, at)',
  `create table counters (
    organisation_id uuid not null references organisations(id) on delete cascade,
    name text not null,
    value integer not null,
    primary key (organisation_id, name)
  )`,
  `create table breaches (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations(id) on delete cascade,
    reference text not null,
    title text not null,
    status text not null,
    details jsonb not null default '{}',
    aware_at timestamptz,
    first_notified_at timestamptz,
    breach_types text[] not null default '{}',
    risk_level text,
    authority_decision text,
    reported_by uuid references users(id) on delete set null,
    receipt_code_hash text unique,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    closed_at timestamptz,
    unique (organisation_id, reference)
  )`,
  'create index breaches_org_created on breaches (organisation_id, created_at, id)',
  'create index breaches_org_status on breaches (organisation_id, status)',
  'create index breaches_open_aware on breaches (aware_at) where first_notified_at is null',
  `create table assessments (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    facts jsonb not null,
    engine jsonb not null,
    decision jsonb not null,
    departs_from_engine boolean not null,
    decided_by uuid references users(id) on delete set null,
    decided_by_label text not null,
    decided_at timestamptz not null
  )`,
  'create index assessments_breach on assessments (breach_id, decided_at)',
  `create table notifications (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    phase text not null,
    sent_at timestamptz not null,
    channel text not null,
    uodo_case_reference text,
    late_reason text,
    planned_completion_date date,
    note text,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  'create index notifications_breach on notifications (breach_id, sent_at)',
  `create table actions (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    kind text not null,
    description text not null,
    owner text,
    due_date date,
    status text not null,
    completed_at timestamptz,
    effectiveness text,
    effective boolean,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index actions_breach on actions (breach_id, created_at)',
  "create index actions_due on actions (due_date) where status in ('planned', 'in-progress')",
  `create table comments (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    author_id uuid references users(id) on delete set null,
    author_label text not null,
    body text not null,
    created_at timestamptz not null default now()
  )`,
  'create index comments_breach on comments (breach_id, created_at)',
  `create table attachments (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    filename text not null,
    content_type text not null,
    size integer not null,
    sha256 text not null,
    content bytea not null,
    uploaded_by uuid references users(id) on delete set null,
    uploaded_by_label text not null,
    uploaded_at timestamptz not null default now()
  )`,
  'create index attachments_breach on attachments (breach_id)',
  `create table approvals (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    subject text not null,
    note text,
    approved_by uuid references users(id) on delete set null,
    approved_by_label text not null,
    approved_at timestamptz not null default now()
  )`,
  `create table deadline_events (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations(id) on delete cascade,
    breach_id uuid references breaches(id) on delete cascade,
    action_id uuid references actions(id) on delete cascade,
    subject_id uuid not null,
    kind text not null,
    created_at timestamptz not null default now(),
    unique (subject_id, kind)
  )`,
  `create table audit_log (
    organisation_id uuid not null references organisations(id) on delete cascade,
    seq integer not null,
    at timestamptz not null,
    actor_id uuid,
    actor_label text not null,
    action text not null,
    entity text not null,
    entity_id text not null,
    before jsonb,
    after jsonb,
    prev_hash text not null,
    hash text not null,
    primary key (organisation_id, seq)
  )`,
  'create index audit_entity on audit_log (organisation_id, entity_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'audit_log',
    'deadline_events',
    'approvals',
    'attachments',
    'comments',
    'actions',
    'notifications',
    'assessments',
    'breaches',
    'counters',
    'rate_events',
    'sessions',
    'memberships',
    'users',
    'organisations',
  ];
  for (const table of tables) await sql.raw(`drop table if exists ${table}`).execute(db);
}

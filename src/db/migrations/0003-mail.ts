import { type Kysely, sql } from 'kysely';

/**
 * E-mail (issue 7). `mail_outbox` holds one row per message: its `dedupe_key` (kind, subject, recipient) is unique,
 * so a trigger, a sweep or a second app instance that tries to queue the same message again inserts nothing. The
 * content is rendered when queued and kept, so the row is also the record of what was sent. `mail_batches` are the
 * communications to data subjects (art. 34 RODO) started from a people list; `mail_user_settings` holds a user's
 * daily-digest choice and the hash of their calendar feed's secret token.
 */
const statements = [
  `create table mail_batches (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations(id) on delete cascade,
    breach_id uuid not null references breaches(id) on delete cascade,
    source text not null,
    lang text not null,
    total integer not null,
    skipped jsonb not null default '[]',
    status text not null check (status in ('running', 'done')),
    started_by uuid references users(id) on delete set null,
    started_by_label text not null,
    started_at timestamptz not null,
    finished_at timestamptz
  )`,
  'create index mail_batches_breach on mail_batches (breach_id, started_at)',
  `create table mail_outbox (
    id uuid primary key default gen_random_uuid(),
    dedupe_key text not null unique,
    kind text not null,
    organisation_id uuid references organisations(id) on delete cascade,
    breach_id uuid references breaches(id) on delete cascade,
    batch_id uuid references mail_batches(id) on delete cascade,
    user_id uuid references users(id) on delete cascade,
    recipient text not null,
    recipient_name text not null default '',
    lang text not null,
    subject text not null,
    text_body text not null,
    html_body text not null,
    message_id text not null,
    status text not null check (status in ('queued', 'sending', 'sent', 'failed', 'skipped')),
    attempts integer not null default 0,
    last_error text,
    next_attempt_at timestamptz,
    claimed_at timestamptz,
    sent_at timestamptz,
    created_at timestamptz not null
  )`,
  'create index mail_outbox_due on mail_outbox (status, next_attempt_at)',
  'create index mail_outbox_batch on mail_outbox (batch_id, status)',
  `create table mail_user_settings (
    user_id uuid primary key references users(id) on delete cascade,
    daily_digest boolean not null default false,
    calendar_token_hash text unique,
    updated_at timestamptz not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['mail_user_settings', 'mail_outbox', 'mail_batches']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}

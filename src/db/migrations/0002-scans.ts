import { type Kysely, sql } from 'kysely';

/** Leak analyses run for a breach: progress, the contract's result, and the people found (for the letters). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table scans (
    id uuid primary key default gen_random_uuid(),
    breach_id uuid not null references breaches(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    status text not null check (status in ('running', 'done', 'failed', 'applied')),
    source text not null,
    bytes_done bigint not null default 0,
    bytes_total bigint not null default 0,
    result jsonb,
    people bytea,
    error text,
    started_by uuid references users(id) on delete set null,
    started_by_label text not null,
    started_at timestamptz not null,
    updated_at timestamptz not null,
    finished_at timestamptz
  )`.execute(db);
  await sql`create index scans_breach on scans (breach_id, started_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists scans`.execute(db);
}

import { type Kysely, sql } from 'kysely';

/** A leak analysis a DPO stopped ends as `cancelled`, told apart from one that failed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table scans drop constraint scans_status_check`.execute(db);
  await sql`alter table scans add constraint scans_status_check
    check (status in ('running', 'done', 'failed', 'applied', 'cancelled'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update scans set status = 'failed' where status = 'cancelled'`.execute(db);
  await sql`alter table scans drop constraint scans_status_check`.execute(db);
  await sql`alter table scans add constraint scans_status_check
    check (status in ('running', 'done', 'failed', 'applied'))`.execute(db);
}

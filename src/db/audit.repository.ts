/**
 * The audit trail (accountability, art. 5(2) and 33(5) RODO): every change writes an entry in the same transaction
 * as the change. Entries are numbered per organisation and hash-chained: each hash covers the previous hash and
 * the entry, so editing or deleting an entry behind the application's back breaks the chain. The organisation row
 * keeps the head of the chain, so removing the newest entries shows too.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import type { AuditRow, Database } from './schema.ts';

export const genesisHash = '0'.repeat(64);

export type AuditEntryInput = {
  organisationId: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
};

function entryHash(prevHash: string, entry: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    organisationId: entry.organisation_id,
    seq: entry.seq,
    at: new Date(entry.at).toISOString(),
    actorId: entry.actor_id,
    actorLabel: entry.actor_label,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entity_id,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry; call inside the transaction of the change it records. */
export async function appendAudit(trx: Kysely<Database>, input: AuditEntryInput): Promise<AuditRow> {
  // Serialises writers of one organisation's chain, across app instances.
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${input.organisationId}`}))`.execute(trx);
  const head = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('organisation_id', '=', input.organisationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = head?.hash ?? genesisHash;
  const normalise = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));
  const entry = {
    organisation_id: input.organisationId,
    seq: (head?.seq ?? 0) + 1,
    at: input.at,
    actor_id: input.actorId,
    actor_label: input.actorLabel,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    before: normalise(input.before),
    after: normalise(input.after),
  };
  const hash = entryHash(prevHash, entry);
  const row = await trx
    .insertInto('audit_log')
    .values({
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      prev_hash: prevHash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('organisations')
    .set({ audit_seq: entry.seq, audit_head: hash })
    .where('id', '=', input.organisationId)
    .execute();
  return row;
}

export async function listAuditForEntity(
  db: Kysely<Database>,
  organisationId: string,
  entityId: string,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

export type AuditProblem = {
  organisationId: string;
  seq: number;
  problem: 'hash-mismatch' | 'broken-link' | 'missing-entries' | 'head-mismatch';
};

export type AuditVerification = { organisations: number; entries: number; problems: AuditProblem[] };

/** Recomputes every chain; reports edited entries, deleted entries (gaps, broken links, a shortened tail). */
export async function verifyAuditChains(
  db: Kysely<Database>,
  organisationId?: string,
): Promise<AuditVerification> {
  let orgQuery = db.selectFrom('organisations').select(['id', 'audit_seq', 'audit_head']).orderBy('id');
  if (organisationId) orgQuery = orgQuery.where('id', '=', organisationId);
  const organisations = await orgQuery.execute();
  const problems: AuditProblem[] = [];
  let entries = 0;
  const pageSize = 5000;
  for (const organisation of organisations) {
    let prevHash = genesisHash;
    let expectedSeq = 1;
    let lastSeq = 0;
    for (let afterSeq = 0; ; ) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('organisation_id', '=', organisation.id)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const row of page) {
        entries++;
        if (row.seq !== expectedSeq)
          problems.push({ organisationId: organisation.id, seq: expectedSeq, problem: 'missing-entries' });
        if (row.prev_hash !== prevHash)
          problems.push({ organisationId: organisation.id, seq: row.seq, problem: 'broken-link' });
        if (entryHash(row.prev_hash, row) !== row.hash) {
          problems.push({ organisationId: organisation.id, seq: row.seq, problem: 'hash-mismatch' });
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        lastSeq = row.seq;
      }
      if (page.length < pageSize) break;
      afterSeq = page.at(-1)!.seq;
    }
    if (lastSeq !== organisation.audit_seq || (lastSeq > 0 && prevHash !== organisation.audit_head)) {
      problems.push({
        organisationId: organisation.id,
        seq: organisation.audit_seq,
        problem: 'head-mismatch',
      });
    }
  }
  return { organisations: organisations.length, entries, problems };
}

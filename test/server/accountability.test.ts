import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/db/audit.repository.ts';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';
import { freshDatabase } from '../support/test-database.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function withHistory() {
  const story = await buildConfirmedBreach(h);
  await story.client.request('POST', `${story.url}/comments`, { body: 'Rozmowa z pracownikiem' });
  await story.client.request('POST', `${story.url}/attachments`, Buffer.from([0, 1, 2, 250, 251, 252]), {
    'content-type': 'application/octet-stream',
    'x-filename': encodeURIComponent('zrzut ekranu.png'),
  });
  await story.client.request('POST', `${story.url}/assessments`, {
    facts: {
      breachTypes: ['confidentiality'],
      dataCategories: ['identification', 'financial'],
      subjectsApprox: 40,
      vulnerableSubjects: false,
      malicious: false,
    },
    comment: 'Ocena',
  });
  return story;
}

describe('the audit trail is hash-chained (incydent audit verify)', () => {
  it('every change writes an entry in the same transaction; the chain verifies', async () => {
    const story = await withHistory();
    const result = await verifyAuditChains(h.database.db);
    expect(result.problems).toEqual([]);
    const history = await story.client.request<{ items: { action: string }[] }>(
      'GET',
      `${story.url}/history`,
    );
    expect(history.body.items.map((e) => e.action)).toEqual([
      'incident.reported',
      'breach.transition',
      'comment.added',
      'attachment.added',
      'breach.transition',
      'assessment.recorded',
    ]);
  });

  it('a failed change leaves neither the change nor an audit entry', async () => {
    const story = await withHistory();
    const before = await verifyAuditChains(h.database.db);
    const refused = await story.client.request('POST', `${story.url}/notifications`, {
      phase: 'supplementary',
      sentAt: h.clock.now().toISOString(),
      channel: 'epuap',
      comment: 'bez wcześniejszego zgłoszenia',
    });
    expect(refused.status).toBe(409);
    const after = await verifyAuditChains(h.database.db);
    expect(after.entries).toBe(before.entries);
  });

  it('an entry edited behind the application’s back is reported', async () => {
    await withHistory();
    await sql`update audit_log set actor_label = 'ktoś inny' where seq = 3`.execute(h.database.db);
    const result = await verifyAuditChains(h.database.db);
    expect(result.problems).toEqual([expect.objectContaining({ seq: 3, problem: 'hash-mismatch' })]);
  });

  it('an entry deleted from the middle is reported', async () => {
    await withHistory();
    await sql`delete from audit_log where seq = 2`.execute(h.database.db);
    const problems = (await verifyAuditChains(h.database.db)).problems.map((p) => p.problem);
    expect(problems).toEqual(expect.arrayContaining(['missing-entries', 'broken-link']));
  });

  it('the newest entries deleted are reported too (the head of the chain is kept with the organisation)', async () => {
    await withHistory();
    await sql`delete from audit_log where seq = (select max(seq) from audit_log)`.execute(h.database.db);
    expect((await verifyAuditChains(h.database.db)).problems).toEqual([
      expect.objectContaining({ problem: 'head-mismatch' }),
    ]);
  });

  it('the API reports the result to auditors', async () => {
    const story = await withHistory();
    const response = await story.client.request<{ problems: unknown[]; entries: number }>(
      'GET',
      `/api/orgs/${story.organisationId}/audit/verify`,
    );
    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([]);
  });
});

async function backupLines(file: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file).pipe(createGunzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim().split('\n').slice(1);
}

describe('backup and restore', () => {
  it('a round trip gives identical data, attachments byte for byte, and a chain that still verifies', async () => {
    const story = await withHistory();
    const dir = await mkdtemp(join(tmpdir(), 'incydent-backup-'));
    try {
      const first = join(dir, 'first.jsonl.gz');
      const summary = await backupDatabase(h.database.db, first, h.clock.now());
      expect(summary.tables.breaches).toBe(1);
      expect(summary.tables.audit_log).toBe(6);

      const target = await freshDatabase();
      try {
        await restoreDatabase(target.db, first, { replace: false });
        const second = join(dir, 'second.jsonl.gz');
        await backupDatabase(target.db, second, h.clock.now());
        expect(await backupLines(second)).toEqual(await backupLines(first));
        expect((await verifyAuditChains(target.db)).problems).toEqual([]);
        const attachment = await target.db
          .selectFrom('attachments')
          .select(['content', 'sha256'])
          .executeTakeFirstOrThrow();
        expect([...Buffer.from(attachment.content)]).toEqual([0, 1, 2, 250, 251, 252]);
        await expect(restoreDatabase(target.db, first, { replace: false })).rejects.toThrow(/nie jest pusta/);
        await restoreDatabase(target.db, first, { replace: true });
        expect(await target.db.selectFrom('breaches').select('id').execute()).toEqual([
          { id: story.breachId },
        ]);
      } finally {
        await target.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

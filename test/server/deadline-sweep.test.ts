import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { runDeadlineSweep } from '../../src/server/deadline-sweep.ts';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { buildConfirmedBreach } from '../support/breach-factory.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-20T09:00:00Z' });
});
afterEach(async () => {
  await h.close();
});

const sweep = () => runDeadlineSweep({ db: h.database.db, config: h.config, now: h.clock.now });
const events = async () =>
  (
    await h.database.db
      .selectFrom('deadline_events')
      .select(['kind', 'subject_id'])
      .orderBy('created_at')
      .execute()
  ).map((e) => e.kind);

describe('the deadline sweep (72 hours, art. 33(1)) is idempotent', () => {
  it('marks due soon, critical and overdue once each, as the clock passes them', async () => {
    await buildConfirmedBreach(h, { awareAt: '2026-11-20T09:00:00Z' });
    expect((await sweep()).events).toEqual([]);
    h.clock.set('2026-11-22T10:00:00Z'); // 23 h left
    expect((await sweep()).events.map((e) => e.kind)).toEqual(['supervisory-due-soon']);
    expect((await sweep()).events).toEqual([]);
    h.clock.set('2026-11-23T04:00:00Z'); // 5 h left
    expect((await sweep()).events.map((e) => e.kind)).toEqual(['supervisory-critical']);
    h.clock.set('2026-11-23T10:00:00Z'); // 1 h late
    await sweep();
    await sweep();
    expect(await events()).toEqual(['supervisory-due-soon', 'supervisory-critical', 'supervisory-overdue']);
  });

  it('a breach notified in time raises nothing; an action past due is marked once', async () => {
    const story = await buildConfirmedBreach(h, { awareAt: '2026-11-20T09:00:00Z' });
    h.clock.set('2026-11-20T16:00:00Z');
    await story.client.request('POST', `${story.url}/assessments`, {
      facts: {
        breachTypes: ['confidentiality'],
        dataCategories: ['national-id'],
        subjectsApprox: 3,
        vulnerableSubjects: false,
        malicious: false,
      },
      comment: 'ocena',
    });
    const notified = await story.client.request('POST', `${story.url}/notifications`, {
      phase: 'complete',
      sentAt: '2026-11-20T15:00:00Z',
      channel: 'biznes-gov-pl',
      comment: 'zgłoszone',
    });
    expect(notified.status).toBe(201);
    await story.client.request('POST', `${story.url}/actions`, {
      kind: 'corrective',
      description: 'Szkolenie',
      dueDate: '2026-11-25',
    });
    h.clock.set('2026-11-26T10:00:00Z');
    await sweep();
    await sweep();
    expect(await events()).toEqual(['action-overdue']);
  });

  it('two sweeps at once (two app instances) record each event once', async () => {
    h.clock.set('2026-11-20T10:00:00Z');
    await buildConfirmedBreach(h, { awareAt: '2026-11-20T09:00:00Z' });
    await buildConfirmedBreach(h, { awareAt: '2026-11-20T09:30:00Z' });
    h.clock.set('2026-11-24T10:00:00Z');
    // On PostgreSQL a second connection pool to the same database stands for a second app instance.
    const second = h.database.url ? await openDatabase({ databaseUrl: h.database.url, poolSize: 2 }) : null;
    try {
      const other = { db: (second ?? h.database).db, config: h.config, now: h.clock.now };
      const results = await Promise.all([sweep(), runDeadlineSweep(other), sweep(), runDeadlineSweep(other)]);
      expect(results.some((r) => r.ran)).toBe(true);
    } finally {
      await second?.close();
    }
    const kinds = await events();
    expect(kinds.filter((k) => k === 'supervisory-overdue')).toHaveLength(2);
    expect(kinds).toHaveLength(6);
  });
});

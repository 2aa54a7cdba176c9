import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  applyWorkflow,
  type BreachStatus,
  breachStatuses,
  type WorkflowEvent,
  workflowEvents,
} from '../../src/domain/breach-workflow.ts';
import { DomainError } from '../../src/domain/errors.ts';

const comment = 'Uzasadnienie zmiany statusu';
const awareAt = new Date('2026-11-20T11:00:00Z');

function walk(events: WorkflowEvent[]): BreachStatus {
  let status: BreachStatus = 'reported';
  for (const event of events) status = applyWorkflow(status, { event, comment, awareAt }).status;
  return status;
}

describe('the workflow (DOMAIN.md, seed 003)', () => {
  it('takes a breach from report to closed register entry', () => {
    expect(
      walk([
        'start-triage',
        'confirm-breach',
        'assess',
        'notify-authority',
        'communicate-subjects',
        'start-remediation',
        'close',
      ]),
    ).toBe('closed');
  });

  it('closes an incident that is not a breach, with its reason', () => {
    expect(walk(['start-triage', 'dismiss'])).toBe('not-a-breach');
  });

  it('confirming the breach sets awareAt: the clock starts', () => {
    expect(applyWorkflow('triage', { event: 'confirm-breach', comment, awareAt })).toEqual({
      status: 'breach-confirmed',
      awareAt,
    });
  });

  it('confirming without awareAt is refused', () => {
    expect(() => applyWorkflow('triage', { event: 'confirm-breach', comment })).toThrowError(
      expect.objectContaining({ code: 'workflow.aware-at-required' }),
    );
  });

  it('every transition needs a comment', () => {
    for (const blank of ['', '   ']) {
      expect(() => applyWorkflow('reported', { event: 'start-triage', comment: blank })).toThrowError(
        expect.objectContaining({ code: 'workflow.comment-required' }),
      );
    }
  });

  it('an illegal transition is a typed error naming the action and the status, in both languages', () => {
    try {
      applyWorkflow('reported', { event: 'close', comment });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      expect(domainError.code).toBe('workflow.illegal-transition');
      expect(domainError.status).toBe(409);
      expect(domainError.messageIn('pl')).toBe('Nie można wykonać czynności „Zamknij” w stanie „Zgłoszony”.');
      expect(domainError.messageIn('en')).toBe('Action "Close" is not allowed in status "Reported".');
    }
  });

  it('allowedEvents and applyWorkflow agree for every status and event', () => {
    for (const status of breachStatuses) {
      for (const event of workflowEvents) {
        const allowed = allowedEvents(status).includes(event);
        const run = () => applyWorkflow(status, { event, comment, awareAt });
        if (allowed) expect(run).not.toThrow();
        else expect(run).toThrowError(expect.objectContaining({ code: 'workflow.illegal-transition' }));
      }
    }
  });

  it('a supplementary notification or a new assessment later on keeps the later status', () => {
    expect(applyWorkflow('remediation', { event: 'notify-authority', comment }).status).toBe('remediation');
    expect(applyWorkflow('subjects-communicated', { event: 'assess', comment }).status).toBe(
      'subjects-communicated',
    );
    expect(applyWorkflow('authority-notified', { event: 'notify-authority', comment }).status).toBe(
      'authority-notified',
    );
  });

  it('deciding to notify after all moves "not required" to "notified"', () => {
    expect(applyWorkflow('authority-not-required', { event: 'notify-authority', comment }).status).toBe(
      'authority-notified',
    );
  });

  it('the data subjects are decided only after UODO is', () => {
    expect(allowedEvents('assessed')).not.toContain('communicate-subjects');
    expect(allowedEvents('authority-not-required')).toContain('subjects-not-required');
  });

  it('closed and not-a-breach can be reopened, and nothing else happens to them', () => {
    expect(allowedEvents('closed')).toEqual(['reopen']);
    expect(allowedEvents('not-a-breach')).toEqual(['reopen']);
  });
});

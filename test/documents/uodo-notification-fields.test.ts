import { describe, expect, it } from 'vitest';
import type { BreachCase } from '../../src/domain/breach-case.ts';
import { uodoNotificationFields } from '../../src/domain/documents/uodo-notification-fields.ts';
import { isDomainError } from '../../src/domain/errors.ts';
import { documentDate, loadCase } from './cases.ts';

const insurance = loadCase('insurance-misdirected-email');
const mopr = loadCase('mopr-bialystok-2019');
const fieldValue = (entries: { field: string; value: string }[], field: string) =>
  entries.find((e) => e.field === field)?.value;

describe('UODO notification content (art. 33 RODO; UODO form sections 1–11)', () => {
  it('follows the form: sections 1 to 11 in order, then seed 003 Załącznik 3 additions', () => {
    const sections = [
      ...new Set(
        uodoNotificationFields(mopr, { phase: 'complete', lang: 'pl', generatedAt: documentDate }).map(
          (e) => e.section,
        ),
      ),
    ];
    expect(sections).toEqual([
      '1',
      '2A',
      '2B',
      '2C',
      '2D',
      '2E',
      '2F',
      '3A',
      '3B',
      '4A',
      '4B',
      '4D',
      '4E',
      '4F',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      'Z3',
    ]);
  });

  it('supplementary (art. 33(4)): the previous notification date and UODO case reference', () => {
    const entries = uodoNotificationFields(insurance, {
      phase: 'supplementary',
      lang: 'pl',
      generatedAt: documentDate,
    });
    expect(fieldValue(entries, 'notificationType')).toBe('Zgłoszenie uzupełniające/zmieniające');
    expect(fieldValue(entries, 'previousNotificationDate')).toBe('07.03.2024 16:00');
    expect(fieldValue(entries, 'uodoCaseReference')).toBe('DKN.5131.1234.2024');
  });

  it('initial: the approximate date of completion', () => {
    const entries = uodoNotificationFields(insurance, {
      phase: 'initial',
      lang: 'pl',
      generatedAt: documentDate,
    });
    expect(fieldValue(entries, 'plannedCompletionDate')).toBe('14.03.2024');
  });

  it('late (art. 33(1)): a first notification after 72 hours carries the reasons for the delay', () => {
    const entries = uodoNotificationFields(insurance, {
      phase: 'initial',
      lang: 'pl',
      generatedAt: documentDate,
    });
    expect(fieldValue(entries, 'lateReason')).toContain('4 godziny po upływie 72 godzin');
    const withoutReason: BreachCase = {
      ...insurance,
      notifications: insurance.notifications.map((n) => ({ ...n, lateReason: null })),
    };
    expect(() =>
      uodoNotificationFields(withoutReason, { phase: 'initial', lang: 'pl', generatedAt: documentDate }),
    ).toThrow(expect.objectContaining({ code: 'notification.late-reason-required' }));
  });

  it('on time: says so, with the deadline', () => {
    const entries = uodoNotificationFields(mopr, {
      phase: 'complete',
      lang: 'pl',
      generatedAt: documentDate,
    });
    expect(fieldValue(entries, 'lateReason')).toBe(
      'nie dotyczy — zgłoszenie w ciągu 72 godzin od stwierdzenia naruszenia (termin: 12.10.2019 12:00)',
    );
  });

  it('a supplementary notification needs an earlier one and UODO’s case reference', () => {
    const none: BreachCase = { ...mopr, notifications: [] };
    const noReference = () =>
      uodoNotificationFields(mopr, {
        phase: 'supplementary',
        lang: 'pl',
        generatedAt: new Date('2019-10-20T10:00:00Z'),
      });
    const first = () =>
      uodoNotificationFields(none, { phase: 'supplementary', lang: 'pl', generatedAt: documentDate });
    for (const [run, code] of [
      [first, 'notification.phase-order'],
      [noReference, 'notification.case-reference-required'],
    ] as const) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(isDomainError(error, code)).toBe(true);
      }
    }
  });

  it('in English, the same fields with English labels', () => {
    const entries = uodoNotificationFields(mopr, {
      phase: 'complete',
      lang: 'en',
      generatedAt: documentDate,
    });
    expect(entries.find((e) => e.field === 'awareAt')).toMatchObject({
      label: 'Date of becoming aware',
      value: '09/10/2019 12:00',
    });
  });
});

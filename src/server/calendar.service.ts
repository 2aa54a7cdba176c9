/**
 * The calendar feed of a user: every 72-hour deadline (art. 33(1) RODO) still running and every open action's due
 * date in the organisations where the user reads breaches, as iCalendar at a secret URL. The token is shown once
 * and stored only as its SHA-256, like a password; making a new one retires the old URL.
 */
import { createHash, randomBytes } from 'node:crypto';
import { calendarEntries, saveMailSettings, userByCalendarToken } from '../db/mail.repository.ts';
import { membershipsOf } from '../db/user.repository.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import { supervisoryDeadlineAt } from '../domain/notification-deadline.ts';
import { can } from '../domain/permissions.ts';
import { formatWarsawDateTime } from '../domain/warsaw-time.ts';
import { type IcsEvent, writeIcs } from './calendar-ics.ts';
import { breachLink, langOfUser, publicBaseUrl } from './mail-queue.ts';
import type { ServiceContext } from './service-context.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const calendarUrl = (ctx: ServiceContext, token: string) =>
  `${publicBaseUrl(ctx.config)}/api/calendar/${token}.ics`;

/** A new secret token for the user's feed; the previous URL stops working. */
export async function createCalendarToken(ctx: ServiceContext, userId: string) {
  const token = randomBytes(24).toString('base64url');
  await saveMailSettings(ctx.db, userId, { calendar_token_hash: hashToken(token) }, ctx.now());
  return { url: calendarUrl(ctx, token) };
}

export async function removeCalendarToken(ctx: ServiceContext, userId: string) {
  await saveMailSettings(ctx.db, userId, { calendar_token_hash: null }, ctx.now());
}

const texts = {
  name: { pl: 'incydent – terminy', en: 'incydent – deadlines' },
  deadline: { pl: 'Termin zgłoszenia do UODO: {reference}', en: 'Notify UODO: {reference}' },
  deadlineDescription: {
    pl: '{organisation}: {title}. 72 godziny od stwierdzenia naruszenia ({awareAt}), art. 33 ust. 1 RODO.',
    en: '{organisation}: {title}. 72 hours since becoming aware ({awareAt}), GDPR art. 33(1).',
  },
  action: { pl: 'Działanie: {reference} – {description}', en: 'Action: {reference} – {description}' },
  actionDescription: { pl: '{organisation}: {description}', en: '{organisation}: {description}' },
} as const;

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

/** The feed for a token; an unknown or retired token is "not found". */
export async function calendarFeed(ctx: ServiceContext, token: string): Promise<string> {
  const user = await userByCalendarToken(ctx.db, hashToken(token));
  if (!user || user.disabled_at) throw new DomainError('not-found');
  const lang: Lang = langOfUser(user.lang);
  const organisationIds = (await membershipsOf(ctx.db, user.id))
    .filter((m) => can(m.role, 'breach.read'))
    .map((m) => m.organisationId);
  const { deadlines, actions } = await calendarEntries(ctx.db, organisationIds);
  const events: IcsEvent[] = [];
  for (const breach of deadlines) {
    // A deadline that no longer binds (notified, decided not to notify, not a breach) leaves the calendar.
    if (breach.first_notified_at || breach.authority_decision || breach.status === 'not-a-breach') continue;
    const awareAt = new Date(breach.aware_at!);
    events.push({
      uid: `deadline-${breach.id}@incydent`,
      summary: fill(texts.deadline[lang], { reference: breach.reference }),
      description: fill(texts.deadlineDescription[lang], {
        organisation: breach.organisation_name,
        title: breach.title,
        awareAt: formatWarsawDateTime(awareAt, lang),
      }),
      url: breachLink(ctx.config, breach.organisation_id, breach.id),
      at: { instant: supervisoryDeadlineAt(awareAt) },
    });
  }
  for (const action of actions) {
    if (action.status !== 'planned' && action.status !== 'in-progress') continue;
    events.push({
      uid: `action-${action.id}@incydent`,
      summary: fill(texts.action[lang], {
        reference: action.reference,
        description: action.description.slice(0, 80),
      }),
      description: fill(texts.actionDescription[lang], {
        organisation: action.organisation_name,
        description: action.description,
      }),
      url: breachLink(ctx.config, action.organisation_id, action.breach_id),
      at: { day: action.due_date! },
    });
  }
  return writeIcs({ name: texts.name[lang], events, stamp: ctx.now() });
}

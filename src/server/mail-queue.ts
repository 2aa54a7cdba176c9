/**
 * Queues e-mails in the outbox, in the caller's transaction: a new report and a confirmed breach queue their
 * messages together with the change, so a rolled-back change sends nothing and a committed one is never missed.
 * Nothing is sent here; the sender loop (mail-sender.ts) does. Each message has a dedupe key (kind, subject,
 * recipient), so queueing the same thing twice, from a retry or a second instance, queues it once.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  breachForMail,
  enqueueMail,
  existingMailKeys,
  membersWithRoles,
  type NewOutboxRow,
} from '../db/mail.repository.ts';
import type { Database } from '../db/schema.ts';
import { isLang, type Lang } from '../domain/language.ts';
import {
  type BreachMailFacts,
  breachConfirmedMail,
  type MailContent,
  type MailKind,
  mailAudiences,
  newReportMail,
} from '../domain/mail-messages.ts';
import { supervisoryDeadlineAt } from '../domain/notification-deadline.ts';
import type { Role } from '../domain/permissions.ts';
import type { AppConfig } from './config.ts';
import type { ServiceContext } from './service-context.ts';

type Db = Kysely<Database>;

/** Where links in e-mails point: PUBLIC_URL, or this server on localhost when it is not set. */
export function publicBaseUrl(config: AppConfig): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}

export const breachLink = (config: AppConfig, organisationId: string, breachId: string) =>
  `${publicBaseUrl(config)}/orgs/${organisationId}/breaches/${breachId}`;

/** `<uuid@domain-of-the-sender>`: stored with the row, so every attempt of one message carries the same id. */
export function newMessageId(config: AppConfig): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.smtp?.from ?? '')?.[1] ?? 'incydent.invalid';
  return `<${randomUUID()}@${domain}>`;
}

export const langOfUser = (lang: string): Lang => (isLang(lang) ? lang : 'pl');

/** One message to one person, ready to insert (queued now unless `status` says otherwise). */
export function outboxRow(
  ctx: ServiceContext,
  input: {
    key: string;
    kind: MailKind;
    to: { email: string; name?: string; userId?: string | null; lang: Lang };
    content: MailContent;
    organisationId?: string | null;
    breachId?: string | null;
    batchId?: string | null;
    status?: 'queued' | 'skipped';
  },
): NewOutboxRow {
  const now = ctx.now();
  return {
    dedupe_key: input.key,
    kind: input.kind,
    organisation_id: input.organisationId ?? null,
    breach_id: input.breachId ?? null,
    batch_id: input.batchId ?? null,
    user_id: input.to.userId ?? null,
    recipient: input.to.email,
    recipient_name: input.to.name ?? '',
    lang: input.to.lang,
    subject: input.content.subject,
    text_body: input.content.text,
    html_body: input.content.html,
    message_id: newMessageId(ctx.config),
    status: input.status ?? 'queued',
    next_attempt_at: (input.status ?? 'queued') === 'queued' ? now : null,
    created_at: now,
  };
}

/**
 * Queues one message per member with one of the roles; the content is rendered in each member's language. Keys
 * already in the outbox are skipped before rendering. Returns how many were queued.
 */
export async function queueForMembers(
  db: Db,
  ctx: ServiceContext,
  input: {
    kind: MailKind;
    /** The part of the dedupe key before the user id, e.g. `breach-confirmed:<breach id>`. */
    keyPrefix: string;
    organisationId: string;
    breachId: string | null;
    roles: readonly Role[];
    render: (lang: Lang) => MailContent;
    status?: 'queued' | 'skipped';
  },
): Promise<number> {
  if (!ctx.config.smtp) return 0;
  const members = await membersWithRoles(db, input.organisationId, input.roles);
  const keyOf = (userId: string) => `${input.keyPrefix}:${userId}`;
  const existing = await existingMailKeys(
    db,
    members.map((m) => keyOf(m.id)),
  );
  const rendered = new Map<Lang, MailContent>();
  const rows = members
    .filter((m) => !existing.has(keyOf(m.id)))
    .map((member) => {
      const lang = langOfUser(member.lang);
      const content = rendered.get(lang) ?? input.render(lang);
      rendered.set(lang, content);
      return outboxRow(ctx, {
        key: keyOf(member.id),
        kind: input.kind,
        to: { email: member.email, name: member.name, userId: member.id, lang },
        content,
        organisationId: input.organisationId,
        breachId: input.breachId,
        ...(input.status ? { status: input.status } : {}),
      });
    });
  return (await enqueueMail(db, rows)).length;
}

async function breachFacts(db: Db, ctx: ServiceContext, breachId: string) {
  const breach = await breachForMail(db, breachId);
  if (!breach) return null;
  const facts = (lang: Lang): BreachMailFacts => ({
    lang,
    organisationName: breach.organisation_name,
    reference: breach.reference,
    title: breach.title,
    link: breachLink(ctx.config, breach.organisation_id, breach.id),
  });
  return { breach, facts };
}

/** A new report (staff or public link): every IOD of the organisation hears of it. */
export async function queueNewReportMail(db: Db, ctx: ServiceContext, breachId: string): Promise<number> {
  if (!ctx.config.smtp) return 0;
  const found = await breachFacts(db, ctx, breachId);
  if (!found) return 0;
  const { breach, facts } = found;
  const report = ((breach.details as Record<string, unknown>).report ?? {}) as { channel?: string };
  return queueForMembers(db, ctx, {
    kind: 'new-report',
    keyPrefix: `new-report:${breach.id}`,
    organisationId: breach.organisation_id,
    breachId: breach.id,
    roles: mailAudiences['new-report'],
    render: (lang) =>
      newReportMail({
        ...facts(lang),
        reportedAt: new Date(breach.created_at),
        channel: report.channel === 'public-link' ? 'public-link' : 'staff',
      }),
  });
}

/** A breach confirmed: the IOD and the controllers learn that the 72-hour clock runs, and until when. */
export async function queueBreachConfirmedMail(
  db: Db,
  ctx: ServiceContext,
  breachId: string,
): Promise<number> {
  if (!ctx.config.smtp) return 0;
  const found = await breachFacts(db, ctx, breachId);
  if (!found?.breach.aware_at) return 0;
  const { breach, facts } = found;
  const awareAt = new Date(found.breach.aware_at);
  return queueForMembers(db, ctx, {
    kind: 'breach-confirmed',
    keyPrefix: `breach-confirmed:${breach.id}`,
    organisationId: breach.organisation_id,
    breachId: breach.id,
    roles: mailAudiences['breach-confirmed'],
    render: (lang) =>
      breachConfirmedMail({ ...facts(lang), awareAt, deadlineAt: supervisoryDeadlineAt(awareAt) }),
  });
}

/**
 * What the settings page shows about e-mail: whether the server sends it (host, port, sender; never the password)
 * and the user's own choices (daily digest, language of messages, calendar feed).
 */
import { mailSettingsOf, saveMailSettings } from '../db/mail.repository.ts';
import { findUser, updateUser } from '../db/user.repository.ts';
import type { Lang } from '../domain/language.ts';
import { langOfUser } from './mail-queue.ts';
import type { ServiceContext } from './service-context.ts';

export async function mailSettings(ctx: ServiceContext, userId: string) {
  const smtp = ctx.config.smtp;
  const own = await mailSettingsOf(ctx.db, userId);
  const user = await findUser(ctx.db, userId);
  return {
    email: smtp
      ? {
          enabled: true as const,
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          from: smtp.from,
          authenticated: smtp.user !== null,
          ratePerMinute: ctx.config.mailRatePerMinute,
          publicUrl: ctx.config.publicUrl,
          message: {
            pl: `Powiadomienia e-mail są włączone: serwer SMTP ${smtp.host}:${smtp.port}, nadawca ${smtp.from}.`,
            en: `E-mail notifications are on: SMTP server ${smtp.host}:${smtp.port}, sender ${smtp.from}.`,
          },
        }
      : {
          enabled: false as const,
          message: {
            pl: 'Wysyłka e-mail jest wyłączona: administrator serwera nie ustawił SMTP_HOST i SMTP_FROM. Terminy i zgłoszenia widać w aplikacji i w kalendarzu, ale nikt nie dostanie o nich wiadomości.',
            en: 'E-mail is off: the server administrator has not set SMTP_HOST and SMTP_FROM. Deadlines and reports show in the app and the calendar, but nobody is e-mailed about them.',
          },
        },
    preferences: { dailyDigest: own?.daily_digest ?? false, lang: langOfUser(user?.lang ?? 'pl') },
    calendar: { enabled: Boolean(own?.calendar_token_hash) },
  };
}

export async function updateMailPreferences(
  ctx: ServiceContext,
  userId: string,
  input: { dailyDigest?: boolean | undefined; lang?: Lang | undefined },
) {
  if (input.dailyDigest !== undefined) {
    await saveMailSettings(ctx.db, userId, { daily_digest: input.dailyDigest }, ctx.now());
  }
  if (input.lang !== undefined) await updateUser(ctx.db, userId, { lang: input.lang });
  return mailSettings(ctx, userId);
}

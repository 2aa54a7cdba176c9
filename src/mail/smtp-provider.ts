import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../server/config.ts';
import { type MailProvider, MailSendError, type OutgoingMail } from './mail-provider.ts';

type SmtpFailure = Error & { responseCode?: number; code?: string; response?: string };

/** Whether nodemailer's error is worth retrying: 4xx replies and connection trouble are; 5xx replies are not. */
export function smtpFailure(error: unknown): MailSendError {
  const failure = error as SmtpFailure;
  const code = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  const detail = (failure.response ?? failure.message ?? String(error)).trim();
  const reason = code ? detail : `${failure.code ? `${failure.code}: ` : ''}${detail}`;
  return new MailSendError(reason.slice(0, 1000), code === null || code < 500);
}

/** SMTP through nodemailer: one pooled connection, UTF-8, plain text with an HTML alternative. */
export function smtpProvider(config: SmtpConfig): MailProvider {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
  });
  return {
    async send(mail: OutgoingMail) {
      try {
        await transport.sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          textEncoding: 'quoted-printable',
          headers: mail.automatic ? { 'Auto-Submitted': 'auto-generated' } : {},
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

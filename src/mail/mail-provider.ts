/**
 * Sending one e-mail, behind one interface: SMTP through nodemailer in production (smtp-provider.ts); chosen by
 * configuration (SMTP_HOST). The sender loop (server/mail-sender.ts) only knows this type.
 */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: a retry after a crash carries the same id, so mail clients can tell it is one message. */
  messageId: string;
  /** `Auto-Submitted: auto-generated` for notifications to staff (RFC 3834); not for letters to people. */
  automatic: boolean;
};

export type MailProvider = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/**
 * A failed send. `temporary` failures (SMTP 4xx, a refused or dropped connection, a timeout) are retried later;
 * permanent ones (SMTP 5xx: no such mailbox, rejected) are not.
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly temporary: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

import { type AddressInfo, createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { smtpProvider } from '../../src/mail/smtp-provider.ts';
import type { SmtpConfig } from '../../src/server/config.ts';
import { MailPacer, sendDueMail } from '../../src/server/mail-sender.ts';
import { runMailSweep } from '../../src/server/mail-sweep.ts';
import type { Harness } from '../support/app-harness.ts';

export type Received = { to: string[]; raw: Buffer; at: number; parsed(): Promise<ParsedMail> };

/**
 * A real SMTP server in the test process (smtp-server), on 127.0.0.1 and a free port. It keeps every message it
 * accepted; `failWith` makes it answer the DATA command with an SMTP error (451 = try later, 550 = rejected), for
 * all recipients or those the predicate picks; `onMessage` runs as each message is accepted.
 */
export async function startSmtpServer() {
  const received: Received[] = [];
  const state = {
    failWith: null as null | { code: number; message: string; when?: (to: string[]) => boolean },
    onMessage: null as null | ((count: number) => void),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const failure = state.failWith;
        if (failure && (!failure.when || failure.when(to))) {
          const error = new Error(failure.message) as Error & { responseCode: number };
          error.responseCode = failure.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        received.push({ to, raw, at: performance.now(), parsed: () => simpleParser(raw) });
        state.onMessage?.(received.length);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const smtp: SmtpConfig = {
    host: '127.0.0.1',
    port,
    secure: false,
    user: null,
    password: null,
    from: 'incydent – IOD <iod@szpital.example.pl>',
  };
  return {
    smtp,
    received,
    state,
    /** How many messages each address received. */
    countsByRecipient() {
      const counts = new Map<string, number>();
      for (const message of received) for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
      return counts;
    },
    async byRecipient(address: string) {
      return Promise.all(received.filter((m) => m.to.includes(address)).map((m) => m.parsed()));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtpServer>>;

/** A port nobody listens on: connecting is refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The sweep and one pass of the sender, as the server's timer does, on the harness's clock. */
export function mailDriver(h: Harness, smtp: SmtpConfig, ratePerMinute = 0) {
  const ctx = () => ({ db: h.database.db, config: h.config, now: h.clock.now });
  return {
    ctx,
    sweep: () => runMailSweep(ctx()),
    async send(
      options: { signal?: AbortSignal; releaseOnAbort?: boolean; db?: Harness['database']['db'] } = {},
    ) {
      const provider = smtpProvider(smtp);
      try {
        return await sendDueMail(
          { ...ctx(), ...(options.db ? { db: options.db } : {}) },
          {
            provider,
            pacer: new MailPacer(ratePerMinute),
            ...(options.signal ? { signal: options.signal } : {}),
            releaseOnAbort: options.releaseOnAbort ?? false,
          },
        );
      } finally {
        provider.close();
      }
    },
  };
}

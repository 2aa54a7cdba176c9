import { resolve } from 'node:path';
import { DomainError } from '../domain/errors.ts';

/**
 * Configuration from the environment; every variable is in the README's table. Defaults make
 * `npm install && npm start` work on a fresh machine with the embedded database in ./data.
 */
export type AppConfig = {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string | null;
  cookieSecure: 'auto' | boolean;
  sessionHours: number;
  maxAttachmentBytes: number;
  sweepIntervalSeconds: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  publicReportsPerHour: number;
  logLevel: string;
  /** A folder on the server under which DPOs may have folders scanned (a mounted carrier); null turns it off. */
  scanRoot: string | null;
  /** Days the people list of a scan is kept (for letters and e-mails) before it is erased. */
  scanPeopleRetentionDays: number;
  /** Outgoing e-mail (SMTP_*); null when SMTP_HOST is not set: the app works and says that e-mail is off. */
  smtp: SmtpConfig | null;
  /** Messages per minute the sender passes to SMTP (each app instance); 0 = no limit. */
  mailRatePerMinute: number;
  /** Register rows each app instance keeps of pages it has read (see RegisterPageCache); 0 keeps none. */
  registerCacheRows: number;
};

export type SmtpConfig = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
};

/** A setting of the environment that cannot be used; its message names the variable, in Polish and English. */
export class ConfigError extends Error {}

function smtpConfig(env: NodeJS.ProcessEnv): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  const secure = env.SMTP_SECURE === 'true' || env.SMTP_SECURE === '1';
  if (!env.SMTP_FROM) {
    throw new ConfigError(
      'Ustawiono SMTP_HOST bez SMTP_FROM: podaj adres nadawcy, np. "incydent <iod@example.pl>" / SMTP_FROM is required with SMTP_HOST',
    );
  }
  return {
    host: env.SMTP_HOST,
    port: port(env, 'SMTP_PORT', secure ? 465 : 587),
    secure,
    user: env.SMTP_USER || null,
    password: env.SMTP_PASSWORD || null,
    from: env.SMTP_FROM,
  };
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigError(
      `Zmienna środowiskowa ${name} musi być nieujemną liczbą (podano: ${raw}) / ${name} must be a non-negative number`,
    );
  }
  return value;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = number(env, name, fallback);
  if (!Number.isInteger(value) || value > 65535) {
    throw new ConfigError(
      `Zmienna środowiskowa ${name} musi być numerem portu 0–65535 (podano: ${env[name]}) / ${name} must be a port number 0–65535`,
    );
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const secure = env.COOKIE_SECURE ?? 'auto';
  return {
    port: port(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.DATA_DIR || './data'),
    publicUrl: env.PUBLIC_URL || null,
    cookieSecure: secure === 'auto' ? 'auto' : secure === 'true' || secure === '1',
    sessionHours: number(env, 'SESSION_HOURS', 12),
    maxAttachmentBytes: number(env, 'MAX_ATTACHMENT_MB', 25) * 1024 * 1024,
    sweepIntervalSeconds: number(env, 'SWEEP_INTERVAL_SECONDS', 60),
    loginMaxFailuresPerAccount: number(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5),
    loginMaxFailuresPerAddress: number(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 20),
    loginWindowMinutes: number(env, 'LOGIN_WINDOW_MINUTES', 15),
    publicReportsPerHour: number(env, 'PUBLIC_REPORTS_PER_HOUR', 10),
    logLevel: env.LOG_LEVEL ?? 'warn',
    scanRoot: env.SCAN_ROOT ? resolve(env.SCAN_ROOT) : null,
    scanPeopleRetentionDays: number(env, 'SCAN_PEOPLE_RETENTION_DAYS', 30),
    smtp: smtpConfig(env),
    mailRatePerMinute: number(env, 'MAIL_RATE_PER_MINUTE', 60),
    registerCacheRows: number(env, 'REGISTER_CACHE_ROWS', 10_000),
  };
}

/** The error for a file (or files sent together) over MAX_ATTACHMENT_MB, naming the limit. */
export function attachmentTooLarge(config: Pick<AppConfig, 'maxAttachmentBytes'>): DomainError {
  return new DomainError('payload.too-large', {
    limit: `${Math.round(config.maxAttachmentBytes / 1048576)} MB`,
  });
}

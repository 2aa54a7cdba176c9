import { resolve } from 'node:path';

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
};

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(
      `Zmienna środowiskowa ${name} musi być nieujemną liczbą (podano: ${raw}) / ${name} must be a non-negative number`,
    );
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const secure = env.COOKIE_SECURE ?? 'auto';
  return {
    port: number(env, 'PORT', 3000),
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
  };
}

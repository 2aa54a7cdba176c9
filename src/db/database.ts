import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import * as initial from './migrations/0001-initial.ts';
import * as scans from './migrations/0002-scans.ts';
import * as mail from './migrations/0003-mail.ts';
import * as registerVersions from './migrations/0004-register-versions.ts';
import * as scanCancelled from './migrations/0005-scan-cancelled.ts';
import { PGliteDialect, type WriteCounter } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export type AppDatabase = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * PGlite only, whose one client is this process: counts the statements that may write (see WriteCounter). Absent
   * for a PostgreSQL server, which other instances may change at any moment.
   */
  localWrites?: WriteCounter;
  close(): Promise<void>;
};

const DATE_OID = 1082;
const INT8_OID = 20;

/** How PGlite turns values into JavaScript: the same as the pg pool below. */
export const pgliteParsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
};

/** Migrations in order; a static list so they load the same under tsx, tests and a bundle. */
const migrations = {
  '0001-initial': initial,
  '0002-scans': scans,
  '0003-mail': mail,
  '0004-register-versions': registerVersions,
  '0005-scan-cancelled': scanCancelled,
};

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is given, else the embedded PGlite with its files in
 * `dataDir` (or in memory when `dataDir` is null, for tests). Calendar dates stay `YYYY-MM-DD` text and counts come
 * back as numbers, the same on both.
 */
export async function openDatabase(options: {
  databaseUrl?: string | null;
  dataDir?: string | null;
  pglite?: PGlite;
  poolSize?: number;
}): Promise<AppDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return (value: string) => value;
          if (oid === INT8_OID) return (value: string) => Number(value);
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the pool replaces it.
    pool.on('error', (error) => console.warn(`PostgreSQL: idle connection closed: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  let pglite = options.pglite;
  let unlock = () => {};
  if (!pglite) {
    if (options.dataDir) {
      await mkdir(options.dataDir, { recursive: true });
      unlock = lockDataDir(options.dataDir);
    }
    try {
      pglite = await PGlite.create({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        parsers: pgliteParsers,
      });
    } catch (error) {
      unlock();
      throw error;
    }
  }
  const instance = pglite;
  const localWrites: WriteCounter = { count: 0 };
  const db = new Kysely<Database>({ dialect: new PGliteDialect(instance, localWrites) });
  return {
    db,
    kind: 'pglite',
    localWrites,
    close: async () => {
      await db.destroy();
      if (!instance.closed) await instance.close();
      unlock();
    },
  };
}

/** Brings the schema up to date; safe to call on every start and from several instances at once. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

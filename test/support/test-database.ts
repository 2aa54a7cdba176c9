import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type AppDatabase, migrateToLatest, openDatabase, pgliteParsers } from '../../src/db/database.ts';
import { templateDatabase, withDatabase } from './postgres-global-setup.ts';

/** Which database the server suite runs on: set per vitest project (see vitest.config.ts). */
export const testDatabaseKind = process.env.INCYDENT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let pgliteTemplate: Promise<Blob> | null = null;

/** A migrated PGlite, dumped once per worker; each test loads a copy (~0.4 s instead of ~3 s). */
function pgliteTemplateDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const pglite = await PGlite.create({ parsers: pgliteParsers });
    const database = await openDatabase({ pglite });
    await migrateToLatest(database.db);
    const dump = await pglite.dumpDataDir('none');
    await database.close();
    return dump;
  })();
  return pgliteTemplate;
}

/** A fresh, migrated, empty database for one test; `close` drops it. `url` lets a second instance connect. */
export async function freshDatabase(): Promise<AppDatabase & { url: string | null }> {
  if (testDatabaseKind === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: await pgliteTemplateDump(), parsers: pgliteParsers });
    return { ...(await openDatabase({ pglite })), url: null };
  }
  const url = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
  await sql.raw(`create database ${name} template ${templateDatabase}`).execute(admin.db);
  await admin.close();
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
  return {
    ...database,
    url: withDatabase(url, name),
    async close() {
      await database.close();
      const cleanup = await openDatabase({ databaseUrl: url, poolSize: 1 });
      // All our connections are closed by now; retry while the server finishes closing them, force only last.
      for (let attempt = 0; ; attempt++) {
        try {
          await sql
            .raw(`drop database if exists ${name}${attempt >= 20 ? ' with (force)' : ''}`)
            .execute(cleanup.db);
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await cleanup.close();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../domain/permissions.ts';
import type { AppConfig } from './config.ts';
import type { RegisterPageCache } from './register-page-cache.ts';
import type { SessionCache } from './session-cache.ts';

/** What a use case needs: the database, the clock (tests move it), the configuration and this instance's caches. */
export type ServiceContext = {
  db: Kysely<Database>;
  now: () => Date;
  config: AppConfig;
  /** Register pages this instance has read (the app sets it; scripts and tests may leave it out). */
  registerPages?: RegisterPageCache;
  /** Sessions this instance has read: only on the embedded PGlite, whose one client is this process. */
  sessions?: SessionCache;
};

/** Who acts: a member of an organisation with a role, an anonymous reporter, or the system's own sweeps. */
export type Actor = {
  userId: string | null;
  label: string;
  organisationId: string;
  role: Role | 'public' | 'system';
};

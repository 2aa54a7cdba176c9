import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../domain/permissions.ts';
import type { AppConfig } from './config.ts';

/** What a use case needs: the database, the clock (tests move it) and the configuration. */
export type ServiceContext = {
  db: Kysely<Database>;
  now: () => Date;
  config: AppConfig;
};

/** Who acts: a member of an organisation with a role, an anonymous reporter, or the system's own sweeps. */
export type Actor = {
  userId: string | null;
  label: string;
  organisationId: string;
  role: Role | 'public' | 'system';
};

import { type Kysely, sql } from 'kysely';

/**
 * A version number per organisation that changes whenever anything shown in its register changes: a breach
 * inserted, updated or deleted, or the organisation itself inserted or updated (its name, its deadline
 * thresholds). Triggers keep it, so no write path can forget it. A request reads the versions with its session
 * (one query), and an app instance may then reuse a register page it has already read at the same versions: still
 * exact when several instances share one database. The table is derived state, so backups leave it out; a restore
 * rebuilds it.
 */
const statements = [
  // Numbers from one sequence, never reused: a version seen once never comes back, even after a restore with
  // --replace deletes and re-inserts an organisation.
  'create sequence register_version_numbers',
  // No foreign key: derived state must never stop a write (an organisation's deletion cascades to its breaches,
  // whose trigger then bumps the version of an organisation that is going away).
  `create table register_versions (
    organisation_id uuid primary key,
    version bigint not null
  )`,
  // PL/pgSQL compiles a trigger function once per table, so each branch only ever sees its own table's columns.
  // Organisations in id order, so two statements that touch several never wait for each other in a cycle.
  `create function bump_register_versions() returns trigger language plpgsql as $$
  begin
    if tg_table_name = 'organisations' then
      insert into register_versions (organisation_id, version)
        select id, nextval('register_version_numbers') from (select id from changed_rows order by id) changed
        on conflict (organisation_id) do update set version = excluded.version;
    else
      insert into register_versions (organisation_id, version)
        select organisation_id, nextval('register_version_numbers')
        from (select distinct organisation_id from changed_rows order by organisation_id) changed
        on conflict (organisation_id) do update set version = excluded.version;
    end if;
    return null;
  end $$`,
  `create trigger breaches_inserted_register_version after insert on breaches
    referencing new table as changed_rows for each statement execute function bump_register_versions()`,
  `create trigger breaches_updated_register_version after update on breaches
    referencing new table as changed_rows for each statement execute function bump_register_versions()`,
  `create trigger breaches_deleted_register_version after delete on breaches
    referencing old table as changed_rows for each statement execute function bump_register_versions()`,
  `create trigger organisations_inserted_register_version after insert on organisations
    referencing new table as changed_rows for each statement execute function bump_register_versions()`,
  `create trigger organisations_updated_register_version after update on organisations
    referencing new table as changed_rows for each statement execute function bump_register_versions()`,
  // The lookup every request makes, as a PL/pgSQL function so that each connection plans it once and reuses the
  // plan (planning took twice as long as running it). The caller's memberships come with it, each with its
  // organisation's register version: one query authenticates and authorises a request.
  `create function live_session(session_id text, at timestamptz)
  returns table (id text, user_id uuid, csrf_token text, second_factor_pending boolean, expires_at timestamptz,
    last_seen_at timestamptz, email text, name text, lang text, totp_enabled boolean, roles json)
  language plpgsql stable as $$
  #variable_conflict use_column
  begin
    return query
      select s.id, s.user_id, s.csrf_token, s.second_factor_pending, s.expires_at, s.last_seen_at,
        u.email, u.name, u.lang, u.totp_enabled,
        (select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role,
            'requireTotp', o.require_totp, 'registerVersion', coalesce(v.version, 0)))
          from memberships m join organisations o on o.id = m.organisation_id
          left join register_versions v on v.organisation_id = m.organisation_id
          where m.user_id = u.id)
      from sessions s join users u on u.id = s.user_id
      where s.id = session_id and s.expires_at > at and u.disabled_at is null;
  end $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of [
    'organisations_inserted_register_version on organisations',
    'breaches_inserted_register_version on breaches',
    'breaches_updated_register_version on breaches',
    'breaches_deleted_register_version on breaches',
    'organisations_updated_register_version on organisations',
  ]) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await sql.raw('drop function if exists live_session(text, timestamptz)').execute(db);
  await sql.raw('drop function if exists bump_register_versions()').execute(db);
  await sql.raw('drop table if exists register_versions').execute(db);
  await sql.raw('drop sequence if exists register_version_numbers').execute(db);
}

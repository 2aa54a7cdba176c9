import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from './schema.ts';

export type OrganisationData = {
  name: string;
  regon: string | null;
  nip: string | null;
  krs: string | null;
  sector: { kind: 'public' | 'private'; name: string } | null;
  address: Record<string, string | null>;
  representatives: { name: string; position: string }[];
  dpo: { name: string; phone: string | null; email: string | null } | null;
  contactPoint: string | null;
  requireTotp: boolean;
  dueSoonHours: number;
  criticalHours: number;
  reminderThresholds: number[];
};

export function organisationDataOf(row: OrganisationRow): OrganisationData {
  return {
    name: row.name,
    regon: row.regon,
    nip: row.nip,
    krs: row.krs,
    sector: row.sector ?? null,
    address: row.address,
    representatives: row.representatives,
    dpo: row.dpo ?? null,
    contactPoint: row.contact_point,
    requireTotp: row.require_totp,
    dueSoonHours: row.due_soon_hours,
    criticalHours: row.critical_hours,
    reminderThresholds: row.reminder_thresholds,
  };
}

function columnsOf(data: Partial<OrganisationData>) {
  return {
    ...(data.name !== undefined ? { name: data.name } : {}),
    ...(data.regon !== undefined ? { regon: data.regon } : {}),
    ...(data.nip !== undefined ? { nip: data.nip } : {}),
    ...(data.krs !== undefined ? { krs: data.krs } : {}),
    ...(data.sector !== undefined ? { sector: JSON.stringify(data.sector) } : {}),
    ...(data.address !== undefined ? { address: JSON.stringify(data.address) } : {}),
    ...(data.representatives !== undefined ? { representatives: JSON.stringify(data.representatives) } : {}),
    ...(data.dpo !== undefined ? { dpo: JSON.stringify(data.dpo) } : {}),
    ...(data.contactPoint !== undefined ? { contact_point: data.contactPoint } : {}),
    ...(data.requireTotp !== undefined ? { require_totp: data.requireTotp } : {}),
    ...(data.dueSoonHours !== undefined ? { due_soon_hours: data.dueSoonHours } : {}),
    ...(data.criticalHours !== undefined ? { critical_hours: data.criticalHours } : {}),
    ...(data.reminderThresholds !== undefined
      ? { reminder_thresholds: JSON.stringify(data.reminderThresholds) }
      : {}),
  };
}

export async function insertOrganisation(
  db: Kysely<Database>,
  data: Pick<OrganisationData, 'name'> & Partial<OrganisationData>,
  reportToken: string,
): Promise<OrganisationRow> {
  return db
    .insertInto('organisations')
    .values({
      name: data.name,
      regon: null,
      nip: null,
      krs: null,
      address: JSON.stringify({}),
      representatives: JSON.stringify([]),
      contact_point: null,
      reminder_thresholds: JSON.stringify([48, 24, 6]),
      report_token: reportToken,
      ...columnsOf(data),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Kysely<Database>,
  id: string,
  data: Partial<OrganisationData>,
): Promise<OrganisationRow> {
  const columns = columnsOf(data);
  if (Object.keys(columns).length === 0) return findOrganisation(db, id) as Promise<OrganisationRow>;
  return db
    .updateTable('organisations')
    .set(columns)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOrganisation(
  db: Kysely<Database>,
  id: string,
): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByReportToken(
  db: Kysely<Database>,
  token: string,
): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('report_token', '=', token).executeTakeFirst();
}

export async function findOrganisationByName(
  db: Kysely<Database>,
  name: string,
): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The next number of a per-organisation counter (e.g. breach references of a year), safe under concurrency. */
export async function nextCounter(
  db: Kysely<Database>,
  organisationId: string,
  name: string,
): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ organisation_id: organisationId, name, value: 1 })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'name']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type {
  ActionsTable,
  ApprovalsTable,
  AssessmentsTable,
  AttachmentsTable,
  BreachRow,
  CommentsTable,
  Database,
  NewBreachRow,
  NotificationsTable,
} from './schema.ts';

/** Every query here takes the organisation id: a breach of another organisation is simply not found. */

export async function insertBreach(db: Kysely<Database>, values: NewBreachRow): Promise<BreachRow> {
  return db.insertInto('breaches').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findBreach(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<BreachRow | undefined> {
  return db
    .selectFrom('breaches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function breachExists(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('breaches')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The breach, locked until the end of the transaction: concurrent changes queue up instead of overwriting. */
export async function lockBreach(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<BreachRow | undefined> {
  return db
    .selectFrom('breaches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateBreach(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  values: Partial<Omit<NewBreachRow, 'id' | 'organisation_id' | 'version'>>,
): Promise<BreachRow> {
  return db
    .updateTable('breaches')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findBreachByReceipt(
  db: Kysely<Database>,
  organisationId: string,
  receiptCodeHash: string,
): Promise<BreachRow | undefined> {
  return db
    .selectFrom('breaches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('receipt_code_hash', '=', receiptCodeHash)
    .executeTakeFirst();
}

export type AttachmentMeta = Omit<
  Selectable<AttachmentsTable>,
  'content' | 'breach_id' | 'organisation_id' | 'uploaded_by'
>;

export type BreachChildren = {
  assessments: Selectable<AssessmentsTable>[];
  notifications: Selectable<NotificationsTable>[];
  actions: Selectable<ActionsTable>[];
  comments: Selectable<CommentsTable>[];
  attachments: AttachmentMeta[];
  approvals: Selectable<ApprovalsTable>[];
};

/** Everything recorded under a breach, oldest first. Sequential: PGlite runs one query at a time anyway. */
export async function breachChildren(
  db: Kysely<Database>,
  organisationId: string,
  breachId: string,
): Promise<BreachChildren> {
  const where = { organisationId, breachId };
  const assessments = await db
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', where.organisationId)
    .where('breach_id', '=', where.breachId)
    .orderBy('decided_at')
    .execute();
  const notifications = await db
    .selectFrom('notifications')
    .selectAll()
    .where('organisation_id', '=', where.organisationId)
    .where('breach_id', '=', where.breachId)
    .orderBy('sent_at')
    .execute();
  const actions = await db
    .selectFrom('actions')
    .selectAll()
    .where('organisation_id', '=', where.organisationId)
    .where('breach_id', '=', where.breachId)
    .orderBy('created_at')
    .execute();
  const comments = await db
    .selectFrom('comments')
    .selectAll()
    .where('organisation_id', '=', where.organisationId)
    .where('breach_id', '=', where.breachId)
    .orderBy('created_at')
    .execute();
  const attachments = await db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by_label', 'uploaded_at'])
    .where('organisation_id', '=', where.organisationId)
    .where('breach_id', '=', where.breachId)
    .orderBy('uploaded_at')
    .execute();
  const approvals = await db
    .selectFrom('approvals')
    .selectAll()
    .where('organisation_id', '=', where.organisationId)
    .where('breach_id', '=', where.breachId)
    .orderBy('approved_at')
    .execute();
  return { assessments, notifications, actions, comments, attachments, approvals };
}

export async function insertAssessment(db: Kysely<Database>, values: Insertable<AssessmentsTable>) {
  return db.insertInto('assessments').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The DPO's decision of the latest assessment of a breach, or null before any assessment. */
export async function latestDecision(db: Kysely<Database>, organisationId: string, breachId: string) {
  const row = await db
    .selectFrom('assessments')
    .select('decision')
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.decision ?? null;
}

export async function insertNotification(db: Kysely<Database>, values: Insertable<NotificationsTable>) {
  return db.insertInto('notifications').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertAction(db: Kysely<Database>, values: Insertable<ActionsTable>) {
  return db.insertInto('actions').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findAction(db: Kysely<Database>, organisationId: string, breachId: string, id: string) {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateAction(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  values: Updateable<ActionsTable>,
) {
  return db
    .updateTable('actions')
    .set(values)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertComment(db: Kysely<Database>, values: Insertable<CommentsTable>) {
  return db.insertInto('comments').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertAttachment(db: Kysely<Database>, values: Insertable<AttachmentsTable>) {
  return db
    .insertInto('attachments')
    .values(values)
    .returning(['id', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by_label', 'uploaded_at'])
    .executeTakeFirstOrThrow();
}

export async function findAttachment(
  db: Kysely<Database>,
  organisationId: string,
  breachId: string,
  id: string,
) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('breach_id', '=', breachId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertApproval(db: Kysely<Database>, values: Insertable<ApprovalsTable>) {
  return db.insertInto('approvals').values(values).returningAll().executeTakeFirstOrThrow();
}

export type RegisterFilter = {
  organisationIds: readonly string[];
  year?: number | undefined;
  statuses?: readonly string[] | undefined;
  breachType?: string | undefined;
  notified?: boolean | undefined;
  breachesOnly?: boolean | undefined;
  search?: string | undefined;
  reportedBy?: string | undefined;
  sort: 'createdAt' | 'awareAt' | 'reference' | 'status';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const confirmedStatuses = [
  'breach-confirmed',
  'assessed',
  'authority-notified',
  'authority-not-required',
  'subjects-communicated',
  'public-communication',
  'subjects-not-required',
  'remediation',
  'closed',
];

/** The year a breach belongs to in the register: of becoming aware, else of the report, in Warsaw time. */
export const breachYear = sql<number>`extract(year from (coalesce(breaches.aware_at, breaches.created_at) at time zone 'Europe/Warsaw'))`;

/** The columns of a register row (breach joined with its organisation), shared by the register and the dashboard. */
export const registerRowColumns = [
  'breaches.id',
  'breaches.organisation_id',
  'organisations.name as organisation_name',
  'breaches.reference',
  'breaches.title',
  'breaches.status',
  'breaches.created_at',
  'breaches.aware_at',
  'breaches.first_notified_at',
  'breaches.breach_types',
  'breaches.risk_level',
  'breaches.authority_decision',
  'breaches.closed_at',
  'organisations.due_soon_hours',
  'organisations.critical_hours',
] as const;

/** The register (art. 33(5) RODO): filtered, sorted, one page, with the total. */
export async function listRegister(db: Kysely<Database>, filter: RegisterFilter) {
  if (filter.organisationIds.length === 0) return { rows: [], total: 0 };
  // Filters on breaches alone, so the count can use the index; the page joins the organisations' names.
  let query = db.selectFrom('breaches').where('breaches.organisation_id', 'in', [...filter.organisationIds]);
  if (filter.year !== undefined) {
    query = query.where(breachYear, '=', filter.year);
  }
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where('breaches.status', 'in', [...filter.statuses]);
  if (filter.breachesOnly) query = query.where('breaches.status', 'in', confirmedStatuses);
  if (filter.breachType) query = query.where(sql<boolean>`${filter.breachType} = any(breaches.breach_types)`);
  if (filter.notified === true) query = query.where('breaches.first_notified_at', 'is not', null);
  if (filter.notified === false) query = query.where('breaches.first_notified_at', 'is', null);
  if (filter.reportedBy) query = query.where('breaches.reported_by', '=', filter.reportedBy);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('breaches.title', 'ilike', pattern), eb('breaches.reference', 'ilike', pattern)]),
    );
  }
  const sortColumn = {
    createdAt: 'breaches.created_at',
    awareAt: 'breaches.aware_at',
    reference: 'breaches.reference',
    status: 'breaches.status',
  } as const;
  // created_at is never null, so its order needs no NULLS clause and the (organisation, created_at) index serves it.
  const nullable = filter.sort === 'awareAt';
  const page = query
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .select([
      ...registerRowColumns,
      sql<number | null>`(breaches.details->>'subjectsApprox')::float8`.as('subjects_approx'),
    ])
    .orderBy(sortColumn[filter.sort], (ob) => {
      const ordered = filter.order === 'asc' ? ob.asc() : ob.desc();
      return nullable ? ordered.nullsLast() : ordered;
    })
    .orderBy('breaches.id', filter.order === 'asc' ? 'asc' : 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  // The count and the page in one round trip, the page as one JSON value (rows decoded by JSON.parse, not column by
  // column): a third of the time on PGlite. json_agg keeps the order of its sorted subquery (PostgreSQL documents
  // this for aggregates over an ordered subquery). Instants come back as ISO 8601 text.
  const result = await sql<{ total: number; rows: RegisterRow[] | null }>`select
    (${query.select(sql<number>`count(*)::int`.as('n'))}) as total,
    (select json_agg(p) from (${page}) p) as rows`.execute(db);
  const found = result.rows[0];
  return { rows: found?.rows ?? [], total: found?.total ?? 0 };
}

/** A register row as the database gives it (instants as ISO 8601 text). */
export type RegisterRow = {
  id: string;
  organisation_id: string;
  organisation_name: string;
  reference: string;
  title: string;
  status: string;
  created_at: string;
  aware_at: string | null;
  first_notified_at: string | null;
  breach_types: string[];
  risk_level: string | null;
  authority_decision: string | null;
  closed_at: string | null;
  due_soon_hours: number;
  critical_hours: number;
  subjects_approx: number | null;
};

/** Breaches whose 72-hour clock runs: confirmed, not notified, no decision that notification is not required. */
export async function breachesOnTheClock(db: Kysely<Database>) {
  return db
    .selectFrom('breaches')
    .innerJoin('organisations', 'organisations.id', 'breaches.organisation_id')
    .select([
      'breaches.id',
      'breaches.organisation_id',
      'breaches.aware_at',
      'organisations.due_soon_hours',
      'organisations.critical_hours',
    ])
    .where('breaches.aware_at', 'is not', null)
    .where('breaches.first_notified_at', 'is', null)
    .where('breaches.authority_decision', 'is', null)
    .where('breaches.status', 'not in', ['closed', 'not-a-breach'])
    .execute();
}

export async function actionsPastDue(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('actions')
    .select(['id', 'organisation_id', 'breach_id', 'due_date'])
    .where('status', 'in', ['planned', 'in-progress'])
    .where('due_date', '<', today)
    .execute();
}

/** Records a deadline event once: a second sweep, or a second app instance, inserts nothing. */
export async function insertDeadlineEventOnce(
  db: Kysely<Database>,
  event: { organisationId: string; breachId: string | null; actionId: string | null; kind: string; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('deadline_events')
    .values({
      organisation_id: event.organisationId,
      breach_id: event.breachId,
      action_id: event.actionId,
      subject_id: (event.actionId ?? event.breachId)!,
      kind: event.kind,
      created_at: event.at,
    })
    .onConflict((oc) => oc.columns(['subject_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deadlineEventsOf(db: Kysely<Database>, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('deadline_events')
    .selectAll()
    .where('organisation_id', 'in', [...organisationIds])
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

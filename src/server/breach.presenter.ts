import type { BreachChildren } from '../db/breach.repository.ts';
import type { BreachRow, OrganisationRow } from '../db/schema.ts';
import {
  type BreachCase,
  breachCaseSchema,
  type Organisation,
  organisationSchema,
} from '../domain/breach-case.ts';
import { allowedEvents, type BreachStatus, type WorkflowEvent } from '../domain/breach-workflow.ts';
import { can, type Permission, permissions, type Role } from '../domain/permissions.ts';
import { iso, presentDeadline, storedDeadline } from './stored-deadline.ts';

export function presentOrganisation(row: OrganisationRow): Organisation {
  return organisationSchema.parse({
    id: row.id,
    name: row.name,
    regon: row.regon,
    nip: row.nip,
    krs: row.krs,
    sector: row.sector ?? null,
    address: { country: 'Polska', ...row.address },
    representatives: row.representatives,
    dpo: row.dpo ?? null,
    contactPoint: row.contact_point,
  });
}

export type BreachView = BreachCase & {
  version: number;
  attachments: {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    uploadedBy: string;
    uploadedAt: string;
  }[];
  approvals: { id: string; subject: string; note: string | null; approvedBy: string; approvedAt: string }[];
  /** What the caller may do now: the web app shows these buttons and no others. */
  allowedEvents: WorkflowEvent[];
  permissions: Permission[];
};

/** A breach as the API returns it: the BreachCase of the domain plus what the caller may do. */
export function presentBreach(input: {
  row: BreachRow;
  children: BreachChildren;
  organisation: OrganisationRow;
  role: Role;
  now: Date;
}): BreachView {
  const { row, children, organisation, role, now } = input;
  const details = row.details as Record<string, unknown>;
  const deadline = storedDeadline(
    { ...row, due_soon_hours: organisation.due_soon_hours, critical_hours: organisation.critical_hours },
    now,
  );
  const breach = breachCaseSchema.parse({
    ...details,
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    organisation: presentOrganisation(organisation),
    breachTypes: row.breach_types,
    times: { ...((details.times as object) ?? {}), awareAt: iso(row.aware_at) },
    assessments: children.assessments.map((a) => ({
      id: a.id,
      facts: a.facts,
      engine: a.engine,
      decision: a.decision,
      departsFromEngine: a.departs_from_engine,
      decidedBy: a.decided_by_label,
      decidedAt: iso(a.decided_at),
    })),
    notifications: children.notifications.map((n) => ({
      id: n.id,
      phase: n.phase,
      sentAt: iso(n.sent_at),
      channel: n.channel,
      uodoCaseReference: n.uodo_case_reference,
      lateReason: n.late_reason,
      plannedCompletionDate: n.planned_completion_date,
      note: n.note,
    })),
    actions: children.actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      description: a.description,
      owner: a.owner,
      dueDate: a.due_date,
      status: a.status,
      completedAt: iso(a.completed_at),
      effectiveness: a.effectiveness,
      effective: a.effective,
    })),
    comments: children.comments.map((c) => ({
      id: c.id,
      author: c.author_label,
      createdAt: iso(c.created_at),
      body: c.body,
    })),
    deadline: presentDeadline(deadline),
  });
  const granted = permissions.filter((permission) => can(role, permission));
  return {
    ...breach,
    version: row.version,
    attachments: children.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.content_type,
      size: a.size,
      sha256: a.sha256,
      uploadedBy: a.uploaded_by_label,
      uploadedAt: iso(a.uploaded_at)!,
    })),
    approvals: children.approvals.map((a) => ({
      id: a.id,
      subject: a.subject,
      note: a.note,
      approvedBy: a.approved_by_label,
      approvedAt: iso(a.approved_at)!,
    })),
    allowedEvents: granted.includes('breach.transition') ? allowedEvents(row.status as BreachStatus) : [],
    permissions: granted,
  };
}

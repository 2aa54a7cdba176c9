import type { DeadlineState } from './notification-deadline.ts';

/** The 72-hour deadline as the API sends it: when it ends, where the breach stands, hours left (negative: late). */
export type PresentedDeadline = { deadlineAt: string; state: DeadlineState; hoursLeft: number };

/** A row of the register (art. 33(5) RODO) as the API sends it, but for its deadline. */
export type RegisterRowFields = {
  id: string;
  organisationId: string;
  organisationName: string;
  reference: string;
  title: string;
  status: string;
  createdAt: string;
  awareAt: string | null;
  firstNotifiedAt: string | null;
  breachTypes: string[];
  riskLevel: string | null;
  authorityDecision: string | null;
  subjectsApprox: number | null;
  closedAt: string | null;
};

/** A row of the register with its deadline at the moment it was sent. */
export type RegisterRow = RegisterRowFields & { deadline: PresentedDeadline | null };

/** One page of the register. */
export type RegisterPageView = { total: number; page: number; pageSize: number; items: RegisterRow[] };

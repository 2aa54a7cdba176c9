/**
 * Who may do what, by role in an organisation. Permissions are named resource.action and checked in one place
 * (the server's `authorise`); the API tells the web app which actions the caller may take, so the browser never
 * re-implements these rules. Roles: `reporter` (reports, follows own reports), `dpo` (the IOD: runs the breach
 * process), `controller` (approves and signs), `auditor` (reads everything, changes nothing), `admin` (the DPO's
 * powers plus the organisation's settings and people).
 */
export const roles = ['reporter', 'dpo', 'controller', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'organisation.read',
  'organisation.update',
  'member.read',
  'member.manage',
  'incident.report',
  'breach.read',
  'breach.read-own',
  'breach.update',
  'breach.transition',
  'assessment.create',
  'notification.create',
  'communication.update',
  'action.manage',
  'comment.create',
  'attachment.create',
  'attachment.read',
  'approval.create',
  'register.read',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const dpo: Permission[] = [
  'organisation.read',
  'member.read',
  'incident.report',
  'breach.read',
  'breach.update',
  'breach.transition',
  'assessment.create',
  'notification.create',
  'communication.update',
  'action.manage',
  'comment.create',
  'attachment.create',
  'attachment.read',
  'register.read',
  'audit.read',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  reporter: [
    'organisation.read',
    'incident.report',
    'breach.read-own',
    'comment.create',
    'attachment.create',
  ],
  dpo,
  controller: [
    'organisation.read',
    'member.read',
    'incident.report',
    'breach.read',
    'comment.create',
    'attachment.read',
    'approval.create',
    'register.read',
    'audit.read',
  ],
  auditor: [
    'organisation.read',
    'member.read',
    'breach.read',
    'attachment.read',
    'register.read',
    'audit.read',
  ],
  admin: [...dpo, 'organisation.update', 'member.manage', 'approval.create'],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export const roleLabels: Record<Role, { pl: string; en: string }> = {
  reporter: { pl: 'Zgłaszający', en: 'Reporter' },
  dpo: { pl: 'Inspektor ochrony danych (IOD)', en: 'Data protection officer (DPO)' },
  controller: { pl: 'Administrator danych (zatwierdza)', en: 'Controller (approves)' },
  auditor: { pl: 'Audytor (tylko odczyt)', en: 'Auditor (read-only)' },
  admin: { pl: 'Administrator systemu', en: 'Administrator' },
};

/** The staff roles (ARCHITECTURE/REQUIREMENTS). Supervisors and handlers belong to a unit. */
export const staffRoles = ['admin', 'secretariat', 'supervisor', 'handler', 'counter_clerk', 'web_editor'] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function roleNeedsUnit(role: StaffRole): boolean {
  return role === 'supervisor' || role === 'handler';
}

/** Who is signed in, as every route sees it (request.staff). */
export interface StaffPrincipal {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  sessionId: string;
  hasTotp: boolean;
}

/**
 * The staff roles (ARCHITECTURE/REQUIREMENTS). Supervisors and handlers work a unit's cases; unit editors
 * draft and report their unit's work plan and unit heads approve it (管制查考, issue 4): all four belong to
 * a unit.
 */
export const staffRoles = [
  'admin',
  'secretariat',
  'supervisor',
  'handler',
  'counter_clerk',
  'web_editor',
  'unit_editor',
  'unit_head',
] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

/** Roles that act for one unit: the account must name it. */
export const unitRoles = [
  'supervisor',
  'handler',
  'unit_editor',
  'unit_head',
] as const satisfies readonly StaffRole[];

export function roleNeedsUnit(role: StaffRole): boolean {
  return (unitRoles as readonly StaffRole[]).includes(role);
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

/** Administrators must use an authenticator app; every other role may. */
export function isTwoFactorRequired(role: StaffRole): boolean {
  return role === 'admin';
}

/** Signed in, but may reach nothing except the two-factor enrolment until it is done. */
export function needsTwoFactorEnrolment(staff: Pick<StaffPrincipal, 'role' | 'hasTotp'>): boolean {
  return isTwoFactorRequired(staff.role) && !staff.hasTotp;
}

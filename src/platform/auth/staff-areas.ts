import type { AuthTextKey } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import type { StaffRole } from './principal.ts';

export interface StaffArea {
  key: AuthTextKey;
  /** Null until the area exists: later issues fill these in. */
  path: string | null;
}

const areas: readonly (StaffArea & { roles: readonly StaffRole[] })[] = [
  { key: 'areaCaseQueue', path: null, roles: ['handler', 'supervisor'] },
  { key: 'areaCounterIntake', path: null, roles: ['counter_clerk', 'secretariat'] },
  { key: 'areaSupervision', path: null, roles: ['supervisor'] },
  { key: 'areaPerformance', path: null, roles: ['secretariat'] },
  { key: 'areaContent', path: null, roles: ['web_editor'] },
  { key: 'areaStaffAccounts', path: null, roles: ['admin'] },
  { key: 'areaAuditLog', path: staffPaths.audit, roles: ['admin'] },
];

/** The staff home's list of work areas for a role. */
export function staffAreasFor(role: StaffRole): StaffArea[] {
  return areas.filter((area) => area.roles.includes(role)).map(({ key, path }) => ({ key, path }));
}

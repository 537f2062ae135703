import type { StaffArea } from '../composition/app-module.ts';
import { staffPaths } from './auth-paths.ts';
import type { StaffRole } from './principal.ts';

/**
 * The platform's own lines on the staff home; the modules bring theirs in their manifests (staff accounts,
 * units, the calendar, routing rules and classifications: the administration module).
 */
export const platformStaffAreas: readonly StaffArea[] = [
  {
    id: 'platform.audit-log',
    group: 'administration',
    label: { 'zh-TW': '稽核紀錄', en: 'Audit log' },
    path: staffPaths.audit,
    roles: ['admin'],
  },
];

/** The staff home's list of work areas for a role, in the registry's order. */
export function staffAreasFor(areas: readonly StaffArea[], role: StaffRole): StaffArea[] {
  return areas.filter((area) => area.roles.includes(role));
}

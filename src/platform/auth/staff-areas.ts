import { casePaths } from '../../modules/cases/case-paths.ts';
import { checksPaths } from '../../modules/control/checks-paths.ts';
import { controlPaths } from '../../modules/control/control-paths.ts';
import { progressPaths } from '../../modules/control/progress-paths.ts';
import { reportPaths } from '../../modules/control/report-paths.ts';
import type { AuthTextKey } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import type { StaffRole } from './principal.ts';

export interface StaffArea {
  key: AuthTextKey;
  /** Null until the area exists: later issues fill these in. */
  path: string | null;
}

const areas: readonly (StaffArea & { roles: readonly StaffRole[] })[] = [
  { key: 'areaCaseQueue', path: casePaths.myQueue, roles: ['handler', 'supervisor'] },
  { key: 'areaCounterIntake', path: casePaths.counter, roles: ['counter_clerk', 'secretariat'] },
  { key: 'areaSupervision', path: casePaths.supervision, roles: ['supervisor', 'secretariat'] },
  {
    key: 'areaCaseLookup',
    path: casePaths.lookup,
    roles: ['counter_clerk', 'handler', 'supervisor', 'secretariat'],
  },
  { key: 'areaPerformance', path: controlPaths.staffList, roles: ['secretariat', 'admin'] },
  { key: 'areaWorkPlans', path: controlPaths.staffWorkPlans, roles: ['secretariat'] },
  { key: 'areaPerformance', path: controlPaths.staffWorkPlans, roles: ['unit_editor', 'unit_head'] },
  {
    key: 'areaProgress',
    path: progressPaths.home,
    roles: ['secretariat', 'admin', 'unit_editor', 'unit_head'],
  },
  { key: 'areaChecks', path: checksPaths.list, roles: ['secretariat'] },
  { key: 'areaChecks', path: checksPaths.unit, roles: ['unit_editor', 'unit_head'] },
  { key: 'areaReports', path: reportPaths.list, roles: ['secretariat'] },
  { key: 'areaContent', path: '/staff/catalogue', roles: ['web_editor', 'admin'] },
  { key: 'areaStaffAccounts', path: null, roles: ['admin'] },
  { key: 'areaAuditLog', path: staffPaths.audit, roles: ['admin'] },
  { key: 'areaOutbox', path: '/staff/outbox', roles: ['admin'] },
  {
    key: 'areaNotificationTemplates',
    path: '/staff/notification-templates',
    roles: ['admin', 'secretariat', 'supervisor'],
  },
];

/** The staff home's list of work areas for a role. */
export function staffAreasFor(role: StaffRole): StaffArea[] {
  return areas.filter((area) => area.roles.includes(role)).map(({ key, path }) => ({ key, path }));
}

/** The administration pages' URLs, bare (zh-TW); `localePath(lang, path)` gives the English one. */
export const administrationPaths = {
  /** Staff accounts (admin). */
  staff: '/staff/admin/staff',
  staffInvite: '/staff/admin/staff/invite',
  staffMember: (id: string) => `/staff/admin/staff/${id}`,
  staffMemberPattern: '/staff/admin/staff/:id',
  /** The invited person's one-time link (no session needed). */
  invitation: (token: string) => `/staff/invitation/${token}`,
  invitationPattern: '/staff/invitation/:token',
  /** Units (admin). */
  units: '/staff/admin/units',
  unit: (code: string) => `/staff/admin/units/${code}`,
  unitPattern: '/staff/admin/units/:code',
  /** Calendar (admin, secretariat). */
  calendar: '/staff/admin/calendar',
  calendarDay: '/staff/admin/calendar/day',
  calendarLoad: '/staff/admin/calendar/load',
  /** Routing rules (admin; supervisors for their unit's services). */
  routing: '/staff/admin/routing',
  routingNew: '/staff/admin/routing/new',
  routingRule: (id: string) => `/staff/admin/routing/${id}`,
  routingRulePattern: '/staff/admin/routing/:id',
  /** Classification tables (admin). */
  classifications: '/staff/admin/classifications',
  classificationsLoad: '/staff/admin/classifications/load',
} as const;

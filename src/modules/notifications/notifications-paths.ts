/** The notification pages' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const notificationPaths = {
  outbox: '/staff/outbox',
  outboxEntry: (id: string) => `/staff/outbox/${id}`,
  templates: '/staff/notification-templates',
} as const;

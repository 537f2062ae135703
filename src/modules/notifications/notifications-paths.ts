/** The notification pages' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const notificationPaths = {
  outbox: '/staff/outbox',
  outboxEntry: (id: string) => `/staff/outbox/${id}`,
  templates: '/staff/notification-templates',
  /** One topic's editor (issue 17): its wording, preview, versions. */
  templateEditor: (topic: string) => `/staff/notification-templates/${topic}`,
  /** A new version copying an older one (or the built-in wording). */
  templateRestore: (topic: string) => `/staff/notification-templates/${topic}/restore`,
} as const;

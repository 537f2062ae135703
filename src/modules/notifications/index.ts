/**
 * Notifications: the delivery log any module writes to (queueNotification, with the topic it defines and
 * the subject the message is about), the delivery worker, the outbox and the templates page. Other modules
 * import from here only (npm run lint checks it).
 */
import { signInGuessedTopic } from '../../platform/auth/templates/sign-in-guessed.ts';
import type { AppModule } from '../../platform/composition/app-module.ts';
import { notificationPaths } from './notifications-paths.ts';

export type { NotificationChannel } from './notifications-schema.ts';
export {
  type DeliveryRow,
  listDeliveries,
  type NotificationAttachment,
  type NotificationSubject,
  queueNotification,
} from './notifications-service.ts';
export { DeliveryStateTag } from './views/delivery-state-tag.tsx';

export const notificationsModule: AppModule = {
  name: 'notifications',
  routes: [{ load: () => import('./notifications-routes.tsx').then((file) => file.notificationsRoutes) }],
  staffAreas: [
    {
      id: 'notifications.outbox',
      group: 'administration',
      label: {
        'zh-TW': '通知寄送紀錄：寄給民眾與同仁的電子郵件與簡訊（未設定郵件伺服器時的寄件匣）',
        en: 'Notifications sent: e-mail and text messages to citizens and staff (the outbox when no mail server is set)',
      },
      path: notificationPaths.outbox,
      roles: ['admin'],
    },
    {
      id: 'notifications.templates',
      group: 'administration',
      label: {
        'zh-TW': '通知範本：系統寄出的每一種通知內容',
        en: 'Notification templates: the wording of every notification',
      },
      path: notificationPaths.templates,
      roles: ['admin', 'secretariat', 'supervisor'],
    },
  ],
  // The platform's own message: a staff member told that their address is being guessed (staff-alerts.ts).
  notificationTopics: [signInGuessedTopic],
  scans: [
    {
      name: 'staff sign-in alerts',
      // One e-mail per lockout, deduplicated by its audit row: harmless when several processes run it.
      request: async (context) => {
        await (await import('./staff-alerts.ts')).sendSignInAlerts(context);
      },
    },
  ],
  auditActions: [
    {
      action: 'notification_delivery.viewed',
      label: { 'zh-TW': '查閱通知的收件人與全文', en: 'Notification read in full' },
    },
    {
      action: 'notification_template.saved',
      label: {
        'zh-TW': '修改通知範本文字（新版本、回復舊版本或改回內建文字）',
        en: 'Notification wording changed (a new version, an older one restored, or back to the built-in wording)',
      },
    },
  ],
  workers: [
    {
      name: 'notification delivery',
      // SMTP when SMTP_URL is set, else the outbox; SMS through the adapter that only logs.
      async start({ db, jobs, clock, config, files, log }) {
        const { startNotificationWorker } = await import('./notifications-service.ts');
        const { createEmailTransport, loggingSmsSender } = await import('./transports.ts');
        const email = createEmailTransport(config);
        await startNotificationWorker({
          jobs,
          db,
          clock,
          transports: { email, sms: loggingSmsSender(log) },
          // Attachments (a fixed report's after-photo) are read from the same store the app writes to.
          files,
          log,
        });
        return async () => email.close();
      },
    },
  ],
};

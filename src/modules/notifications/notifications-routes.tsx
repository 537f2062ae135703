import { Type } from 'typebox';
import { staffActorContext } from '../../platform/auth/actor-context.ts';
import { recordStaffAudit } from '../../platform/auth/audit-log.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage } from '../../platform/auth/staff-pages.ts';
import type { ModuleRegistry } from '../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { forEachLanguage } from '../../platform/web/i18n.ts';
import { notificationText } from './notifications-messages.ts';
import { notificationPaths } from './notifications-paths.ts';
import { getDelivery, listOutbox } from './notifications-service.ts';
import { OutboxEntryPageView } from './views/outbox-entry-page.tsx';
import { OutboxPageView } from './views/outbox-page.tsx';
import { type TemplateExample, TemplatesPageView } from './views/templates-page.tsx';

const OutboxQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
});

const DeliveryParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
});

/** The outbox (admins: what was sent, or kept because no SMTP is set) and the templates page. */
export async function notificationsRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'notificationTopics'>,
): Promise<void> {
  const { db, config } = deps;

  // Personal data (recipients, message text): no shared or browser cache may keep these pages.
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(notificationPaths.outbox, (url, lang) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: ['admin'] }), schema: { hide: true, querystring: OutboxQuery } },
      async (request, reply) => {
        const result = await listOutbox(db, { page: request.query.page });
        return sendStaffPage(request, reply, {
          title: notificationText(lang, 'outboxTitle'),
          body: <OutboxPageView lang={lang} result={result} isSmtpConfigured={config.smtpUrl !== null} />,
        });
      },
    );
  });

  forEachLanguage(notificationPaths.outboxEntry(':id'), (url, lang) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: ['admin'] }), schema: { hide: true, params: DeliveryParams } },
      async (request, reply) => {
        const { id } = request.params;
        const delivery = isUuid(id) ? await getDelivery(db, id) : null;
        if (!delivery) throw notFound(notificationText(lang, 'notFound'));
        // The full recipient and text are personal data: who read them is part of the trail.
        await recordStaffAudit(db, staffActorContext(request, deps), {
          action: 'notification_delivery.viewed',
          target: { type: 'notification_delivery', id: delivery.id },
        });
        return sendStaffPage(request, reply, {
          title: notificationText(lang, 'entryTitle'),
          breadcrumbs: [{ text: notificationText(lang, 'outboxTitle'), href: notificationPaths.outbox }],
          body: <OutboxEntryPageView lang={lang} delivery={delivery} />,
        });
      },
    );
  });

  forEachLanguage(notificationPaths.templates, (url, lang) => {
    app.get(
      url,
      {
        preHandler: requireStaff({ roles: ['admin', 'secretariat', 'supervisor'] }),
        schema: { hide: true },
      },
      async (request, reply) => {
        const examples: TemplateExample[] = registry.notificationTopics.map((topic) => ({
          topic: topic.topic,
          audience: topic.audience,
          purpose: topic.purpose[lang],
          rendered: { 'zh-TW': topic.renderSample('zh-TW'), en: topic.renderSample('en') },
        }));
        return sendStaffPage(request, reply, {
          title: notificationText(lang, 'templatesTitle'),
          body: <TemplatesPageView lang={lang} examples={examples} />,
        });
      },
    );
  });
}

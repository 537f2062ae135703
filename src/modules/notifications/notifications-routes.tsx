import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../platform/auth/actor-context.ts';
import { recordStaffAudit } from '../../platform/auth/audit-log.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage } from '../../platform/auth/staff-pages.ts';
import type { ModuleRegistry } from '../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { ListedTopic, RenderedMessage } from '../../platform/notify/template-kit.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, languages, localePath } from '../../platform/web/i18n.ts';
import { notificationText } from './notifications-messages.ts';
import { notificationPaths } from './notifications-paths.ts';
import { getDelivery, listOutbox } from './notifications-service.ts';
import { templateEditorForm, templateRestoreForm } from './template-editor-form.ts';
import {
  builtInAsTemplate,
  fieldNameOf,
  fillTexts,
  templateFields,
  templateTextProblems,
  variablesOf,
  variableValues,
} from './template-text.ts';
import {
  currentTemplateVersions,
  listTemplateVersions,
  restoreTemplateVersion,
  saveTemplateVersion,
  type TopicTexts,
} from './template-versions.ts';
import { OutboxEntryPageView } from './views/outbox-entry-page.tsx';
import { OutboxPageView } from './views/outbox-page.tsx';
import {
  TemplateEditorPage,
  type TemplateEditorPageProps,
  type TemplateEditorValues,
  type TemplatePreview,
} from './views/template-editor-page.tsx';
import { type TemplateExample, TemplatesPageView } from './views/templates-page.tsx';

const OutboxQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
});

const TopicParams = Type.Object({ topic: Type.String({ maxLength: 100 }) });
const EditorQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 20 })) });

/** Who edits the wording (issue 17 §5); supervisors keep reading the list. */
const mayEditTemplates = requireStaff({ roles: ['admin', 'secretariat'] });

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
        // Each topic as it is sent now: its newest edited wording, or the built-in one.
        const versions = await currentTemplateVersions(db);
        const examples: TemplateExample[] = registry.notificationTopics.map((topic) => {
          const current = versions.get(topic.topic);
          const texts = current?.texts ?? null;
          const sampleOf = (messageLang: Lang) =>
            texts === null
              ? topic.renderSample(messageLang)
              : fillTexts(texts[messageLang], variableValues(topic, messageLang, topic.sample[messageLang]));
          return {
            topic: topic.topic,
            audience: topic.audience,
            purpose: topic.purpose[lang],
            rendered: { 'zh-TW': sampleOf('zh-TW'), en: sampleOf('en') },
            editedVersion: texts === null ? null : (current?.version ?? null),
          };
        });
        const role = request.staff?.role;
        return sendStaffPage(request, reply, {
          title: notificationText(lang, 'templatesTitle'),
          body: (
            <TemplatesPageView
              lang={lang}
              examples={examples}
              mayEdit={role === 'admin' || role === 'secretariat'}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(notificationPaths.templateEditor(':topic'), (url, lang) => {
    const topicOf = (name: string): ListedTopic => {
      const found = registry.notificationTopics.find((topic) => topic.topic === name);
      if (found === undefined) throw notFound(notificationText(lang, 'templateTopicNotFound'));
      return found;
    };

    /** The page, with the current version, the versions, the variables and what the editor typed. */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      topic: ListedTopic,
      view: Partial<Pick<TemplateEditorPageProps, 'problems' | 'preview' | 'successMessage' | 'conflict'>> & {
        values?: TemplateEditorValues;
      },
      status = 200,
    ) => {
      const versions = await listTemplateVersions(db, topic.topic);
      const current = versions[0] ?? null;
      const problems = view.problems ?? FormProblems.none;
      return sendStaffPage(request, reply, {
        title: `${notificationText(lang, 'editorTitle')}：${topic.purpose[lang]}`,
        status,
        hasError: problems.hasAny,
        breadcrumbs: [{ text: notificationText(lang, 'templatesTitle'), href: notificationPaths.templates }],
        body: (
          <TemplateEditorPage
            lang={lang}
            csrfToken={request.csrfToken}
            topic={topic.topic}
            purpose={topic.purpose[lang]}
            audience={topic.audience}
            current={current}
            versions={versions}
            variables={variablesOf(topic)}
            builtIn={{ 'zh-TW': topic.renderSample('zh-TW'), en: topic.renderSample('en') }}
            values={view.values ?? startingValues(topic, current?.texts ?? null, current?.version ?? 0)}
            isFromBuiltIn={view.values === undefined && (current?.texts ?? null) === null}
            problems={problems}
            preview={view.preview ?? null}
            successMessage={view.successMessage ?? null}
            conflict={view.conflict ?? null}
          />
        ),
      });
    };

    app.get(
      url,
      {
        preHandler: mayEditTemplates,
        schema: { hide: true, params: TopicParams, querystring: EditorQuery },
      },
      async (request, reply) => {
        const topic = topicOf(request.params.topic);
        const saved = request.query.saved;
        return show(request, reply, topic, {
          successMessage:
            saved !== undefined && /^\d{1,9}$/.test(saved)
              ? notificationText(lang, 'editorSaved', { version: saved })
              : null,
        });
      },
    );

    app.post(
      url,
      { preHandler: mayEditTemplates, schema: { hide: true, params: TopicParams, body: postedForm } },
      async (request, reply) => {
        const topic = topicOf(request.params.topic);
        const actor = staffActorContext(request, deps);
        const labels = labelsOf(lang);
        return submitForm({
          form: templateEditorForm,
          body: request.body,
          lang,
          run: async (values) => {
            const texts = textsOf(values);
            if (values.intent === 'preview') {
              const preview = await previewOf(topic, texts, values.previewCase);
              return {
                kind: 'preview' as const,
                preview,
                problems: templateTextProblems(topic, texts, lang),
              };
            }
            const saved = await saveTemplateVersion(db, {
              topic,
              texts,
              note: values.note,
              baseVersion: Number(values.baseVersion || '0'),
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            });
            return { kind: 'saved' as const, version: saved.version };
          },
          done: (result) =>
            result.kind === 'saved'
              ? reply.redirect(
                  `${localePath(lang, notificationPaths.templateEditor(topic.topic))}?saved=${result.version}`,
                  303,
                )
              : show(request, reply, topic, {
                  values: valuesOf(request.body),
                  preview: result.preview,
                  problems: problemsOnPage(result.problems, { lang, labels }),
                }),
          showAgain: (values, outcome) =>
            show(
              request,
              reply,
              topic,
              {
                values: { ...values, baseVersion: values.baseVersion },
                problems: problemsOnPage(outcome.problems, { lang, labels }),
                conflict: outcome.conflict?.message ?? null,
              },
              outcome.status,
            ),
          isConflictShown: true,
        });
      },
    );

    app.post(
      localePath(lang, notificationPaths.templateRestore(':topic')),
      { preHandler: mayEditTemplates, schema: { hide: true, params: TopicParams, body: postedForm } },
      async (request, reply) => {
        const topic = topicOf(request.params.topic);
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: templateRestoreForm,
          body: request.body,
          lang,
          run: async (values) =>
            restoreTemplateVersion(db, {
              topic,
              version: values.version === 'built-in' ? 'built-in' : Number(values.version),
              note: '',
              baseVersion: Number(values.baseVersion || '0'),
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: (saved) =>
            reply.redirect(
              `${localePath(lang, notificationPaths.templateEditor(topic.topic))}?saved=${saved.version}`,
              303,
            ),
          showAgain: (_values, outcome) =>
            show(
              request,
              reply,
              topic,
              {
                problems: problemsOnPage(outcome.problems, { lang, labels: labelsOf(lang) }),
                conflict: outcome.conflict?.message ?? null,
              },
              outcome.status,
            ),
          isConflictShown: true,
        });
      },
    );

    /**
     * The typed wording filled for both languages: with a real case's facts when the topic has a source
     * (masked by it), the sample for the rest.
     */
    const previewOf = async (
      topic: ListedTopic,
      texts: TopicTexts,
      reference: string,
    ): Promise<TemplatePreview> => {
      const messages = {} as Record<Lang, RenderedMessage>;
      let source: string | null = null;
      for (const messageLang of languages) {
        const facts =
          topic.previewFacts === undefined
            ? null
            : await topic.previewFacts(db, {
                reference: reference.trim() === '' ? null : reference.trim(),
                lang: messageLang,
                publicBaseUrl: config.publicBaseUrl,
              });
        if (facts !== null && messageLang === lang) source = facts.source;
        const sample = topic.sample[messageLang];
        const data = {
          ...(typeof sample === 'object' && sample !== null ? sample : {}),
          ...(facts?.values ?? {}),
        };
        messages[messageLang] = fillTexts(texts[messageLang], variableValues(topic, messageLang, data));
      }
      return { source, messages };
    };
  });
}

/** What the editor starts from: the newest edited wording, or the built-in one written with variables. */
function startingValues(topic: ListedTopic, texts: TopicTexts | null, version: number): TemplateEditorValues {
  const from = texts ?? { 'zh-TW': builtInAsTemplate(topic, 'zh-TW'), en: builtInAsTemplate(topic, 'en') };
  return {
    subjectZh: from['zh-TW'].subject,
    textZh: from['zh-TW'].text,
    smsZh: from['zh-TW'].sms,
    subjectEn: from.en.subject,
    textEn: from.en.text,
    smsEn: from.en.sms,
    note: '',
    previewCase: '',
    baseVersion: String(version),
  };
}

function textsOf(values: TemplateEditorValues): TopicTexts {
  return {
    'zh-TW': { subject: values.subjectZh, text: values.textZh, sms: values.smsZh },
    en: { subject: values.subjectEn, text: values.textEn, sms: values.smsEn },
  };
}

/** The posted values as typed (a preview shows the page again with them). */
function valuesOf(body: unknown): TemplateEditorValues {
  const posted = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const read = (name: keyof TemplateEditorValues) => {
    const value = posted[name];
    return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
  };
  return {
    subjectZh: read('subjectZh'),
    textZh: read('textZh'),
    smsZh: read('smsZh'),
    subjectEn: read('subjectEn'),
    textEn: read('textEn'),
    smsEn: read('smsEn'),
    note: read('note'),
    previewCase: read('previewCase'),
    baseVersion: read('baseVersion'),
  };
}

/** The fields' labels in the error summary: 「中文 · 主旨：…」. */
function labelsOf(lang: Lang): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const messageLang of languages)
    for (const field of templateFields) {
      const name = fieldNameOf(messageLang, field) as keyof typeof templateEditorForm.labels;
      labels[name] = templateEditorForm.labels[name][lang];
    }
  return labels;
}

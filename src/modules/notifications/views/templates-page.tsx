import type { RenderedMessage } from '../../../platform/notify/template-kit.ts';
import { htmlLang, type Lang, languages, localePath } from '../../../platform/web/i18n.ts';
import { type NotificationTextKey, notificationText } from '../notifications-messages.ts';
import { notificationPaths } from '../notifications-paths.ts';
import { MessageText } from './message-text.tsx';

export interface TemplateExample {
  topic: string;
  audience: 'applicant' | 'staff';
  purpose: string;
  rendered: Record<Lang, RenderedMessage>;
  /** The edited wording's version sent now; null: the built-in wording. */
  editedVersion: number | null;
}

/**
 * /staff/notification-templates: each template as it is sent now (its edited wording, or the built-in one)
 * filled with its sample, in both languages; a link to its editor for those who may edit (issue 17).
 */
export function TemplatesPageView({
  lang,
  examples,
  mayEdit,
}: {
  lang: Lang;
  examples: TemplateExample[];
  mayEdit: boolean;
}) {
  const text = (key: NotificationTextKey) => notificationText(lang, key);
  return (
    <>
      <h1 class="govuk-heading-l">{text('templatesTitle')}</h1>
      <p class="govuk-body">{text('templatesIntro')}</p>
      <ul class="govuk-list">
        {examples.map((example) => (
          <li key={example.topic}>
            <a class="govuk-link" href={`#template-${example.topic.replaceAll('.', '-')}`}>
              {example.purpose}
            </a>
          </li>
        ))}
      </ul>
      {examples.map((example) => (
        <section
          key={example.topic}
          id={`template-${example.topic.replaceAll('.', '-')}`}
          class="onewindow-template"
          data-topic={example.topic}
        >
          <h2 class="govuk-heading-m">{example.purpose}</h2>
          <p class="govuk-body-s">
            {text('templateTopicLabel')}: <code>{example.topic}</code> ·{' '}
            {example.audience === 'staff' ? text('templateAudienceStaff') : text('templateAudienceApplicant')}
            {example.editedVersion === null ? null : (
              <>
                {' '}
                <strong class="govuk-tag" data-edited-version={example.editedVersion}>
                  {notificationText(lang, 'templateEditedTag', { version: example.editedVersion })}
                </strong>
              </>
            )}
          </p>
          {mayEdit ? (
            <p class="govuk-body">
              <a
                class="govuk-link"
                href={localePath(lang, notificationPaths.templateEditor(example.topic))}
                data-edit-link
              >
                {text('templateEditLink')}
                <span class="govuk-visually-hidden">: {example.purpose}</span>
              </a>
            </p>
          ) : null}
          {languages.map((messageLang) => {
            const message = example.rendered[messageLang];
            const languageName = messageLang === 'en' ? text('languageEn') : text('languageZh');
            return (
              <div key={messageLang} data-lang={messageLang}>
                <h3 class="govuk-heading-s">
                  {languageName} · {text('templateEmailHeading')}
                </h3>
                <p class="govuk-body" lang={htmlLang(messageLang)}>
                  <strong data-subject>{message.subject}</strong>
                </p>
                <MessageText text={message.text} lang={htmlLang(messageLang)} data-body />
                <h3 class="govuk-heading-s">
                  {languageName} · {text('templateSmsHeading')}
                </h3>
                <MessageText text={message.sms} lang={htmlLang(messageLang)} data-sms />
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}

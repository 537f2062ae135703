import type { RenderedMessage } from '../../../platform/notify/template-kit.ts';
import { htmlLang, type Lang, languages } from '../../../platform/web/i18n.ts';
import { type NotificationTextKey, notificationText } from '../notifications-messages.ts';
import { MessageText } from './message-text.tsx';

export interface TemplateExample {
  topic: string;
  audience: 'applicant' | 'staff';
  purpose: string;
  rendered: Record<Lang, RenderedMessage>;
}

/** /staff/notification-templates: each template filled with its sample, in both languages. */
export function TemplatesPageView({ lang, examples }: { lang: Lang; examples: TemplateExample[] }) {
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
          </p>
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

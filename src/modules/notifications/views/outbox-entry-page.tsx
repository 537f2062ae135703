import { formatTaipeiDateTime } from '../../../platform/web/format-date.ts';
import { htmlLang, type Lang } from '../../../platform/web/i18n.ts';
import { channelNames, type NotificationTextKey, notificationText } from '../notifications-messages.ts';
import type { DeliveryRow } from '../notifications-service.ts';
import { DeliveryStateTag } from './delivery-state-tag.tsx';
import { MessageText } from './message-text.tsx';

/** /staff/outbox/:id: one delivery with its full text, as it was (or will be) sent. */
export function OutboxEntryPageView({ lang, delivery }: { lang: Lang; delivery: DeliveryRow }) {
  const text = (key: NotificationTextKey) => notificationText(lang, key);
  const row = (key: NotificationTextKey, value: preact.ComponentChildren, id?: string) => (
    <div class="govuk-summary-list__row" data-row={id}>
      <dt class="govuk-summary-list__key">{text(key)}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <>
      <h1 class="govuk-heading-l">{text('entryTitle')}</h1>
      <dl class="govuk-summary-list">
        {row('rowSubject', delivery.subject, 'subject')}
        {row('rowRecipient', delivery.recipient, 'recipient')}
        {row('rowTopic', <code>{delivery.topic}</code>)}
        {row(
          'rowTemplateVersion',
          delivery.templateVersion === null
            ? text('templateVersionBuiltIn')
            : notificationText(lang, 'templateVersionNumber', { version: delivery.templateVersion }),
          'template-version',
        )}
        {row('rowChannel', channelNames[lang][delivery.channel])}
        {row('rowLanguage', delivery.lang === 'en' ? text('languageEn') : text('languageZh'))}
        {row('rowState', <DeliveryStateTag lang={lang} state={delivery.state} />, 'state')}
        {row('rowAttempts', String(delivery.attempts), 'attempts')}
        {row('rowCreated', formatTaipeiDateTime(delivery.createdAt))}
        {delivery.sentAt ? row('rowSent', formatTaipeiDateTime(delivery.sentAt)) : null}
        {delivery.nextAttemptAt ? row('rowNextAttempt', formatTaipeiDateTime(delivery.nextAttemptAt)) : null}
        {delivery.lastError ? row('rowLastError', delivery.lastError, 'last-error') : null}
        {delivery.subjectType === null
          ? null
          : row('rowAbout', <code>{`${delivery.subjectType} ${delivery.subjectId ?? ''}`}</code>)}
      </dl>
      <h2 class="govuk-heading-m">{text('bodyHeading')}</h2>
      <MessageText text={delivery.bodyText} lang={htmlLang(delivery.lang)} data-body />
    </>
  );
}

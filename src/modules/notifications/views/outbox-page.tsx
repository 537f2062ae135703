import { Pagination } from '../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatTaipeiDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { channelNames, type NotificationTextKey, notificationText } from '../notifications-messages.ts';
import { notificationPaths } from '../notifications-paths.ts';
import type { OutboxPage } from '../notifications-service.ts';
import { DeliveryStateTag } from './delivery-state-tag.tsx';

export interface OutboxPageView {
  lang: Lang;
  result: OutboxPage;
  isSmtpConfigured: boolean;
}

/** /staff/outbox: every delivery, newest first, recipients masked; each row opens the full text. */
export function OutboxPageView({ lang, result, isSmtpConfigured }: OutboxPageView) {
  const text = (key: NotificationTextKey, values?: Record<string, string | number>) =>
    notificationText(lang, key, values);
  const pageLink = (page: number) => `${localePath(lang, notificationPaths.outbox)}?page=${page}`;
  return (
    <>
      <h1 class="govuk-heading-l">{text('outboxTitle')}</h1>
      <p class="govuk-body">{text('outboxIntro')}</p>
      {isSmtpConfigured ? null : (
        <div class="govuk-inset-text" data-outbox-notice>
          {text('outboxNotConfigured')}
        </div>
      )}
      {result.rows.length === 0 ? (
        <p class="govuk-body">{text('outboxEmpty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            {text('pageLabel', { page: result.page })}
          </caption>
          <TableHead
            columns={(
              [
                'columnTime',
                'columnTopic',
                'columnChannel',
                'columnRecipient',
                'columnSubject',
                'columnState',
              ] as const
            ).map((key) => text(key))}
          />
          <tbody class="govuk-table__body">
            {result.rows.map((row) => (
              <tr class="govuk-table__row" key={row.id} data-delivery-id={row.id}>
                <td class="govuk-table__cell">{formatTaipeiDateTime(row.createdAt)}</td>
                <td class="govuk-table__cell">
                  <code>{row.topic}</code>
                </td>
                <td class="govuk-table__cell">{channelNames[lang][row.channel]}</td>
                <td class="govuk-table__cell">{row.recipient}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={localePath(lang, notificationPaths.outboxEntry(row.id))}>
                    {row.subject}
                  </a>
                </td>
                <td class="govuk-table__cell">
                  <DeliveryStateTag lang={lang} state={row.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination lang={lang} page={result.page} hasNextPage={result.hasNextPage} href={pageLink} />
    </>
  );
}

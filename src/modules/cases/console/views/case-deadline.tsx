import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { deadlineText } from '../../../catalogue/index.ts';
import { answeredInTime } from '../../core/case-deadline.ts';
import { type CasePageTextKey, casePageText as text } from '../case-page-messages.ts';
import type { CasePageModel } from '../case-page-model.ts';
import { CasePageTable } from './case-page-table.tsx';
import { formatDate, formatDateTime } from './console-format.ts';
import { Section, StatusTag } from './console-parts.tsx';

/** The date the applicant was given (the summary at the top, and the deadline section). */
export function ExpectedDateRow({ model }: { model: CasePageModel }) {
  const { lang } = model;
  const expected = model.detail.row.expectedCompletionDate;
  return (
    <SummaryRow label={text(lang, 'deadlineExpected')}>
      {expected === null ? text(lang, 'deadlineNone') : formatDate(lang, expected)}
    </SummaryRow>
  );
}

/** A finished or answered case: whether it was answered by its expected date (nothing while it is open). */
function InTimeRow({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const row = detail.row;
  if (detail.status !== 'answered' && detail.status !== 'finished') return null;
  const inTime = answeredInTime(row);
  const answeredAt = row.resolvedAt ?? row.closedAt;
  if (inTime === null || answeredAt === null || row.expectedCompletionDate === null) return null;
  return (
    <SummaryRow label={text(lang, 'deadlineInTime')}>
      <span data-in-time={inTime ? 'yes' : 'no'}>
        {text(lang, inTime ? 'deadlineInTimeYes' : 'deadlineInTimeNo', {
          date: formatDate(lang, answeredAt),
          expected: formatDate(lang, row.expectedCompletionDate),
        })}
      </span>
    </SummaryRow>
  );
}

/** The case page's deadline: the rule, the dates, the pauses and every extension asked for. */

export function Deadline({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const row = detail.row;
  const isHours = row.deadlineRule.kind === 'hours';
  // Resolving opens a pause that lasts until a reopening: on an answered or finished case it is not a wait.
  const isAnswered = detail.status === 'answered' || detail.status === 'finished';
  const amount = (value: number) =>
    text(lang, isHours ? 'deadlineExtendedHours' : 'deadlineExtendedDays', { amount: value });
  return (
    <Section id="deadline" title={text(lang, 'sectionDeadline')}>
      <dl class="govuk-summary-list">
        <SummaryRow label={text(lang, 'deadlineRule')}>{deadlineText(row.deadlineRule, lang)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowReceived')}>{formatDateTime(lang, row.receivedAt)}</SummaryRow>
        <SummaryRow label={text(lang, 'deadlineDue')}>
          {row.dueAt !== null
            ? formatDateTime(lang, row.dueAt)
            : detail.status === 'paused'
              ? text(lang, 'deadlinePaused')
              : detail.status === 'answered' || detail.status === 'finished'
                ? text(lang, 'deadlineStopped')
                : text(lang, 'deadlineNone')}
        </SummaryRow>
        <ExpectedDateRow model={model} />
        <SummaryRow label={text(lang, 'deadlineStatus')}>
          <StatusTag lang={lang} status={detail.status} />
        </SummaryRow>
        <InTimeRow model={model} />
        {row.extensionAmount > 0 ? (
          <SummaryRow label={text(lang, 'deadlineExtended')}>{amount(row.extensionAmount)}</SummaryRow>
        ) : null}
      </dl>
      <h3 class="govuk-heading-s">{text(lang, 'pausesHeading')}</h3>
      {row.pauses.length === 0 ? (
        <p class="govuk-body">{text(lang, 'pausesEmpty')}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {row.pauses.map((pause) => (
            <li key={pause.from}>
              {pause.to === null
                ? text(lang, isAnswered ? 'pauseOpenAnswered' : 'pauseOpen', {
                    from: formatDateTime(lang, new Date(pause.from)),
                  })
                : text(lang, 'pauseClosed', {
                    from: formatDateTime(lang, new Date(pause.from)),
                    to: formatDateTime(lang, new Date(pause.to)),
                  })}
            </li>
          ))}
        </ul>
      )}
      <h3 class="govuk-heading-s">{text(lang, 'extensionsHeading')}</h3>
      <CasePageTable
        lang={lang}
        id="extensions"
        rows={detail.extensions}
        emptyKey="extensionsEmpty"
        rowData={(extension) => ({ 'data-extension-state': extension.state })}
        columns={[
          {
            head: 'extensionColumnRequested',
            cell: (extension) => (
              <>
                {formatDateTime(lang, extension.requestedAt)}
                <br />
                {model.staffNames.get(extension.requestedBy) ?? ''}
              </>
            ),
          },
          { head: 'extensionColumnAmount', cell: (extension) => amount(extension.amount) },
          { head: 'extensionColumnReason', cell: (extension) => extension.reason },
          {
            head: 'extensionColumnState',
            cell: (extension) => (
              <strong
                class={`govuk-tag ${extension.state === 'approved' ? 'govuk-tag--green' : extension.state === 'refused' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}
              >
                {text(lang, extensionStateKey(extension.state))}
              </strong>
            ),
          },
          {
            head: 'extensionColumnDecision',
            cell: (extension) => (
              <>
                {extension.decidedAt === null
                  ? ''
                  : text(lang, 'extensionDecidedBy', {
                      name: model.staffNames.get(extension.decidedBy ?? '') ?? '—',
                      time: formatDateTime(lang, extension.decidedAt),
                    })}
                {extension.decisionNote ? (
                  <>
                    <br />
                    <strong class="govuk-tag govuk-tag--grey">{text(lang, 'internalTag')}</strong>{' '}
                    {extension.decisionNote}
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

function extensionStateKey(state: string): CasePageTextKey {
  if (state === 'approved') return 'extension_approved';
  if (state === 'refused') return 'extension_refused';
  return 'extension_pending';
}

import type { ComponentChildren } from 'preact';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText } from '../../../catalogue/index.ts';
import { casePaths } from '../../core/case-paths.ts';
import { type CaseState, isCaseEvent, isCaseState } from '../../core/case-workflow.ts';
import type { CaseDetail } from '../../core/cases-service.ts';
import { type ConsoleTextKey, consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import { CaseActions, eventName } from './case-page-actions.tsx';
import type { CasePageModel } from './case-page-types.ts';
import { Banner, ConsoleNav, ErrorSummary, StatusTag, SummaryRow, stateName } from './console-components.tsx';
import { formatBytes, formatDate, formatDateTime } from './console-format.ts';

/**
 * The case page: everything staff need to answer the applicant or act — details with the applicant's
 * full data (the view is audited), form answers, checklist, attachments, the deadline, the actions this
 * person may take now, the whole timeline (internal notes marked) and the notices sent.
 */

/** Text as the person typed it: one paragraph per line break. */
function Paragraphs({ value, className = 'govuk-body' }: { value: string; className?: string }) {
  const lines = value.split(/\r?\n/);
  return (
    <>
      {lines.map((line, index) => (
        <p key={index} class={`${className} govuk-!-margin-bottom-1`}>
          {line}
        </p>
      ))}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function orNotGiven(lang: Lang, value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? text(lang, 'notGiven') : value;
}

function formatPhone(phone: string): string {
  if (/^09\d{8}$/.test(phone)) return `${phone.slice(0, 4)}-${phone.slice(4, 7)}-${phone.slice(7)}`;
  return phone;
}

function Details({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const row = detail.row;
  const serviceName = lang === 'en' ? detail.serviceNameEn : detail.serviceNameZh;
  const mergedInto = detail.timeline.find((event) => event.kind === 'merge')?.data.mergedInto;
  return (
    <Section id="details" title={text(lang, 'sectionDetails')}>
      <dl class="govuk-summary-list">
        <SummaryRow label={text(lang, 'rowService')}>
          {text(lang, 'serviceWithVersion', { name: serviceName, version: row.serviceVersion })}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowKind')}>{kindName(lang, row.kind)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowChannel')}>{channelName(lang, row.channel)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowUnit')}>
          {lang === 'en' ? detail.unit.nameEn : detail.unit.nameZh}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowHandler')}>
          {detail.handler?.displayName ?? text(lang, 'unassigned')}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowDistrict')}>{orNotGiven(lang, model.districtName)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowAddress')}>{orNotGiven(lang, row.address)}</SummaryRow>
        {row.latitude !== null && row.longitude !== null ? (
          <SummaryRow label={text(lang, 'rowCoordinates')}>
            {`${row.latitude.toFixed(6)}, ${row.longitude.toFixed(6)}`}
          </SummaryRow>
        ) : null}
        <SummaryRow label={text(lang, 'rowReceived')}>{formatDateTime(lang, row.receivedAt)}</SummaryRow>
        {row.forwardedTo === null ? null : (
          <SummaryRow label={text(lang, 'rowForwardedTo')}>{row.forwardedTo}</SummaryRow>
        )}
        {typeof mergedInto === 'string' ? (
          <SummaryRow label={text(lang, 'rowMergedInto')}>
            <a class="govuk-link" href={localePath(lang, casePaths.casePage(mergedInto))}>
              {mergedInto}
            </a>
          </SummaryRow>
        ) : null}
        {row.resolution === null ? null : (
          <SummaryRow label={text(lang, 'rowResolution')}>
            <Paragraphs value={row.resolution} />
          </SummaryRow>
        )}
      </dl>
    </Section>
  );
}

const kindKeys: Readonly<Record<string, ConsoleTextKey>> = {
  application: 'kind_application',
  field_report: 'kind_field_report',
  petition: 'kind_petition',
  inquiry: 'kind_inquiry',
};
const channelKeys: Readonly<Record<string, ConsoleTextKey>> = {
  counter: 'channel_counter',
  web: 'channel_web',
  phone: 'channel_phone',
  email: 'channel_email',
  hotline_1999: 'channel_hotline_1999',
  api: 'channel_api',
};

function kindName(lang: Lang, kind: string): string {
  const key = kindKeys[kind];
  return key === undefined ? kind : text(lang, key);
}

function channelName(lang: Lang, channel: string): string {
  const key = channelKeys[channel];
  return key === undefined ? channel : text(lang, key);
}

function Applicant({ model }: { model: CasePageModel }) {
  const { lang } = model;
  const row = model.detail.row;
  return (
    <Section id="applicant" title={text(lang, 'sectionApplicant')}>
      <dl class="govuk-summary-list">
        <SummaryRow label={text(lang, 'rowApplicantType')}>
          {text(lang, row.applicantType === 'company' ? 'applicantCompany' : 'applicantPerson')}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowApplicantName')}>{row.applicantName}</SummaryRow>
        {row.applicantType === 'company' ? (
          <SummaryRow label={text(lang, 'rowCompany')}>{orNotGiven(lang, row.applicantCompany)}</SummaryRow>
        ) : null}
        <SummaryRow label={text(lang, 'rowPhone')}>
          {row.applicantPhone === null ? text(lang, 'notGiven') : formatPhone(row.applicantPhone)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowEmail')}>{orNotGiven(lang, row.applicantEmail)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowApplicantAddress')}>
          {orNotGiven(lang, row.applicantAddress)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowApplicantLang')}>
          {text(lang, row.applicantLang === 'en' ? 'langEn' : 'langZh')}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowConsent')}>{formatDateTime(lang, row.consentAt)}</SummaryRow>
      </dl>
    </Section>
  );
}

function Request({ model }: { model: CasePageModel }) {
  const { lang, service } = model;
  const row = model.detail.row;
  const fields = (service?.formFields ?? []).filter(
    (field) => field.type !== 'file' && field.type !== 'location',
  );
  const known = new Set(fields.map((field) => field.id));
  const extra = Object.entries(row.formData).filter(([id]) => !known.has(id));
  return (
    <Section id="request" title={text(lang, 'sectionRequest')}>
      <dl class="govuk-summary-list">
        <SummaryRow label={text(lang, 'rowSubject')}>{row.subject}</SummaryRow>
        <SummaryRow label={text(lang, 'rowDescription')}>
          <Paragraphs value={row.description} />
        </SummaryRow>
      </dl>
      <h3 class="govuk-heading-s">{text(lang, 'sectionForm')}</h3>
      {fields.length === 0 && extra.length === 0 ? (
        <p class="govuk-body">{text(lang, 'formEmpty')}</p>
      ) : (
        <dl class="govuk-summary-list" id="form-answers">
          {fields.map((field) => {
            const answer = row.formData[field.id] ?? '';
            const shown =
              field.type === 'choice' ? field.options.find((option) => option.value === answer) : undefined;
            const value = shown === undefined ? answer : lang === 'en' ? shown.labelEn : shown.labelZh;
            return (
              <SummaryRow key={field.id} label={lang === 'en' ? field.labelEn : field.labelZh}>
                {value === '' ? text(lang, 'answerEmpty') : value}
              </SummaryRow>
            );
          })}
          {extra.map(([id, value]) => (
            <SummaryRow key={id} label={id}>
              {value}
            </SummaryRow>
          ))}
        </dl>
      )}
    </Section>
  );
}

function Checklist({ model }: { model: CasePageModel }) {
  const { lang, service } = model;
  const received = new Set(model.detail.row.checklistReceived);
  const items = service?.checklist ?? [];
  return (
    <Section id="checklist" title={text(lang, 'sectionChecklist')}>
      {items.length === 0 ? (
        <p class="govuk-body">{text(lang, 'checklistEmpty')}</p>
      ) : (
        <ul class="govuk-list govuk-list--spaced">
          {items.map((item) => {
            const isReceived = received.has(item.id);
            return (
              <li key={item.id} data-checklist-item={item.id} data-received={String(isReceived)}>
                <strong
                  class={`govuk-tag ${isReceived ? 'govuk-tag--green' : item.isRequired ? 'govuk-tag--red' : 'govuk-tag--grey'}`}
                >
                  {text(lang, isReceived ? 'checklistReceived' : 'checklistMissing')}
                </strong>{' '}
                {lang === 'en' ? item.nameEn : item.nameZh}
                {item.isElectronicallyVerifiable ? text(lang, 'checklistElectronic') : ''}
                {item.isRequired ? '' : text(lang, 'checklistOptional')}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function Attachments({ model }: { model: CasePageModel }) {
  const { lang, service } = model;
  const itemNames = new Map(
    (service?.checklist ?? []).map((item) => [item.id, lang === 'en' ? item.nameEn : item.nameZh]),
  );
  return (
    <Section id="attachments" title={text(lang, 'sectionAttachments')}>
      {model.attachments.length === 0 ? (
        <p class="govuk-body">{text(lang, 'attachmentsEmpty')}</p>
      ) : (
        <table class="govuk-table">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {text(lang, 'attachmentColumnName')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'attachmentColumnItem')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'attachmentColumnType')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'attachmentColumnSize')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'attachmentColumnUploaded')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {model.attachments.map((attachment) => (
              <tr key={attachment.id} class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a
                    class="govuk-link"
                    href={localePath(
                      lang,
                      consolePaths.attachment(model.detail.row.caseNumber, attachment.id),
                    )}
                  >
                    {attachment.fileName}
                  </a>
                </td>
                <td class="govuk-table__cell">
                  {attachment.checklistItemId === null
                    ? ''
                    : (itemNames.get(attachment.checklistItemId) ?? attachment.checklistItemId)}
                </td>
                <td class="govuk-table__cell">{attachment.mediaType}</td>
                <td class="govuk-table__cell">{formatBytes(lang, attachment.sizeBytes)}</td>
                <td class="govuk-table__cell">{formatDateTime(lang, attachment.uploadedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Deadline({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const row = detail.row;
  const isHours = row.deadlineRule.kind === 'hours';
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
              : text(lang, 'deadlineNone')}
        </SummaryRow>
        <SummaryRow label={text(lang, 'deadlineExpected')}>
          {row.expectedCompletionDate === null
            ? text(lang, 'deadlineNone')
            : formatDate(lang, row.expectedCompletionDate)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'deadlineStatus')}>
          <StatusTag lang={lang} status={detail.status} />
        </SummaryRow>
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
                ? text(lang, 'pauseOpen', { from: formatDateTime(lang, new Date(pause.from)) })
                : text(lang, 'pauseClosed', {
                    from: formatDateTime(lang, new Date(pause.from)),
                    to: formatDateTime(lang, new Date(pause.to)),
                  })}
            </li>
          ))}
        </ul>
      )}
      <h3 class="govuk-heading-s">{text(lang, 'extensionsHeading')}</h3>
      {detail.extensions.length === 0 ? (
        <p class="govuk-body">{text(lang, 'extensionsEmpty')}</p>
      ) : (
        <table class="govuk-table" id="extensions">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {text(lang, 'extensionColumnRequested')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'extensionColumnAmount')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'extensionColumnReason')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'extensionColumnState')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'extensionColumnDecision')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {detail.extensions.map((extension) => (
              <tr key={extension.id} class="govuk-table__row" data-extension-state={extension.state}>
                <td class="govuk-table__cell">
                  {formatDateTime(lang, extension.requestedAt)}
                  <br />
                  {model.staffNames.get(extension.requestedBy) ?? ''}
                </td>
                <td class="govuk-table__cell">{amount(extension.amount)}</td>
                <td class="govuk-table__cell">{extension.reason}</td>
                <td class="govuk-table__cell">
                  <strong
                    class={`govuk-tag ${extension.state === 'approved' ? 'govuk-tag--green' : extension.state === 'refused' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}
                  >
                    {text(lang, extensionStateKey(extension.state))}
                  </strong>
                </td>
                <td class="govuk-table__cell">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function extensionStateKey(state: string): ConsoleTextKey {
  if (state === 'approved') return 'extension_approved';
  if (state === 'refused') return 'extension_refused';
  return 'extension_pending';
}

const bookkeepingKinds: Readonly<Record<string, ConsoleTextKey>> = {
  created: 'timelineKind_created',
  assigned: 'timelineKind_assigned',
  extension_requested: 'timelineKind_extension_requested',
  extension_approved: 'timelineKind_extension_approved',
  extension_refused: 'timelineKind_extension_refused',
  note: 'timelineKind_note',
};

function timelineKindName(lang: Lang, kind: string): string {
  if (isCaseEvent(kind)) return eventName(lang, kind);
  const key = bookkeepingKinds[kind];
  return key === undefined ? kind : text(lang, key);
}

function actorName(lang: Lang, label: string): string {
  if (label === 'applicant') return text(lang, 'actorApplicant');
  if (label === 'system') return text(lang, 'actorSystem');
  return label;
}

/** The structured facts of a timeline row in words (who it was assigned to, where it went …). */
function timelineFacts(
  lang: Lang,
  event: CaseDetail['timeline'][number],
  unitNames: ReadonlyMap<string, string>,
  isHours: boolean,
): string[] {
  const data = event.data;
  const facts: string[] = [];
  const str = (value: unknown) => (typeof value === 'string' ? value : null);
  if (event.kind === 'assigned' && str(data.handlerName) !== null)
    facts.push(text(lang, 'timelineAssignedTo', { name: str(data.handlerName) ?? '' }));
  if (event.kind === 'transfer' && str(data.fromUnit) !== null && str(data.toUnit) !== null) {
    const from = str(data.fromUnit) ?? '';
    const to = str(data.toUnit) ?? '';
    facts.push(
      text(lang, 'timelineTransferred', { from: unitNames.get(from) ?? from, to: unitNames.get(to) ?? to }),
    );
  }
  if (event.kind === 'forward' && str(data.agency) !== null)
    facts.push(text(lang, 'timelineForwardedTo', { agency: str(data.agency) ?? '' }));
  if (event.kind === 'merge' && str(data.mergedInto) !== null)
    facts.push(text(lang, 'timelineMergedInto', { caseNumber: str(data.mergedInto) ?? '' }));
  if (event.kind === 'note' && str(data.mergedFrom) !== null)
    facts.push(text(lang, 'timelineMergedFrom', { caseNumber: str(data.mergedFrom) ?? '' }));
  if (event.kind.startsWith('extension_') && typeof data.amount === 'number')
    facts.push(
      text(lang, isHours ? 'timelineExtensionHours' : 'timelineExtensionDays', { amount: data.amount }),
    );
  if (event.kind === 'extension_approved' && str(data.expectedCompletionDate) !== null)
    facts.push(
      text(lang, 'timelineNewDate', { date: formatDate(lang, str(data.expectedCompletionDate) ?? '') }),
    );
  return facts;
}

function stateOrRaw(lang: Lang, state: string | null): string {
  if (state === null) return '';
  return isCaseState(state) ? stateName(lang, state as CaseState) : state;
}

function Timeline({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const isHours = detail.row.deadlineRule.kind === 'hours';
  return (
    <Section id="timeline" title={text(lang, 'sectionTimeline')}>
      {detail.timeline.length === 0 ? (
        <p class="govuk-body">{text(lang, 'timelineEmpty')}</p>
      ) : (
        <table class="govuk-table" id="timeline-table">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {text(lang, 'timelineColumnTime')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'timelineColumnActor')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'timelineColumnEvent')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'timelineColumnStates')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'timelineColumnNotes')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {detail.timeline.map((event) => {
              const facts = timelineFacts(lang, event, model.unitNames, isHours);
              return (
                <tr key={event.id} class="govuk-table__row" data-timeline-kind={event.kind}>
                  <td class="govuk-table__cell">
                    <time dateTime={event.occurredAt.toISOString()}>
                      {formatDateTime(lang, event.occurredAt)}
                    </time>
                  </td>
                  <td class="govuk-table__cell">{actorName(lang, event.actorLabel)}</td>
                  <td class="govuk-table__cell">{timelineKindName(lang, event.kind)}</td>
                  <td class="govuk-table__cell">
                    {event.fromState === null && event.toState === null
                      ? ''
                      : event.fromState === null
                        ? stateOrRaw(lang, event.toState)
                        : `${stateOrRaw(lang, event.fromState)} → ${stateOrRaw(lang, event.toState)}`}
                  </td>
                  <td class="govuk-table__cell">
                    {facts.map((fact) => (
                      <p key={fact} class="govuk-body-s govuk-!-margin-bottom-1">
                        {fact}
                      </p>
                    ))}
                    {event.publicNote ? (
                      <p class="govuk-body-s govuk-!-margin-bottom-1" data-note="public">
                        {text(lang, 'timelinePublic')}
                        {event.publicNote}
                      </p>
                    ) : null}
                    {event.internalNote ? (
                      <p class="govuk-body-s govuk-!-margin-bottom-1" data-note="internal">
                        <strong class="govuk-tag govuk-tag--grey">{text(lang, 'internalTag')}</strong>{' '}
                        {event.internalNote}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}

const deliveryStateKeys: Readonly<Record<string, ConsoleTextKey>> = {
  queued: 'deliveryState_queued',
  sent: 'deliveryState_sent',
  failed: 'deliveryState_failed',
  outbox: 'deliveryState_outbox',
};
const deliveryStateColours: Readonly<Record<string, string>> = {
  queued: 'govuk-tag--yellow',
  sent: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  outbox: 'govuk-tag--grey',
};

function Deliveries({ model }: { model: CasePageModel }) {
  const { lang } = model;
  return (
    <Section id="deliveries" title={text(lang, 'sectionDeliveries')}>
      {model.deliveries.length === 0 ? (
        <p class="govuk-body">{text(lang, 'deliveriesEmpty')}</p>
      ) : (
        <table class="govuk-table" id="deliveries-table">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnTime')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnSubject')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnChannel')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnRecipient')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnState')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnAttempts')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'deliveryColumnError')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {model.deliveries.map((delivery) => (
              <tr key={delivery.id} class="govuk-table__row" data-delivery-topic={delivery.topic}>
                <td class="govuk-table__cell">{formatDateTime(lang, delivery.createdAt)}</td>
                <td class="govuk-table__cell">{delivery.subject}</td>
                <td class="govuk-table__cell">
                  {text(lang, delivery.channel === 'sms' ? 'deliveryChannel_sms' : 'deliveryChannel_email')}
                </td>
                <td class="govuk-table__cell">{delivery.recipient}</td>
                <td class="govuk-table__cell">
                  <strong class={`govuk-tag ${deliveryStateColours[delivery.state] ?? 'govuk-tag--grey'}`}>
                    {deliveryStateKeys[delivery.state] === undefined
                      ? delivery.state
                      : text(lang, deliveryStateKeys[delivery.state] ?? 'none')}
                  </strong>
                </td>
                <td class="govuk-table__cell">{delivery.attempts}</td>
                <td class="govuk-table__cell">{delivery.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function ConflictBanner({ model }: { model: CasePageModel }) {
  const { lang, conflict, active } = model;
  if (conflict === null) return null;
  const typed =
    active === null ? [] : Object.entries(active.values).filter(([, value]) => value.trim() !== '');
  return (
    <Banner id="conflict" kind="important" isAlert title={text(lang, 'conflictTitle')}>
      <p class="govuk-notification-banner__heading" data-conflict="true">
        {conflict.message}
      </p>
      {conflict.isStillAvailable ? (
        <p class="govuk-body">{text(lang, 'conflictKept')}</p>
      ) : (
        <>
          <p class="govuk-body">{text(lang, 'conflictGone')}</p>
          {typed.length > 0 ? (
            <dl class="govuk-summary-list" aria-label={text(lang, 'conflictTyped')}>
              {typed.map(([name, value]) => (
                <SummaryRow key={name} label={typedLabel(lang, name)}>
                  <Paragraphs value={value} />
                </SummaryRow>
              ))}
            </dl>
          ) : null}
        </>
      )}
    </Banner>
  );
}

const typedLabelKeys: Readonly<Record<string, ConsoleTextKey>> = {
  publicNote: 'inputPublicNote',
  internalNote: 'inputInternalNote',
  resolution: 'inputResolution',
  reason: 'inputReason',
  targetUnit: 'inputTargetUnit',
  targetAgency: 'inputTargetAgency',
  targetCase: 'inputTargetCase',
  amount: 'extensionAmountDays',
  note: 'decideNote',
  handlerId: 'assignHandler',
};

function typedLabel(lang: Lang, name: string): string {
  const key = typedLabelKeys[name];
  return key === undefined ? name : text(lang, key);
}

export function CasePage({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const row = detail.row;
  const contents: [string, ConsoleTextKey][] = [
    ['details', 'sectionDetails'],
    ['applicant', 'sectionApplicant'],
    ['request', 'sectionRequest'],
    ['checklist', 'sectionChecklist'],
    ['attachments', 'sectionAttachments'],
    ['deadline', 'sectionDeadline'],
    ['actions', 'sectionActions'],
    ['timeline', 'sectionTimeline'],
    ['deliveries', 'sectionDeliveries'],
  ];
  return (
    <>
      <ConsoleNav lang={lang} role={model.role} current="" />
      <ErrorSummary lang={lang} problems={model.problems} />
      <ConflictBanner model={model} />
      {model.successMessage === null ? null : (
        <Banner id="case-success" kind="success" title={text(lang, 'successTitle')}>
          <p class="govuk-notification-banner__heading">{model.successMessage}</p>
        </Banner>
      )}
      <span class="govuk-caption-l">{lang === 'en' ? detail.serviceNameEn : detail.serviceNameZh}</span>
      <h1 class="govuk-heading-l">{text(lang, 'caseTitle', { caseNumber: row.caseNumber })}</h1>
      <p class="govuk-body-l">{row.subject}</p>
      <dl class="govuk-summary-list govuk-summary-list--no-border" id="summary">
        <SummaryRow label={text(lang, 'rowState')}>
          <span data-case-state={row.state}>{stateName(lang, row.state as CaseState)}</span>
        </SummaryRow>
        <SummaryRow label={text(lang, 'deadlineStatus')}>
          <StatusTag lang={lang} status={detail.status} />
        </SummaryRow>
        <SummaryRow label={text(lang, 'deadlineExpected')}>
          {row.expectedCompletionDate === null
            ? text(lang, 'deadlineNone')
            : formatDate(lang, row.expectedCompletionDate)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowHandler')}>
          {detail.handler?.displayName ?? text(lang, 'unassigned')}
        </SummaryRow>
      </dl>
      <nav aria-label={text(lang, 'contentsLabel')} class="govuk-!-margin-bottom-8">
        <h2 class="govuk-heading-s">{text(lang, 'contentsLabel')}</h2>
        <ul class="govuk-list">
          {contents.map(([id, key]) => (
            <li key={id} class="govuk-!-display-inline-block govuk-!-margin-right-4">
              <a class="govuk-link" href={`#${id}`}>
                {text(lang, key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Details model={model} />
      <Applicant model={model} />
      <Request model={model} />
      <Checklist model={model} />
      <Attachments model={model} />
      <Deadline model={model} />
      <div class="govuk-!-margin-bottom-8">
        <CaseActions model={model} />
      </div>
      <Timeline model={model} />
      <Deliveries model={model} />
    </>
  );
}

import { formatPhone } from '../../../../platform/reference/phone-numbers.ts';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { subjectIn } from '../../core/case-subject.ts';
import { casePageNameOf as nameOf, casePageText as text } from '../case-page-messages.ts';
import type { CasePageModel } from '../case-page-model.ts';
import { consoleText } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import { CasePageTable } from './case-page-table.tsx';
import { formatBytes, formatDateTime } from './console-format.ts';
import { CaseLink, Paragraphs, Section } from './console-parts.tsx';

/** The case page's sections about the case itself: its details, the applicant, the request, documents, files. */

function orNotGiven(lang: Lang, value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? text(lang, 'notGiven') : value;
}

export function Details({ model }: { model: CasePageModel }) {
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
        <SummaryRow label={text(lang, 'rowKind')}>{nameOf(lang, 'kind_', row.kind)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowChannel')}>{nameOf(lang, 'channel_', row.channel)}</SummaryRow>
        <SummaryRow label={text(lang, 'rowUnit')}>
          {lang === 'en' ? detail.unit.nameEn : detail.unit.nameZh}
        </SummaryRow>
        <SummaryRow label={text(lang, 'rowHandler')}>
          {detail.handler?.displayName ?? consoleText(lang, 'unassigned')}
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
            <CaseLink lang={lang} caseNumber={mergedInto} />
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

export function Applicant({ model }: { model: CasePageModel }) {
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

export function Request({ model }: { model: CasePageModel }) {
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
        <SummaryRow label={text(lang, 'rowSubject')}>
          {subjectIn(lang, { subject: row.subject, ...model.detail })}
        </SummaryRow>
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

export function Checklist({ model }: { model: CasePageModel }) {
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

export function Attachments({ model }: { model: CasePageModel }) {
  const { lang, service } = model;
  const itemNames = new Map(
    (service?.checklist ?? []).map((item) => [item.id, lang === 'en' ? item.nameEn : item.nameZh]),
  );
  return (
    <Section id="attachments" title={text(lang, 'sectionAttachments')}>
      <CasePageTable
        lang={lang}
        rows={model.attachments}
        emptyKey="attachmentsEmpty"
        columns={[
          {
            head: 'attachmentColumnName',
            cell: (attachment) => (
              <a
                class="govuk-link"
                href={localePath(lang, consolePaths.attachment(model.detail.row.caseNumber, attachment.id))}
              >
                {attachment.fileName}
              </a>
            ),
          },
          {
            head: 'attachmentColumnItem',
            cell: (attachment) =>
              attachment.checklistItemId === null
                ? ''
                : (itemNames.get(attachment.checklistItemId) ?? attachment.checklistItemId),
          },
          { head: 'attachmentColumnType', cell: (attachment) => attachment.mediaType },
          { head: 'attachmentColumnSize', cell: (attachment) => formatBytes(lang, attachment.sizeBytes) },
          {
            head: 'attachmentColumnUploaded',
            cell: (attachment) => formatDateTime(lang, attachment.uploadedAt),
          },
        ]}
      />
    </Section>
  );
}

import type { ComponentChildren } from 'preact';
import { toTaipeiLocalDate } from '../../../../platform/calendar/working-days.ts';
import { BUREAU } from '../../../../platform/reference/units.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { telephoneHref } from '../../../../platform/web/contact-details.tsx';
import { formatPageDate, taipeiTimeOfDay } from '../../../../platform/web/format-date.ts';
import { htmlLang, type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { counterChannels } from '../counter-form.ts';
import { counterText as text } from '../counter-messages.ts';
import { counterPaths } from '../counter-paths.ts';
import type { CounterReceipt } from '../counter-receipt.ts';
import { caseNumberGroups, checklistOnReceipt, lookupCodeGroups } from '../receipt-layout.ts';

export interface CounterReceiptView {
  /** The clerk's language: the page around the receipt (its actions, "take the next request"). */
  lang: Lang;
  receipt: CounterReceipt;
  /** The public tracking page, as the applicant types it. */
  trackPageUrl: string;
  /** The QR code (inline SVG) of the tracking page with the case filled in. */
  qrCodeSvg: string;
}

/** 「民國115年3月2日 10:05」 / "2 March 2026, 10:05", in Taipei (ADR 0006). */
export function formatDateTime(lang: Lang, instant: Date): string {
  const time = taipeiTimeOfDay(instant);
  const date = formatPageDate(lang, toTaipeiLocalDate(instant));
  return lang === 'en' ? `${date}, ${time}` : `${date} ${time}`;
}

/** The expected completion as the applicant reads it: a date, or for hour-based services the time. */
export function expectedCompletionText(lang: Lang, receipt: CounterReceipt): string {
  if (receipt.deadlineRule.kind === 'hours') {
    if (receipt.dueAt === null) return text(lang, 'expectedPaused');
    return text(lang, 'expectedHours', {
      hours: receipt.deadlineRule.hours,
      time: formatDateTime(lang, receipt.dueAt),
    });
  }
  if (receipt.expectedCompletionDate === null) return text(lang, 'expectedPaused');
  return formatPageDate(lang, receipt.expectedCompletionDate);
}

function channelName(lang: Lang, channel: string): string {
  const known = counterChannels.find((candidate) => candidate === channel);
  return known === undefined ? channel : text(lang, `channel_${known}`);
}

/**
 * Groups shown apart (CSS margins) but copied as one string: 1151126-0042 shows as 「115 1126-0042」 and
 * copies as 1151126-0042.
 */
function Grouped({ groups, hasDashBeforeLast }: { groups: readonly string[]; hasDashBeforeLast: boolean }) {
  const isAfterDash = (index: number) => hasDashBeforeLast && index > 0 && index === groups.length - 1;
  return (
    <>
      {groups.map((group, index) => (
        <span
          key={index}
          class={isAfterDash(index) ? 'ow-receipt__group ow-receipt__group--after-dash' : 'ow-receipt__group'}
        >
          {isAfterDash(index) ? '-' : ''}
          {group}
        </span>
      ))}
    </>
  );
}

/** A row of the receipt's facts: its label, and its value under its own id. */
function FactRow({ label, id, children }: { label: string; id: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value" id={id}>
        {children}
      </dd>
    </div>
  );
}

/** A section of the receipt under its small heading (`name-heading`). */
function ReceiptSection(props: { name: string; id: string; heading: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${props.name}-heading`} id={props.id}>
      <h2 class="govuk-heading-s" id={`${props.name}-heading`}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}

/**
 * The printable receipt (收件憑證): what the applicant takes home, in the applicant's language (a property of
 * the case, `applicantLang`); print shows only the receipt. What is around it — the print button, the hint,
 * "take the next request" — is the clerk's, in the clerk's language: serving an English-speaking applicant
 * never switches the counter to English.
 */
export function CounterReceiptPage(view: CounterReceiptView) {
  const { receipt } = view;
  const pageLang = view.lang;
  const lang = receipt.applicantLang;
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const { received, missing } = checklistOnReceipt(receipt);
  const unit = receipt.unit;
  const applicant =
    receipt.applicantCompany === null
      ? receipt.applicantName
      : `${receipt.applicantName}${pick(`（${receipt.applicantCompany}）`, ` (${receipt.applicantCompany})`)}`;
  return (
    <>
      <article
        class="ow-receipt"
        id="receipt"
        aria-labelledby="receipt-title"
        lang={lang === pageLang ? undefined : htmlLang(lang)}
      >
        <p class="ow-receipt__bureau">{pick(BUREAU.nameZh, BUREAU.nameEn)}</p>
        <h1 class="govuk-heading-l ow-receipt__title" id="receipt-title">
          {text(lang, 'receiptTitle')}
          <span class="govuk-caption-m ow-receipt__caption">{text(lang, 'receiptPrintedFor')}</span>
        </h1>

        <div class="ow-receipt__keys">
          <dl class="ow-receipt__codes">
            <dt class="ow-receipt__label">{text(lang, 'caseNumberLabel')}</dt>
            <dd class="ow-receipt__case-number" id="case-number" data-case-number={receipt.caseNumber}>
              <Grouped groups={caseNumberGroups(receipt.caseNumber)} hasDashBeforeLast />
            </dd>
            <dt class="ow-receipt__label">{text(lang, 'lookupCodeLabel')}</dt>
            <dd class="ow-receipt__lookup-code" id="lookup-code" data-lookup-code={receipt.lookupCode}>
              <Grouped groups={lookupCodeGroups(receipt.lookupCode)} hasDashBeforeLast={false} />
            </dd>
            <dd class="ow-receipt__hint">{text(lang, 'lookupCodeHint')}</dd>
          </dl>
          <figure class="ow-receipt__qr">
            {/* Generated by the qrcode package from our own URL: no user-controlled markup. */}
            <div class="ow-receipt__qr-frame" dangerouslySetInnerHTML={{ __html: view.qrCodeSvg }} />
            <figcaption class="ow-receipt__qr-caption">{text(lang, 'qrCaption')}</figcaption>
          </figure>
        </div>

        <dl class="govuk-summary-list ow-receipt__facts">
          <FactRow label={text(lang, 'applicantLabel')} id="receipt-applicant">
            {applicant}
          </FactRow>
          <FactRow label={text(lang, 'serviceLabel')} id="receipt-service">
            {text(lang, 'serviceVersion', {
              name: pick(receipt.serviceNameZh, receipt.serviceNameEn),
              version: receipt.serviceVersion,
            })}
          </FactRow>
          <FactRow label={text(lang, 'channelLabel')} id="receipt-channel">
            {channelName(lang, receipt.channel)}
          </FactRow>
          <FactRow label={text(lang, 'receivedAtLabel')} id="receipt-received">
            {formatDateTime(lang, receipt.receivedAt)}
          </FactRow>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{text(lang, 'expectedLabel')}</dt>
            <dd
              class="govuk-summary-list__value"
              id="receipt-expected"
              data-expected-date={receipt.expectedCompletionDate ?? ''}
            >
              <strong>{expectedCompletionText(lang, receipt)}</strong>
              <br />
              <span class="govuk-body-s">
                {receipt.deadlineRule.kind === 'hours'
                  ? text(lang, 'expectedHoursNote')
                  : text(lang, 'expectedNote')}
              </span>
            </dd>
          </div>
        </dl>

        <div class="ow-receipt__columns">
          <ReceiptSection
            name="received"
            id="receipt-received-items"
            heading={text(lang, 'receivedItemsHeading')}
          >
            {received.length === 0 ? (
              <p class="govuk-body-s">{text(lang, 'receivedItemsNone')}</p>
            ) : (
              <ul class="govuk-list govuk-list--bullet govuk-body-s">
                {received.map((item) => (
                  <li key={item.id} data-checklist-item={item.id}>
                    {pick(item.nameZh, item.nameEn)}
                    {item.isElectronicallyVerifiable
                      ? pick(`（${text(lang, 'verifiedTag')}）`, ` (${text(lang, 'verifiedTag')})`)
                      : ''}
                  </li>
                ))}
              </ul>
            )}
            {receipt.attachmentNames.length > 0 ? (
              <p class="govuk-body-s" id="receipt-attachments">
                {text(lang, 'attachmentsLine', {
                  count: receipt.attachmentNames.length,
                  names: receipt.attachmentNames.join(pick('、', ', ')),
                })}
              </p>
            ) : null}
          </ReceiptSection>
          <ReceiptSection name="missing" id="receipt-missing-items" heading={text(lang, 'missingHeading')}>
            {missing.length === 0 ? (
              <p class="govuk-body-s">{text(lang, 'missingNone')}</p>
            ) : (
              <>
                <p class="govuk-body-s">{text(lang, 'missingLead')}</p>
                <ol class="govuk-list govuk-list--number govuk-body-s">
                  {missing.map((item) => (
                    <li key={item.id} data-checklist-item={item.id}>
                      <strong>{pick(item.nameZh, item.nameEn)}</strong>
                      {pick('：', ': ')}
                      {pick(item.explanationZh, item.explanationEn)}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </ReceiptSection>
        </div>

        <div class="ow-receipt__columns">
          <ReceiptSection name="unit" id="receipt-unit" heading={text(lang, 'unitHeading')}>
            <ul class="govuk-list">
              <li>
                <strong>{pick(unit.nameZh, unit.nameEn)}</strong>
              </li>
              <li>
                {text(lang, 'phoneLabel')}
                {pick('：', ': ')}
                <a class="govuk-link" href={telephoneHref(unit.phone)}>
                  {unit.phone}
                </a>
              </li>
              <li>
                {text(lang, 'addressLabel2')}
                {pick('：', ': ')}
                {pick(unit.addressZh, unit.addressEn)}
              </li>
              <li>
                {text(lang, 'hoursLabel')}
                {pick('：', ': ')}
                {pick(unit.serviceHoursZh, unit.serviceHoursEn)}
              </li>
            </ul>
          </ReceiptSection>
          <ReceiptSection name="track" id="receipt-track" heading={text(lang, 'trackHeading')}>
            <ul class="govuk-list">
              <li>{text(lang, 'trackOnline', { url: view.trackPageUrl })}</li>
              <li>{text(lang, 'trackPhone', { phone: unit.phone })}</li>
              <li>{text(lang, 'trackNotice')}</li>
            </ul>
          </ReceiptSection>
        </div>
      </article>

      <div class="ow-receipt__actions">
        {/* Shown and wired by /assets/print.js; without JavaScript the hint below says how to print. */}
        <button type="button" class="govuk-button" data-module="govuk-button" data-print-button hidden>
          {text(pageLang, 'printButton')}
        </button>
        <p class="govuk-body">{text(pageLang, 'printHint')}</p>
        <LinkParagraph href={localePath(pageLang, counterPaths.counter)}>
          {text(pageLang, 'nextIntake')}
        </LinkParagraph>
      </div>
      <script type="module" src="/assets/print.js" />
    </>
  );
}

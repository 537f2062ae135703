import {
  Radios,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { StoredFeeLine } from '../../core/case-vocabulary.ts';
import { feeLineText, twd } from '../fee-words.ts';
import { counterPaymentForm, refundForm } from '../payment-forms.ts';
import { paymentText as text } from '../payment-messages.ts';
import { paymentPaths } from '../payment-paths.ts';
import { counterMethods } from '../payment-vocabulary.ts';
import { methodName, paymentStateName } from '../payment-words.ts';
import { CaseFeeSummary, type FeeFacts, FeeTable } from './fee-parts.tsx';

/** The fee's pages: staff (fee, payments, counter payment, refund), the receipt, the applicant's Pay page, the return. */

export interface PaymentLine {
  id: string;
  createdOn: string;
  method: string;
  state: string;
  receiptNumber: string | null;
  amountTwd: number;
}

export interface StaffPaymentView {
  lang: Lang;
  csrfToken: string;
  fee: FeeFacts;
  version: number;
  payments: readonly PaymentLine[];
  /** The counter form, when this person may record a payment now. */
  canRecordPayment: boolean;
  canRecordRefund: boolean;
  hasReceipt: boolean;
  problems: FormProblems;
  /** Which form was sent and what it held (shown again with its problems). */
  sent: { form: 'counter' | 'refund'; values: Record<string, string> } | null;
  done: string | null;
}

export function StaffPaymentPage(view: StaffPaymentView) {
  const { lang, fee, problems } = view;
  const counterValues = view.sent?.form === 'counter' ? view.sent.values : {};
  const refundValues = view.sent?.form === 'refund' ? view.sent.values : {};
  const counter = textControls(counterPaymentForm, { lang, values: counterValues, problems });
  const refund = textControls(refundForm, { lang, values: refundValues, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'staffTitle', { caseNumber: fee.caseNumber })}
      notice={<SuccessBanner lang={lang} message={view.done} />}
    >
      <CaseFeeSummary lang={lang} fee={fee} />
      {fee.feeAmountTwd > 0 ? (
        <FeeTable lang={lang} lines={fee.feeLines} total={fee.feeAmountTwd} />
      ) : (
        <p class="govuk-body">{text(lang, 'feeNone')}</p>
      )}

      <h2 class="govuk-heading-m">{text(lang, 'paymentsHeading')}</h2>
      {view.payments.length === 0 ? (
        <p class="govuk-body">{text(lang, 'paymentsNone')}</p>
      ) : (
        <table class="govuk-table" data-payments>
          <TableHead
            columns={[
              text(lang, 'paymentCreated'),
              text(lang, 'methodLabel'),
              text(lang, 'paymentState'),
              text(lang, 'receiptNumberLabel'),
              { label: text(lang, 'feeAmount'), isNumeric: true },
            ]}
          />
          <tbody class="govuk-table__body">
            {view.payments.map((payment) => (
              <tr key={payment.id} class="govuk-table__row" data-payment-state={payment.state}>
                <td class="govuk-table__cell">{payment.createdOn}</td>
                <td class="govuk-table__cell">{methodName(lang, payment.method)}</td>
                <td class="govuk-table__cell">{paymentStateName(lang, payment.state)}</td>
                <td class="govuk-table__cell">{payment.receiptNumber ?? '—'}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{twd(payment.amountTwd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.hasReceipt ? (
        <LinkParagraph href={localePath(lang, paymentPaths.staffReceipt(fee.caseNumber))}>
          {text(lang, 'receiptLink')}
        </LinkParagraph>
      ) : null}

      {view.canRecordPayment ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'counterHeading')}</h2>
          <p class="govuk-body">{text(lang, 'counterLead')}</p>
          <dl class="govuk-summary-list">
            <SummaryRow label={text(lang, 'amountDue')}>
              <strong data-amount-due={fee.feeAmountTwd}>{twd(fee.feeAmountTwd)}</strong>
            </SummaryRow>
          </dl>
          <PostForm
            action={localePath(lang, paymentPaths.staffPayment(fee.caseNumber))}
            csrfToken={view.csrfToken}
            submit={text(lang, 'counterButton')}
            preventsDoubleClick
          >
            <input type="hidden" name="version" value={String(view.version)} />
            <Radios
              lang={lang}
              name="method"
              legend={counterPaymentForm.labels.method[lang]}
              value={counterValues.method ?? ''}
              problems={problems}
              choices={counterMethods.map((method) => ({ value: method, label: methodName(lang, method) }))}
            />
            <TextInput
              {...counter('receiptNumber')}
              hint={text(lang, 'receiptNumberHint')}
              widthClass="govuk-input--width-20"
            />
          </PostForm>
        </>
      ) : null}

      {view.canRecordRefund ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'refundHeading')}</h2>
          <p class="govuk-body">{text(lang, 'refundLead')}</p>
          <PostForm
            action={localePath(lang, paymentPaths.staffRefund(fee.caseNumber))}
            csrfToken={view.csrfToken}
            submit={text(lang, 'refundButton')}
            isWarning
          >
            <input type="hidden" name="version" value={String(view.version)} />
            <TextArea {...refund('reason')} hint={text(lang, 'refundReasonHint')} rows={3} />
          </PostForm>
        </>
      ) : null}

      <LinkParagraph href={localePath(lang, `/staff/cases/${fee.caseNumber}`)}>
        {text(lang, 'backToCase', { caseNumber: fee.caseNumber })}
      </LinkParagraph>
    </FormPage>
  );
}

export interface ReceiptView {
  lang: Lang;
  caseNumber: string;
  serviceName: string;
  lines: readonly StoredFeeLine[];
  amountTwd: number;
  method: string;
  receiptNumber: string;
  paidOn: string;
  refundedOn: string | null;
  backHref: string;
  backText: string;
}

/** 繳費收據: what the applicant paid, for what, how, when, and the receipt number (staff and /track alike). */
export function ReceiptPage(view: ReceiptView) {
  const { lang } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds" data-receipt={view.receiptNumber}>
        <h1 class="govuk-heading-l">{text(lang, 'receiptTitle', { caseNumber: view.caseNumber })}</h1>
        <dl class="govuk-summary-list">
          <SummaryRow label={text(lang, 'caseNumber')}>{view.caseNumber}</SummaryRow>
          <SummaryRow label={text(lang, 'service')}>{view.serviceName}</SummaryRow>
          <SummaryRow label={text(lang, 'feeHeading')}>
            <ul class="govuk-list">
              {view.lines.map((line, index) => (
                <li key={index}>{feeLineText(lang, line)}</li>
              ))}
            </ul>
          </SummaryRow>
          <SummaryRow label={text(lang, 'feeAmount')}>{twd(view.amountTwd)}</SummaryRow>
          <SummaryRow label={text(lang, 'methodLabel')}>{methodName(lang, view.method)}</SummaryRow>
          <SummaryRow label={text(lang, 'receiptNumberLabel')}>{view.receiptNumber}</SummaryRow>
          <SummaryRow label={text(lang, 'receiptPaidOn')}>{view.paidOn}</SummaryRow>
          {view.refundedOn === null ? null : (
            <SummaryRow label={text(lang, 'receiptRefundedOn')}>{view.refundedOn}</SummaryRow>
          )}
        </dl>
        <LinkParagraph href={view.backHref}>{view.backText}</LinkParagraph>
      </div>
    </div>
  );
}

export interface PayView {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  lookupCode: string;
  serviceName: string;
  unitName: string;
  /** Null: the case does not owe a fee now. */
  fee: { lines: readonly StoredFeeLine[]; amountTwd: number } | null;
  problems: FormProblems;
}

/** The applicant's fee page on /track: amount, lines, Pay (to the provider) or pay at the counter. */
export function PayPage(view: PayView) {
  const { lang } = view;
  return (
    <FormPage
      lang={lang}
      problems={view.problems}
      title={text(lang, 'payTitle', { caseNumber: view.caseNumber })}
      lead={view.fee === null ? text(lang, 'payNotNeeded') : text(lang, 'payLead')}
    >
      {view.fee === null ? null : (
        <>
          <dl class="govuk-summary-list">
            <SummaryRow label={text(lang, 'service')}>{view.serviceName}</SummaryRow>
          </dl>
          <FeeTable lang={lang} lines={view.fee.lines} total={view.fee.amountTwd} />
          <PostForm
            action={localePath(lang, paymentPaths.trackPay)}
            csrfToken={view.csrfToken}
            submit={text(lang, 'payButton')}
            preventsDoubleClick
          >
            <input type="hidden" name="caseNumber" value={view.caseNumber} />
            <input type="hidden" name="lookupCode" value={view.lookupCode} />
          </PostForm>
          <p class="govuk-body">{text(lang, 'payCounter', { unit: view.unitName })}</p>
        </>
      )}
      <LinkParagraph
        href={`${localePath(lang, '/track')}?${new URLSearchParams({ case: view.caseNumber }).toString()}`}
      >
        {text(lang, 'backToTrack')}
      </LinkParagraph>
    </FormPage>
  );
}

/** Back from the provider: paid (the receipt number), not completed, or refused (nothing changed). */
export function ReturnPage(props: {
  lang: Lang;
  kind: 'paid' | 'failed' | 'refused';
  caseNumber: string | null;
  receiptNumber: string | null;
}) {
  const { lang, kind } = props;
  const title =
    kind === 'paid' ? 'returnPaidTitle' : kind === 'failed' ? 'returnFailedTitle' : 'returnRefusedTitle';
  const body =
    kind === 'paid'
      ? text(lang, 'returnPaidText', { receiptNumber: props.receiptNumber ?? '' })
      : text(lang, kind === 'failed' ? 'returnFailedText' : 'returnRefusedText');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds" data-payment-return={kind}>
        {kind === 'paid' ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{text(lang, title)}</h1>
            <div class="govuk-panel__body">
              {text(lang, 'receiptNumberLabel')}
              <br />
              <strong data-receipt-number>{props.receiptNumber}</strong>
            </div>
          </div>
        ) : (
          <h1 class="govuk-heading-l">{text(lang, title)}</h1>
        )}
        <p class="govuk-body">{body}</p>
        {props.caseNumber === null ? null : (
          <LinkParagraph
            href={`${localePath(lang, '/track')}?${new URLSearchParams({ case: props.caseNumber }).toString()}`}
          >
            {text(lang, 'returnTrackLink', { caseNumber: props.caseNumber })}
          </LinkParagraph>
        )}
      </div>
    </div>
  );
}

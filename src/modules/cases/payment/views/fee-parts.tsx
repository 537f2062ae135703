import { Button, CsrfField } from '../../../../platform/web/components/form-controls.tsx';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { StoredFeeLine } from '../../core/case-vocabulary.ts';
import { feeLineLabel, twd } from '../fee-words.ts';
import { paymentText as text } from '../payment-messages.ts';
import { paymentPaths } from '../payment-paths.ts';

/**
 * The fee's pieces shown on other pages: its table of lines, the case page's fee summary (with the link to
 * the payment page, and "refund due"), and the /track section (amount and the button to the Pay page).
 */

export interface FeeFacts {
  caseNumber: string;
  state: string;
  feeAmountTwd: number;
  feeLines: readonly StoredFeeLine[];
  /** ISO date (Taipei) the fee was paid; null while owed or when there is none. */
  feePaidOn: string | null;
  /** ISO date (Taipei) the paid fee was returned; null unless refunded. */
  feeRefundedOn: string | null;
  /** Where the fee stands (payment-presenters.ts decides, with the payment service's refund rule). */
  status: FeeStatus;
}

export type FeeStatus = 'owed' | 'paid' | 'refund_due' | 'refunded';

export function FeeTable({
  lang,
  lines,
  total,
}: {
  lang: Lang;
  lines: readonly StoredFeeLine[];
  total: number;
}) {
  return (
    <table class="govuk-table" data-fee-lines>
      <caption class="govuk-table__caption govuk-table__caption--s">{text(lang, 'feeHeading')}</caption>
      <TableHead columns={[text(lang, 'feeItem'), { label: text(lang, 'feeAmount'), isNumeric: true }]} />
      <tbody class="govuk-table__body">
        {lines.map((line, index) => (
          <tr key={index} class="govuk-table__row">
            <td class="govuk-table__cell">
              {feeLineLabel(lang, line)}
              {line.quantity === 1 && line.unitAmountTwd === line.amountTwd
                ? null
                : ` (${twd(line.unitAmountTwd)} × ${line.quantity})`}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{twd(line.amountTwd)}</td>
          </tr>
        ))}
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">
            {text(lang, 'feeTotal')}
          </th>
          <td class="govuk-table__cell govuk-table__cell--numeric" data-fee-total={total}>
            <strong>{twd(total)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The case page's fee line: owed, paid, refund due or refunded, and the way to the payment page. */
export function CaseFeeSummary({ lang, fee }: { lang: Lang; fee: FeeFacts }) {
  if (fee.feeAmountTwd <= 0) return null;
  const { status } = fee;
  return (
    <section id="fee" aria-labelledby="fee-heading" class="govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-m" id="fee-heading">
        {text(lang, 'feeHeading')}
      </h2>
      <p class="govuk-body" data-fee-status={status}>
        {status === 'owed'
          ? text(lang, 'feeOwed', { amount: twd(fee.feeAmountTwd) })
          : status === 'refunded'
            ? text(lang, 'feeRefunded', { paid: fee.feePaidOn ?? '', refunded: fee.feeRefundedOn ?? '' })
            : text(lang, 'feePaid', { date: fee.feePaidOn ?? '' })}
      </p>
      {status === 'refund_due' ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text" data-refund-due>
            {text(lang, 'refundDue', { amount: twd(fee.feeAmountTwd) })}
          </strong>
        </div>
      ) : null}
      <LinkParagraph href={localePath(lang, paymentPaths.staffPayment(fee.caseNumber))}>
        {text(lang, 'paymentPageLink')}
      </LinkParagraph>
    </section>
  );
}

/** /track: the fee, and a button to its page (Pay) or to the receipt; posted with the number and code. */
export function TrackFeeSection(props: {
  lang: Lang;
  csrfToken: string;
  lookupCode: string;
  fee: FeeFacts;
  formatDate: (isoDate: string) => string;
}) {
  const { lang, fee } = props;
  if (fee.feeAmountTwd <= 0) return null;
  const isOwedNow = fee.state === 'awaiting_payment' && fee.feePaidOn === null;
  if (!isOwedNow && fee.feePaidOn === null) return null;
  return (
    <section aria-labelledby="fee-heading" data-track-fee>
      <h2 class="govuk-heading-m" id="fee-heading">
        {text(lang, 'feeHeading')}
      </h2>
      <p class="govuk-body">
        {isOwedNow
          ? text(lang, 'trackFeeOwedText', { amount: twd(fee.feeAmountTwd) })
          : fee.feeRefundedOn !== null
            ? text(lang, 'trackFeeRefundedText', {
                amount: twd(fee.feeAmountTwd),
                paid: props.formatDate(fee.feePaidOn ?? ''),
                refunded: props.formatDate(fee.feeRefundedOn),
              })
            : text(lang, 'trackFeePaidText', {
                amount: twd(fee.feeAmountTwd),
                date: props.formatDate(fee.feePaidOn ?? ''),
              })}
      </p>
      <form
        method="post"
        action={localePath(lang, isOwedNow ? paymentPaths.trackPayment : paymentPaths.trackReceipt)}
      >
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="caseNumber" value={fee.caseNumber} />
        <input type="hidden" name="lookupCode" value={props.lookupCode} />
        <Button isSecondary={!isOwedNow}>{text(lang, isOwedNow ? 'trackPayOpen' : 'receiptLink')}</Button>
      </form>
    </section>
  );
}

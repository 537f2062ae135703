import { toTaipeiLocalDate } from '../../../../platform/calendar/working-days.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  SuccessBanner,
  TextArea,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { casePaths } from '../../core/case-paths.ts';
import { type NoticeDocument, noticeFacts } from '../deficiency-document.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { deficiencyPaths } from '../deficiency-paths.ts';
import type { DeficiencyNotice } from '../deficiency-queries.ts';

/**
 * The notice as a page: the document itself (printed on A4 by the report's print rules, `ow-report`:
 * only the document, no forms or navigation), then for staff its state, the supervisor's decision on a
 * second notice, and the supplement item by item.
 */

export function NoticeDocumentView({ document }: { document: NoticeDocument }) {
  const lang = document.lang;
  return (
    <article class="ow-report" aria-labelledby="notice-title" id="notice">
      <p class="govuk-body govuk-!-font-weight-bold" data-bureau>
        {document.bureau}
      </p>
      <h1 class="govuk-heading-l" id="notice-title">
        {document.title}
        <span class="govuk-caption-m">{document.sequenceText}</span>
      </h1>
      <dl class="govuk-summary-list">
        {noticeFacts(document).map(([label, value]) => (
          <SummaryRow key={label} label={label}>
            {value}
          </SummaryRow>
        ))}
      </dl>
      <p class="govuk-body">{text(lang, 'noticeIntro')}</p>
      <h2 class="govuk-heading-m">{text(lang, 'itemsHeading')}</h2>
      <table class="govuk-table ow-report-table" id="notice-items">
        <TableHead columns={[text(lang, 'itemColumn'), text(lang, 'noteColumn')]} />
        <tbody class="govuk-table__body">
          {document.items.map((item, index) => (
            <tr key={index} class="govuk-table__row" data-item>
              <td class="govuk-table__cell">
                {index + 1}. {item.label}
              </td>
              <td class="govuk-table__cell">{item.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="govuk-heading-m">{text(lang, 'howToHeading')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {document.howTo.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="govuk-body">{document.lapseWarning}</p>
    </article>
  );
}

export interface SupplementShown {
  label: string;
  previousAnswer: string | null;
  answer: string | null;
  reply: string | null;
  files: { id: string; fileName: string }[];
}

/** What the applicant (or the clerk) brought, item by item, with links to the files. */
export function SupplementRecord(props: {
  lang: Lang;
  caseNumber: string;
  notice: DeficiencyNotice;
  items: readonly SupplementShown[];
}) {
  const { lang, notice } = props;
  if (notice.supplementedAt === null) return null;
  const colon = lang === 'en' ? ': ' : '：';
  return (
    <div data-supplement={notice.id}>
      <p class="govuk-body">
        {text(
          lang,
          notice.supplementedVia === 'counter' ? 'supplementedVia_counter' : 'supplementedVia_online',
        )}
        {' · '}
        {text(lang, 'supplementedOn')} {formatPageDate(lang, toTaipeiLocalDate(notice.supplementedAt))}
      </p>
      <dl class="govuk-summary-list">
        {props.items.map((item) => (
          <SummaryRow key={item.label} label={item.label}>
            {item.answer === null ? null : (
              <p class="govuk-body" data-changed-answer>
                {text(lang, 'previousAnswer')}
                {colon}
                {item.previousAnswer ?? text(lang, 'noAnswer')} → {text(lang, 'newAnswer')}
                {colon}
                {item.answer}
              </p>
            )}
            {item.reply === null ? null : (
              <p class="govuk-body">
                {text(lang, 'replyShown')}
                {colon}
                {item.reply}
              </p>
            )}
            {item.files.length === 0 ? null : (
              <ul class="govuk-list">
                {item.files.map((file) => (
                  <li key={file.id}>
                    <a
                      class="govuk-link"
                      href={localePath(
                        lang,
                        `${casePaths.casePage(props.caseNumber)}/attachments/${file.id}`,
                      )}
                    >
                      {file.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {item.answer === null && item.reply === null && item.files.length === 0 ? (
              <p class="govuk-body">{text(lang, 'broughtIn')}</p>
            ) : null}
          </SummaryRow>
        ))}
      </dl>
    </div>
  );
}

export interface NoticePageView {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  version: number;
  notice: DeficiencyNotice;
  document: NoticeDocument;
  supplement: readonly SupplementShown[];
  canDecide: boolean;
  canRecordCounter: boolean;
  done: string | null;
  problems: FormProblems;
  decisionNote: string;
}

export function NoticePage(view: NoticePageView) {
  const { lang, notice } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary lang={lang} problems={view.problems} />
        <SuccessBanner lang={lang} message={view.done} />
        <NoticeDocumentView document={view.document} />
        <div class="ow-report__actions">
          <h2 class="govuk-heading-m">{text(lang, 'state')}</h2>
          <p class="govuk-body">
            <strong class="govuk-tag" data-notice-state={notice.state}>
              {text(lang, `state_${notice.state}` as Parameters<typeof text>[1])}
            </strong>
          </p>
          {notice.approvalReason === null ? null : (
            <p class="govuk-body">{text(lang, 'approvalReasonShown', { reason: notice.approvalReason })}</p>
          )}
          {notice.decisionNote === null ? null : (
            <p class="govuk-body">{text(lang, 'decisionNoteShown', { note: notice.decisionNote })}</p>
          )}
          {view.canDecide ? (
            <form
              method="post"
              action={localePath(lang, deficiencyPaths.decision(view.caseNumber, notice.id))}
              novalidate
            >
              <CsrfField token={view.csrfToken} />
              <input type="hidden" name="version" value={String(view.version)} />
              <h2 class="govuk-heading-m">{text(lang, 'approvalHeading')}</h2>
              <TextArea
                lang={lang}
                name="note"
                label={text(lang, 'decisionNoteLabel')}
                hint={text(lang, 'decisionNoteHint')}
                isOptional
                value={view.decisionNote}
                problems={view.problems}
                rows={3}
              />
              <div class="govuk-button-group">
                <Button name="decision" value="approve">
                  {text(lang, 'approveButton')}
                </Button>
                <Button name="decision" value="refuse" isWarning>
                  {text(lang, 'refuseButton')}
                </Button>
              </div>
            </form>
          ) : null}
          {view.supplement.length === 0 ? null : (
            <>
              <h2 class="govuk-heading-m">{text(lang, 'supplementHeading')}</h2>
              <SupplementRecord
                lang={lang}
                caseNumber={view.caseNumber}
                notice={notice}
                items={view.supplement}
              />
            </>
          )}
          <ul class="govuk-list">
            <li>
              <a
                class="govuk-link"
                href={localePath(lang, deficiencyPaths.print(view.caseNumber, notice.id))}
              >
                {text(lang, 'printLink')}
              </a>
            </li>
            <li>
              <a
                class="govuk-link"
                href={localePath(lang, deficiencyPaths.odt(view.caseNumber, notice.id))}
                download
              >
                {text(lang, 'odtLink')}
              </a>
            </li>
            {view.canRecordCounter ? (
              <li>
                <a
                  class="govuk-link"
                  href={localePath(lang, deficiencyPaths.counter(view.caseNumber, notice.id))}
                >
                  {text(lang, 'counterLink')}
                </a>
              </li>
            ) : null}
          </ul>
          <LinkParagraph href={localePath(lang, casePaths.casePage(view.caseNumber))}>
            {text(lang, 'backToCase')}
          </LinkParagraph>
        </div>
      </div>
    </div>
  );
}

/** The printable page: the document alone (A4 by the print rules), with a way back on screen. */
export function PrintPage(props: { document: NoticeDocument; backHref: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <NoticeDocumentView document={props.document} />
        <div class="ow-report__actions">
          <LinkParagraph href={props.backHref}>{text(props.document.lang, 'backToCase')}</LinkParagraph>
        </div>
      </div>
    </div>
  );
}

import { PostForm } from '../../../platform/web/components/form-page.tsx';
import { Pagination } from '../../../platform/web/components/pagination.tsx';
import { SummaryRow } from '../../../platform/web/components/summary-list.tsx';
import { formatPageDate, formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { applicationPaths } from '../../applications/index.ts';
import { type ApplicantCaseItem, stateLabel, trackUrlOf } from '../../cases/index.ts';
import type { Account, AccountDraft } from '../citizen-account-service.ts';
import { citizenText as text } from '../citizens-messages.ts';
import { citizenPaths } from '../citizens-paths.ts';

export interface AccountPageProps {
  lang: Lang;
  csrfToken: string;
  email: string;
  account: Account;
  /** "Continue" was pressed on a draft that can no longer be continued. */
  isDraftGone?: boolean;
}

/**
 * "My cases": the signed-in citizen's own cases (a card each: number linking to its /track page, service,
 * status in the public words, expected completion, and what is asked of them), a page at a time, then their
 * unsent drafts. Cards rather than a table: they stay readable at 360 px.
 */
export function AccountPage({ lang, csrfToken, email, account, isDraftGone }: AccountPageProps) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text(lang, 'accountTitle')}</h1>
        <p class="govuk-body">{text(lang, 'signedInAs', { email })}</p>
        <PostForm
          action={localePath(lang, citizenPaths.signOut)}
          csrfToken={csrfToken}
          submit={text(lang, 'signOut')}
          isSecondary
        />
        <h2 class="govuk-heading-m">{text(lang, 'casesHeading')}</h2>
        {account.cases.length === 0 ? (
          <p class="govuk-body">{text(lang, 'casesEmpty')}</p>
        ) : (
          <ul class="govuk-list" data-cases>
            {account.cases.map((item) => (
              <li key={item.id}>
                <CaseCard lang={lang} item={item} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          lang={lang}
          label={text(lang, 'casesLabel')}
          page={account.page}
          pageCount={account.pageCount}
          href={(page) => `${localePath(lang, citizenPaths.account)}?page=${page}`}
        />
        <h2 class="govuk-heading-m" id="drafts">
          {text(lang, 'draftsHeading')}
        </h2>
        {isDraftGone === true ? (
          <div class="govuk-inset-text" role="status">
            {text(lang, 'draftGone')}
          </div>
        ) : null}
        {account.drafts.length === 0 ? (
          <p class="govuk-body">{text(lang, 'draftsEmpty')}</p>
        ) : (
          <>
            <p class="govuk-body">{text(lang, 'draftsLead')}</p>
            <ul class="govuk-list" data-drafts>
              {account.drafts.map((draft, index) => (
                <li key={index}>
                  <DraftCard lang={lang} draft={draft} csrfToken={csrfToken} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function CaseCard({ lang, item }: { lang: Lang; item: ApplicantCaseItem }) {
  const words = stateLabel(item.state);
  const href = trackUrlOf('', {
    id: item.id,
    caseNumber: item.caseNumber,
    lookupCode: item.lookupCode,
    applicantLang: lang,
  });
  const flags = [
    item.supplementBy !== null
      ? text(lang, 'flagSupplement', { date: formatPageDate(lang, item.supplementBy) })
      : item.state === 'awaiting_supplement'
        ? text(lang, 'flagSupplementNoDate')
        : null,
    item.isFeeDue ? text(lang, 'flagFee') : null,
  ].filter((flag): flag is string => flag !== null);
  return (
    <div class="govuk-summary-card" data-case={item.caseNumber}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">
          <a
            class="govuk-link"
            href={href}
            aria-label={text(lang, 'trackCase', { caseNumber: item.caseNumber })}
          >
            {item.caseNumber}
          </a>
        </h3>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <SummaryRow label={text(lang, 'columnService')}>
            {lang === 'en' ? item.serviceNameEn : item.serviceNameZh}
          </SummaryRow>
          <SummaryRow label={text(lang, 'columnState')}>
            <strong class="govuk-tag" data-state={item.state}>
              {lang === 'en' ? words.en : words.zh}
            </strong>
            <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              {lang === 'en' ? words.explainEn : words.explainZh}
            </p>
            {flags.map((flag) => (
              <p
                key={flag}
                class="govuk-body govuk-!-font-weight-bold govuk-!-margin-top-2 govuk-!-margin-bottom-0"
                data-flag
              >
                {flag}
              </p>
            ))}
          </SummaryRow>
          <SummaryRow label={text(lang, 'columnExpected')}>
            {item.expectedCompletionDate === null
              ? text(lang, 'noExpectedDate')
              : formatPageDate(lang, item.expectedCompletionDate)}
          </SummaryRow>
        </dl>
      </div>
    </div>
  );
}

function DraftCard({ lang, draft, csrfToken }: { lang: Lang; draft: AccountDraft; csrfToken: string }) {
  const name = lang === 'en' ? draft.serviceNameEn : draft.serviceNameZh;
  return (
    <div class="govuk-summary-card" data-draft={draft.serviceCode}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">{name}</h3>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <SummaryRow label={text(lang, 'columnDraftSaved')}>
            {formatPageDateTime(lang, draft.updatedAt)}
          </SummaryRow>
          <SummaryRow label={text(lang, 'columnDraftKept')}>
            {formatPageDateTime(lang, draft.expiresAt)}
          </SummaryRow>
        </dl>
        <PostForm
          action={localePath(lang, citizenPaths.continueDraft(draft.id))}
          csrfToken={csrfToken}
          submit={text(lang, 'continueDraft', { service: name })}
        />
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, applicationPaths.start(draft.serviceCode))}>
            {text(lang, 'startAgain', { service: name })}
          </a>
        </p>
      </div>
    </div>
  );
}

import { SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { formatPageDate, taipeiIsoDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { FaqProposal } from '../../../cases/index.ts';
import { faqStaffPaths } from '../../shared/portal-paths.ts';
import { faqText as text } from '../faq-messages.ts';
import { faqActionPaths } from '../faq-paths.ts';
import { Paragraphs } from './faq-parts.tsx';

export interface FaqProposalsPageProps {
  lang: Lang;
  csrfToken: string;
  proposals: readonly FaqProposal[];
  page: number;
  pageCount: number;
  successMessage: string | null;
}

/** `/staff/faq/proposals`: the open answers proposed from cases, each to turn into an entry or dismiss. */
export function FaqProposalsPage(props: FaqProposalsPageProps) {
  const { lang } = props;
  return (
    <>
      <SuccessBanner lang={lang} message={props.successMessage} />
      <h1 class="govuk-heading-l">{text(lang, 'proposalsTitle')}</h1>
      <p class="govuk-body">{text(lang, 'proposalsLead')}</p>
      {props.proposals.length === 0 ? (
        <p class="govuk-body" id="faq-no-proposals">
          {text(lang, 'noProposals')}
        </p>
      ) : (
        props.proposals.map((proposal, index) => (
          <section
            key={proposal.id}
            class="govuk-!-margin-bottom-8"
            data-proposal={proposal.id}
            aria-labelledby={`proposal-${index + 1}`}
          >
            <h2 class="govuk-heading-s" id={`proposal-${index + 1}`}>
              {text(lang, 'proposedOn', { date: formatPageDate(lang, taipeiIsoDate(proposal.proposedAt)) })}
            </h2>
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{text(lang, 'proposalQuestion')}</h3>
            <Paragraphs value={proposal.question} />
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{text(lang, 'proposalAnswer')}</h3>
            <Paragraphs value={proposal.answer} />
            <div class="govuk-button-group">
              <a
                class="govuk-button"
                href={`${localePath(lang, faqStaffPaths.create)}?proposal=${encodeURIComponent(proposal.id)}`}
              >
                {text(lang, 'useProposal')}
              </a>
              <PostForm
                action={localePath(lang, faqActionPaths.dismissProposal(proposal.id))}
                csrfToken={props.csrfToken}
                submit={text(lang, 'dismissProposal')}
                isSecondary
              />
            </div>
          </section>
        ))
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'proposalsPages')}
        page={props.page}
        pageCount={props.pageCount}
        href={(page) => `${localePath(lang, faqStaffPaths.proposals)}?page=${page}`}
      />
      <LinkParagraph href={localePath(lang, faqStaffPaths.list)}>
        {text(lang, 'staffListTitle')}
      </LinkParagraph>
    </>
  );
}

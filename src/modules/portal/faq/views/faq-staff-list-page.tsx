import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { faqStaffPaths, searchStaffPaths } from '../../shared/portal-paths.ts';
import { faqText as text } from '../faq-messages.ts';
import type { StaffComment, StaffListedEntry } from '../faq-queries.ts';
import { usefulShare } from '../faq-rules.ts';
import { CommentList, stateWord } from './faq-staff-parts.tsx';

export interface FaqStaffListPageProps {
  lang: Lang;
  entries: readonly StaffListedEntry[];
  comments: readonly StaffComment[];
  openProposals: number;
  page: number;
  pageCount: number;
  successMessage: string | null;
}

/** `/staff/faq`: every entry with its usefulness, the latest comments, the proposals and the misses. */
export function FaqStaffListPage(props: FaqStaffListPageProps) {
  const { lang } = props;
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'staffListTitle')}</h1>
      <p class="govuk-body">{text(lang, 'staffListLead')}</p>
      <p class="govuk-body">
        <a class="govuk-button" href={localePath(lang, faqStaffPaths.create)} id="faq-create">
          {text(lang, 'createLink')}
        </a>
      </p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={localePath(lang, faqStaffPaths.proposals)} id="faq-proposals-link">
            {text(lang, 'proposalsLink', { count: props.openProposals })}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={localePath(lang, searchStaffPaths.misses)} id="faq-misses-link">
            {text(lang, 'missesLink')}
          </a>
        </li>
      </ul>
      {props.entries.length === 0 ? (
        <p class="govuk-body">{text(lang, 'staffNoEntries')}</p>
      ) : (
        <table class="govuk-table" id="faq-entries">
          <TableHead
            columns={[
              text(lang, 'colNumber'),
              text(lang, 'colQuestion'),
              text(lang, 'colUnit'),
              text(lang, 'colState'),
              { label: text(lang, 'colYes'), isNumeric: true },
              { label: text(lang, 'colNo'), isNumeric: true },
              { label: text(lang, 'colShare'), isNumeric: true },
              text(lang, 'colActions'),
            ]}
          />
          <tbody class="govuk-table__body">
            {props.entries.map((entry) => {
              const share = usefulShare(entry.yes, entry.no);
              return (
                <tr key={entry.number} class="govuk-table__row" data-faq={entry.number}>
                  <td class="govuk-table__cell">{entry.number}</td>
                  <td class="govuk-table__cell">
                    {entry.questionZh}
                    {entry.isDemo ? (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--grey">{text(lang, 'demoTag')}</strong>
                      </>
                    ) : null}
                  </td>
                  <td class="govuk-table__cell">{pick(entry.unitNameZh, entry.unitNameEn)}</td>
                  <td class="govuk-table__cell" data-state={entry.state}>
                    {stateWord(lang, entry.state)}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric" data-yes={entry.yes}>
                    {entry.yes}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric" data-no={entry.no}>
                    {entry.no}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric" data-share={share ?? ''}>
                    {share === null ? text(lang, 'noShare') : `${share}%`}
                  </td>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={localePath(lang, faqStaffPaths.edit(entry.number))}>
                      {text(lang, 'editLink')}
                      <span class="govuk-visually-hidden">
                        {' '}
                        {text(lang, 'editLinkHidden', { number: entry.number })}
                      </span>
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'staffPages')}
        page={props.page}
        pageCount={props.pageCount}
        href={(page) => `${localePath(lang, faqStaffPaths.list)}?page=${page}`}
      />
      <h2 class="govuk-heading-m">{text(lang, 'latestCommentsHeading')}</h2>
      <CommentList lang={lang} comments={props.comments} isEntryShown />
      <LinkParagraph href={localePath(lang, faqStaffPaths.proposals)}>
        {text(lang, 'proposalsLink', { count: props.openProposals })}
      </LinkParagraph>
    </>
  );
}

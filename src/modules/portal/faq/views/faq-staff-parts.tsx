import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { faqStaffPaths } from '../../shared/portal-paths.ts';
import { faqText as text } from '../faq-messages.ts';
import type { StaffComment } from '../faq-queries.ts';

/** An entry's state in words. */
export function stateWord(lang: Lang, state: string): string {
  if (state === 'published') return text(lang, 'statePublished');
  if (state === 'withdrawn') return text(lang, 'stateWithdrawn');
  return text(lang, 'stateDraft');
}

/** Citizens' comments, newest first (staff only). */
export function CommentList(props: { lang: Lang; comments: readonly StaffComment[]; isEntryShown: boolean }) {
  const { lang } = props;
  if (props.comments.length === 0) return <p class="govuk-body">{text(lang, 'noComments')}</p>;
  return (
    <ul class="govuk-list govuk-list--spaced" id="faq-comments">
      {props.comments.map((comment, index) => (
        <li key={index}>
          <span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-1">
            {formatPageDateTime(lang, comment.createdAt)} ·{' '}
            {text(lang, comment.isUseful ? 'commentUseful' : 'commentNotUseful')}
            {props.isEntryShown ? (
              <>
                {' · '}
                <a class="govuk-link" href={localePath(lang, faqStaffPaths.edit(comment.number))}>
                  {text(lang, 'commentOn', { number: comment.number, question: comment.questionZh })}
                </a>
              </>
            ) : null}
          </span>
          <span lang={comment.lang === 'en' ? 'en' : 'zh-TW'}>{comment.comment}</span>
        </li>
      ))}
    </ul>
  );
}

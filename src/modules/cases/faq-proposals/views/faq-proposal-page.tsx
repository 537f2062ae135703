import {
  SingleCheckbox,
  SuccessBanner,
  TextArea,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { casePaths } from '../../core/case-paths.ts';
import { faqProposalForm } from '../faq-proposal-form.ts';
import { faqProposalText as text } from '../faq-proposal-messages.ts';
import { faqProposalPaths } from '../faq-proposal-paths.ts';

export interface FaqProposalPageProps {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  values: { question: string; answer: string; confirm: boolean };
  problems: FormProblems;
  isSent: boolean;
}

/** "Propose as FAQ": the case's question and answer, prefilled, to rewrite for everyone, with the warning. */
export function FaqProposalPage(props: FaqProposalPageProps) {
  const { lang, caseNumber, values, problems } = props;
  const control = textControls(faqProposalForm, { lang, values, problems });
  const back = (
    <LinkParagraph href={localePath(lang, casePaths.casePage(caseNumber))}>
      {text(lang, 'backToCase', { caseNumber })}
    </LinkParagraph>
  );
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'title', { caseNumber })}
      lead={props.isSent ? undefined : text(lang, 'lead')}
      notice={<SuccessBanner lang={lang} message={props.isSent ? text(lang, 'sent') : null} />}
    >
      {props.isSent ? (
        back
      ) : (
        <>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text" id="faq-proposal-warning">
              {text(lang, 'warning')}
            </strong>
          </div>
          <PostForm
            action={localePath(lang, faqProposalPaths.form(caseNumber))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'submit')}
            preventsDoubleClick
          >
            <TextArea {...control('question')} hint={text(lang, 'questionHint')} rows={6} />
            <TextArea {...control('answer')} hint={text(lang, 'answerHint')} rows={8} />
            <SingleCheckbox
              lang={lang}
              name="confirm"
              label={text(lang, 'confirm')}
              value="yes"
              isChecked={values.confirm}
              problems={problems}
            />
          </PostForm>
          {back}
        </>
      )}
    </FormPage>
  );
}

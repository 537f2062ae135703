import { Radios, TextArea } from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { type ReviewValues, reviewForm } from '../content-form.ts';
import type { VersionRow } from '../content-records.ts';
import type { FieldChange } from '../content-rules.ts';
import type { ContentItemDetail } from '../content-service.ts';
import { ChangesTable } from './staff-version-page.tsx';

/** `/staff/content/:number/review`: what the version in review changes, then approve or return it. */
export function StaffReviewPage(props: {
  lang: Lang;
  csrfToken: string;
  detail: ContentItemDetail;
  version: VersionRow;
  changes: readonly FieldChange[];
  values: ReviewValues;
  problems: FormProblems;
}) {
  const { lang, detail, version, values, problems } = props;
  const control = textControls(reviewForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'reviewTitle', { number: detail.item.number, version: version.version })}
      lead={text(lang, 'reviewLead')}
    >
      <h2 class="govuk-heading-m">
        {text(lang, version.version === 1 ? 'changesTitleFirst' : 'changesTitle')}
      </h2>
      <ChangesTable lang={lang} changes={props.changes} />
      <PostForm
        action={localePath(lang, contentStaffPaths.review(detail.item.number))}
        csrfToken={props.csrfToken}
        submit={text(lang, 'reviewSubmit')}
      >
        <Radios
          lang={lang}
          name="decision"
          legend={reviewForm.labels.decision[lang]}
          legendClass="govuk-fieldset__legend--m"
          choices={[
            { value: 'approve', label: text(lang, 'decisionApprove') },
            { value: 'return', label: text(lang, 'decisionReturn') },
          ]}
          value={values.decision}
          problems={problems}
        />
        <TextArea {...control('reviewNote')} isOptional hint={text(lang, 'reviewNoteHint')} rows={4} />
      </PostForm>
    </FormPage>
  );
}

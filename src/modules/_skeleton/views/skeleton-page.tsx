import { SuccessBanner, TextArea, TextInput } from '../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { skeletonForm } from '../skeleton-form.ts';
import { skeletonText as text } from '../skeleton-messages.ts';
import { skeletonPaths } from '../skeleton-paths.ts';

export interface SkeletonPageProps {
  lang: Lang;
  csrfToken: string;
  values: { name: string; days: string; note: string };
  problems: FormProblems;
  successMessage: string | null;
}

/**
 * A staff page with one form, from the forms kit: `FormPage` puts the error summary first, then the success
 * banner, the heading and the lead; `PostForm` carries the CSRF token and the button; `textControls` gives
 * each control its name, its label (the form's), what was typed and its problems.
 */
export function SkeletonPage({ lang, csrfToken, values, problems, successMessage }: SkeletonPageProps) {
  const control = textControls(skeletonForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'title')}
      lead={text(lang, 'lead')}
      notice={<SuccessBanner lang={lang} message={successMessage} />}
    >
      <PostForm
        action={localePath(lang, skeletonPaths.page)}
        csrfToken={csrfToken}
        submit={text(lang, 'submit')}
      >
        <TextInput {...control('name')} hint={text(lang, 'nameHint')} />
        <TextInput
          {...control('days')}
          hint={text(lang, 'daysHint')}
          inputMode="numeric"
          widthClass="govuk-input--width-4"
        />
        <TextArea {...control('note')} isOptional />
      </PostForm>
    </FormPage>
  );
}

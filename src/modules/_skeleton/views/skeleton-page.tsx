import {
  Button,
  CsrfField,
  ErrorSummary,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { skeletonText as text } from '../skeleton-messages.ts';
import { skeletonPaths } from '../skeleton-paths.ts';

export interface SkeletonPageProps {
  lang: Lang;
  csrfToken: string;
  values: { name: string; days: string; note: string };
  problems: FormProblems;
  successMessage: string | null;
}

/** A staff page with one form: the error summary first, the success banner, then the fields. */
export function SkeletonPage({ lang, csrfToken, values, problems, successMessage }: SkeletonPageProps) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        <SuccessBanner lang={lang} message={successMessage} />
        <h1 class="govuk-heading-l">{text(lang, 'title')}</h1>
        <p class="govuk-body">{text(lang, 'lead')}</p>
        <form method="post" action={localePath(lang, skeletonPaths.page)} novalidate>
          <CsrfField token={csrfToken} />
          <TextInput
            lang={lang}
            name="name"
            label={text(lang, 'nameLabel')}
            hint={text(lang, 'nameHint')}
            value={values.name}
            problems={problems}
          />
          <TextInput
            lang={lang}
            name="days"
            label={text(lang, 'daysLabel')}
            hint={text(lang, 'daysHint')}
            value={values.days}
            inputMode="numeric"
            widthClass="govuk-input--width-4"
            problems={problems}
          />
          <TextArea
            lang={lang}
            name="note"
            label={text(lang, 'noteLabel')}
            isOptional
            value={values.note}
            problems={problems}
          />
          <Button>{text(lang, 'submit')}</Button>
        </form>
      </div>
    </div>
  );
}

import type { Choice } from '../../platform/web/components/form-controls.tsx';
import type { Lang } from '../../platform/web/i18n.ts';
import type { FormField } from './catalogue-schemas.ts';

/** What a form shows of a service's (or a report category's) own question, in the reader's language. */
export interface FormFieldWords {
  label: string;
  /** Undefined where the author wrote none in that language. */
  hint: string | undefined;
  /** A choice question's options as a control's choices; none for other questions. */
  choices: Choice[];
}

export function formFieldWords(field: FormField, lang: Lang): FormFieldWords {
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return {
    label: pick(field.labelZh, field.labelEn),
    hint: pick(field.hintZh ?? '', field.hintEn ?? '') || undefined,
    choices:
      field.type === 'choice'
        ? field.options.map((option) => ({
            value: option.value,
            label: pick(option.labelZh, option.labelEn),
          }))
        : [],
  };
}

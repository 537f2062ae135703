import { type TObject, type TSchema, Type } from 'typebox';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import {
  defineForm,
  type FormDefinition,
  field,
  type Words,
} from '../../platform/web/components/read-form.ts';
import type { FormField } from '../catalogue/index.ts';
import { answerInput } from './application-input.ts';
import { type ApplicationTextKey, applicationText } from './applications-messages.ts';

/** The forms of the application's pages (the forms kit's): what each input may hold and its label. */

const words = (key: ApplicationTextKey): Words => ({
  'zh-TW': applicationText('zh-TW', key),
  en: applicationText('en', key),
});

export const applicantForm = defineForm(
  Type.Object({
    applicantType: field.text({ maxLength: fieldLimits.token }),
    applicantName: field.text({ maxLength: fieldLimits.personName }),
    applicantCompany: field.text({ maxLength: fieldLimits.organisationName }),
    applicantAddress: field.text({ maxLength: fieldLimits.address }),
    applicantPhone: field.text({ maxLength: fieldLimits.phone }),
    consent: field.tick(),
  }),
  {
    applicantType: words('applicantTypeLegend'),
    applicantName: words('applicantName'),
    applicantCompany: words('applicantCompany'),
    applicantAddress: words('applicantAddress'),
    applicantPhone: words('applicantPhone'),
    consent: words('consentLegend'),
  },
);

export const contactForm = defineForm(
  Type.Object({
    contactKind: field.text({ maxLength: fieldLimits.token }),
    email: field.text({ maxLength: fieldLimits.email }),
    mobile: field.text({ maxLength: fieldLimits.phone }),
  }),
  {
    contactKind: words('contactKindLegend'),
    email: words('contactEmail'),
    mobile: words('contactMobile'),
  },
);

export const codeForm = defineForm(Type.Object({ code: field.text({ maxLength: fieldLimits.code }) }), {
  code: words('codeLabel'),
});

/** The description's words: a petition's content (required), or an application's "anything else". */
export function descriptionWords(kind: string): { label: Words; hint: Words } {
  return kind === 'petition'
    ? { label: words('descriptionPetition'), hint: words('descriptionPetitionHint') }
    : { label: words('descriptionApplication'), hint: words('descriptionApplicationHint') };
}

/** One answer page's form: its questions (`field.<id>`, the place as `address`) and, on the last, the description. */
export function answersFormFor(
  fields: readonly FormField[],
  options: { asksDescription: boolean; kind: string },
): FormDefinition<TObject> {
  const properties: Record<string, TSchema> = {};
  const labels: Record<string, Words> = {};
  for (const question of fields) {
    const name = question.type === 'location' ? 'address' : answerInput(question.id);
    properties[name] = field.text({ maxLength: question.type === 'location' ? 300 : 2000 });
    labels[name] = { 'zh-TW': question.labelZh, en: question.labelEn };
  }
  if (options.asksDescription) {
    properties.description = field.text({ maxLength: fieldLimits.longText });
    labels.description = descriptionWords(options.kind).label;
  }
  return defineForm(Type.Object(properties), labels as FormDefinition<TObject>['labels']);
}

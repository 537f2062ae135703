import { Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { expansionTerms, normalisedPhrase } from '../../../platform/search/query-parsing.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { searchText as text } from './search-messages.ts';

/** The synonym editor's form and its rules beyond the fields (pure). */

export const synonymForm = defineForm(
  Type.Object({
    phrase: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    expansion: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
  }),
  {
    phrase: { 'zh-TW': '民眾常用的說法', en: 'Everyday words' },
    expansion: { 'zh-TW': '本局用語', en: 'The bureau’s terms' },
  },
);

export const maxExpansionTerms = 8;

export interface CleanSynonym {
  readonly phrase: string;
  readonly expansion: string;
}

/** The synonym as stored (phrase normalised without spaces, terms normalised and each once), and its problems. */
export function cleanSynonym(
  values: { phrase: string; expansion: string },
  lang: Lang,
): { synonym: CleanSynonym; problems: FieldProblem[] } {
  const phrase = normalisedPhrase(values.phrase);
  const terms = expansionTerms(values.expansion).filter((term) => term !== phrase);
  const problems: FieldProblem[] = [];
  if (values.expansion.trim() !== '' && terms.length === 0) {
    problems.push({ field: 'expansion', code: 'same_as_phrase', message: text(lang, 'sameAsPhrase') });
  }
  if (terms.length > maxExpansionTerms) {
    problems.push({
      field: 'expansion',
      code: 'too_many_terms',
      message: text(lang, 'tooManyTerms', { limit: maxExpansionTerms }),
    });
  }
  return { synonym: { phrase, expansion: terms.join(' ') }, problems };
}

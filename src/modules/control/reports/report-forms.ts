import { type TString, Type } from 'typebox';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { wordsOf } from '../shared/control-forms.ts';
import type { ReportItem } from './report-build.ts';
import { reportText } from './report-messages.ts';
import { itemField, maxItemNarrative, maxNarrative, type NarrativeForm } from './report-rules.ts';

/** The annual report's forms: the secretariat's narrative (and one per implementation item), and issuing. */

/** The version of the report the page was made from (a form made from an earlier one is refused). */
const version = field.text({ maxLength: 12 });

/** The narrative form of a report: the whole report's, required, and one (optional) per item it shows. */
export function narrativeForm(items: readonly Pick<ReportItem, 'id' | 'label' | 'title'>[]) {
  const fields: Record<string, TString> = {
    version,
    narrative: field.text({ maxLength: maxNarrative, isRequired: true }),
  };
  const labels: Record<string, Words> = {
    version: wordsOf(reportText, 'versionLabel'),
    narrative: wordsOf(reportText, 'narrativeLabel'),
  };
  for (const item of items) {
    fields[itemField(item.id)] = field.text({ maxLength: maxItemNarrative });
    // Messages name the item as the use case does: 「一、提升服務品質…」.
    labels[itemField(item.id)] = { 'zh-TW': `${item.label}${item.title}`, en: `${item.label}${item.title}` };
  }
  return defineForm(Type.Object(fields), labels);
}

/** The narrative form's values as the use case reads them. */
export function narrativeFormOf(values: Readonly<Record<string, string>>): NarrativeForm {
  const items = new Map<string, string>();
  for (const [name, value] of Object.entries(values))
    if (name.startsWith('item-')) items.set(name.slice('item-'.length), value);
  return { narrative: values.narrative ?? '', items };
}

/** Issuing: the version the page was made from is all it carries. */
export const issueForm = defineForm(Type.Object({ version }), {
  version: wordsOf(reportText, 'versionLabel'),
});

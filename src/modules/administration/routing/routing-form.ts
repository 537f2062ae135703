import { Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { routingText as text } from './routing-messages.ts';

/**
 * The routing pages' forms. The choices (services, districts, units) come from the database, so they are
 * read as codes (`fieldLimits.token`) and checked by the use case, which says 「請選擇…」 for an empty one
 * and names an unknown one; `step` is which button was pressed (preview first, then confirm).
 */

/** What the district select sends for a rule of every district. */
export const allDistrictsValue = '*';

const label = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

export const newRuleSteps = ['preview', 'confirm', 'edit'] as const;

/** A new rule: the service, the district (or all), the unit, a note. */
export const newRuleForm = defineForm(
  Type.Object({
    service: field.text({ maxLength: fieldLimits.token }),
    district: field.text({ maxLength: fieldLimits.token }),
    unit: field.text({ maxLength: fieldLimits.token }),
    note: field.text({ maxLength: fieldLimits.longText }),
    step: field.choice(newRuleSteps, { isRequired: true }),
  }),
  {
    service: label('serviceLabel'),
    district: label('districtLabel'),
    unit: label('unitLabel'),
    note: label('noteLabel'),
    step: label('stepLabel'),
  },
);

export const ruleSteps = ['preview', 'confirm', 'edit', 'remove-preview', 'remove'] as const;

/** A rule's page: its new unit and note, or its removal; `previousUnit` is the unit the page showed. */
export const ruleForm = defineForm(
  Type.Object({
    unit: field.text({ maxLength: fieldLimits.token }),
    note: field.text({ maxLength: fieldLimits.longText }),
    previousUnit: field.text({ maxLength: fieldLimits.token }),
    step: field.choice(ruleSteps, { isRequired: true }),
  }),
  {
    unit: label('unitLabel'),
    note: label('noteLabel'),
    previousUnit: label('previousUnitLabel'),
    step: label('stepLabel'),
  },
);

/** The district as the use case takes it: null for every district, '' when none was chosen. */
export function districtCodeOf(value: string): string | null {
  return value === allDistrictsValue ? null : value;
}

/** The district as the select shows it again. */
export function districtValueOf(code: string | null): string {
  return code === null ? allDistrictsValue : code;
}

/** The labels problems are named by in the error summary, in the page's order. */
export function fieldLabels(lang: Lang): Record<string, string> {
  return {
    service: text(lang, 'serviceLabel'),
    district: text(lang, 'districtLabel'),
    unit: text(lang, 'unitLabel'),
    note: text(lang, 'noteLabel'),
    step: text(lang, 'stepLabel'),
  };
}

export const fieldOrder = ['service', 'district', 'unit', 'note', 'step'] as const;

import { Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { casePageText } from './case-page-messages.ts';
import { consoleText } from './console-messages.ts';

/**
 * The staff console's forms (the forms kit's `defineForm`) and the small rules beyond their fields. What an
 * action requires (a reason to reject, a unit to transfer to) is the workflow's and is checked by the use
 * case, which lists every missing input at once; the forms bound what anyone may send.
 */

const casePageWords = (key: Parameters<typeof casePageText>[1]): Words => ({
  'zh-TW': casePageText('zh-TW', key),
  en: casePageText('en', key),
});
const consoleWords = (key: Parameters<typeof consoleText>[1]): Words => ({
  'zh-TW': consoleText('zh-TW', key),
  en: consoleText('en', key),
});
const versionLabel: Words = { 'zh-TW': '案件版本', en: 'Case version' };

/** Every workflow action's form: each action shows only the inputs it needs. */
export const eventForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: 20 }),
    publicNote: field.text({ maxLength: 4000 }),
    internalNote: field.text({ maxLength: 4000 }),
    resolution: field.text({ maxLength: 8000 }),
    reason: field.text({ maxLength: 4000 }),
    targetUnit: field.text({ maxLength: 100 }),
    targetAgency: field.text({ maxLength: 200 }),
    targetCase: field.text({ maxLength: 40 }),
  }),
  {
    version: versionLabel,
    publicNote: casePageWords('inputPublicNote'),
    internalNote: casePageWords('inputInternalNote'),
    resolution: casePageWords('inputResolution'),
    reason: casePageWords('inputReason'),
    targetUnit: casePageWords('inputTargetUnit'),
    targetAgency: casePageWords('inputTargetAgency'),
    targetCase: casePageWords('inputTargetCase'),
  },
);

export const extensionRequestForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: 20 }),
    amount: field.text({ maxLength: 20 }),
    reason: field.text({ maxLength: 4000 }),
  }),
  {
    version: versionLabel,
    amount: casePageWords('extensionAmountDays'),
    reason: casePageWords('extensionReason'),
  },
);

export const extensionDecisionForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: 20 }),
    decision: field.choice(['approve', 'refuse']),
    note: field.text({ maxLength: 4000 }),
  }),
  {
    version: versionLabel,
    decision: casePageWords('decideHeading'),
    note: casePageWords('decideNote'),
  },
);

export const assignForm = defineForm(Type.Object({ handlerId: field.text({ maxLength: 60 }) }), {
  handlerId: casePageWords('assignHandler'),
});

export const bulkAssignForm = defineForm(
  Type.Object({
    handlerId: field.text({ maxLength: 60 }),
    caseIds: field.ticks({ maxItems: 200, maxLength: 60 }),
    /** The queue's filters, to come back to the same view. */
    returnQuery: field.text({ maxLength: 1000 }),
  }),
  {
    handlerId: consoleWords('bulkAssignHandler'),
    caseIds: consoleWords('columnSelect'),
    returnQuery: consoleWords('filtersHeading'),
  },
);

/** The look-up is a GET form: any one of the three. */
export const lookupForm = defineForm(
  Type.Object({
    caseNumber: field.text({ maxLength: 40 }),
    phone: field.text({ maxLength: 40 }),
    name: field.text({ maxLength: 100 }),
  }),
  {
    caseNumber: consoleWords('lookupCaseNumber'),
    phone: consoleWords('lookupPhone'),
    name: consoleWords('lookupName'),
  },
);

/** Full-width digits and spaces accepted (UX.md); anything else is NaN, which the use case names. */
export function amountOf(typed: string): number {
  const compact = typed.normalize('NFKC').trim();
  return /^\d{1,4}$/.test(compact) ? Number(compact) : Number.NaN;
}

/** A decision is one of the two buttons; without one, the form says so. */
export function decisionProblems(values: { decision: string }, lang: Lang): FieldProblem[] {
  return values.decision === ''
    ? [{ field: 'decision', code: 'required', message: casePageText(lang, 'decisionRequired') }]
    : [];
}

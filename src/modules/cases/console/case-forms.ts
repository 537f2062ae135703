import { Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type CasePageTextKey, casePageText } from './case-page-messages.ts';
import { consoleText } from './console-messages.ts';

/**
 * The staff console's forms (the forms kit's `defineForm`) and the small rules beyond their fields. What an
 * action requires (a reason to reject, a unit to transfer to) is the workflow's and is checked by the use
 * case, which lists every missing input at once; the forms bound what anyone may send.
 */

/** A form's labels in both languages: each field's from its key in these words. */
function labelsIn<Key extends string, Name extends string>(
  words: (lang: Lang, key: Key) => string,
  keys: Readonly<Record<Name, Key>>,
): Record<Name, Words> {
  const fields = Object.entries<Key>(keys).map(([name, key]): [string, Words] => [
    name,
    { 'zh-TW': words('zh-TW', key), en: words('en', key) },
  ]);
  return Object.fromEntries(fields) as Record<Name, Words>;
}
/** The case page's words for the inputs of a workflow action: the form's labels, and the conflict banner's. */
export const eventInputLabelKeys = {
  publicNote: 'inputPublicNote',
  internalNote: 'inputInternalNote',
  resolution: 'inputResolution',
  reason: 'inputReason',
  targetUnit: 'inputTargetUnit',
  targetAgency: 'inputTargetAgency',
  targetCase: 'inputTargetCase',
} as const satisfies Readonly<Record<string, CasePageTextKey>>;

const versionLabel: Words = { 'zh-TW': '案件版本', en: 'Case version' };

/** Every workflow action's form: each action shows only the inputs it needs. */
export const eventForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: fieldLimits.token }),
    publicNote: field.text({ maxLength: fieldLimits.longText }),
    internalNote: field.text({ maxLength: fieldLimits.longText }),
    resolution: field.text({ maxLength: fieldLimits.longText }),
    reason: field.text({ maxLength: fieldLimits.longText }),
    targetUnit: field.text({ maxLength: fieldLimits.token }),
    targetAgency: field.text({ maxLength: fieldLimits.organisationName }),
    targetCase: field.text({ maxLength: fieldLimits.caseNumber }),
  }),
  {
    version: versionLabel,
    ...labelsIn(casePageText, eventInputLabelKeys),
  },
);

export const extensionRequestForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: fieldLimits.token }),
    amount: field.text({ maxLength: fieldLimits.token }),
    reason: field.text({ maxLength: fieldLimits.longText }),
  }),
  {
    version: versionLabel,
    ...labelsIn(casePageText, { amount: 'extensionAmountDays', reason: 'extensionReason' }),
  },
);

export const extensionDecisionForm = defineForm(
  Type.Object({
    version: field.text({ maxLength: fieldLimits.token }),
    decision: field.choice(['approve', 'refuse']),
    note: field.text({ maxLength: fieldLimits.longText }),
  }),
  { version: versionLabel, ...labelsIn(casePageText, { decision: 'decideHeading', note: 'decideNote' }) },
);

export const assignForm = defineForm(
  Type.Object({ handlerId: field.text({ maxLength: fieldLimits.token }) }),
  labelsIn(casePageText, { handlerId: 'assignHandler' }),
);

export const bulkAssignForm = defineForm(
  Type.Object({
    handlerId: field.text({ maxLength: fieldLimits.token }),
    caseIds: field.ticks({ maxItems: 200, maxLength: fieldLimits.token }),
    /** The queue's filters, to come back to the same view. */
    returnQuery: field.text({ maxLength: 1000 }),
  }),
  labelsIn(consoleText, {
    handlerId: 'bulkAssignHandler',
    caseIds: 'columnSelect',
    returnQuery: 'filtersHeading',
  }),
);

/** The look-up is a GET form: any one of the three. */
export const lookupForm = defineForm(
  Type.Object({
    caseNumber: field.text({ maxLength: fieldLimits.caseNumber }),
    phone: field.text({ maxLength: fieldLimits.phone }),
    name: field.text({ maxLength: fieldLimits.personName }),
  }),
  labelsIn(consoleText, { caseNumber: 'lookupCaseNumber', phone: 'lookupPhone', name: 'lookupName' }),
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

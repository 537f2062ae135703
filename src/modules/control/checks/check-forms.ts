import { type Static, type TString, Type } from 'typebox';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { wordsOf } from '../shared/control-forms.ts';
import {
  actionRows,
  type CheckForm,
  type CheckView,
  checkKinds,
  limits,
  type ReviseForm,
} from './check-rules.ts';
import { type ChecksTextKey, checksText } from './checks-messages.ts';

/**
 * The forms of 陸、管制查考: a check (and its correction), a follow-up entry of an action, and the actions
 * that carry nothing but their CSRF token (confirm, close, remove an evidence file).
 */

const label = (key: ChecksTextKey, values?: Record<string, string | number>) =>
  wordsOf(checksText, key, values);

/** A date as people type it: 民國 (115/3/2) or 西元 (2026-03-02); check-rules.ts reads it. */
const date = field.text({ maxLength: 20 });
/** A unit chosen from the list (check-rules.ts says when it is not one). */
const unit = field.text({ maxLength: 60 });

type ActionFieldName = `action${number}${'Description' | 'Deadline' | 'Unit'}`;

const actionNumbers = Array.from({ length: actionRows }, (_, index) => index + 1);
const actionFields = Object.fromEntries(
  actionNumbers.flatMap((n) => [
    [`action${n}Description`, field.text({ maxLength: limits.description })],
    [`action${n}Deadline`, date],
    [`action${n}Unit`, unit],
  ]),
) as Record<ActionFieldName, TString>;
const actionLabels = Object.fromEntries(
  actionNumbers.flatMap((n) => [
    [`action${n}Description`, label('actionDescriptionLabel', { n })],
    [`action${n}Deadline`, label('actionDeadlineLabel', { n })],
    [`action${n}Unit`, label('actionUnitLabel', { n })],
  ]),
) as Record<ActionFieldName, Words>;

const checkFields = {
  checkDate: date,
  unitCode: unit,
  kind: field.choice(checkKinds),
  subject: field.text({ maxLength: limits.subject }),
  score: field.text({ maxLength: 10 }),
  findings: field.text({ maxLength: limits.findings }),
};
const checkLabels = {
  checkDate: label('checkDateLabel'),
  unitCode: label('unitLabel'),
  kind: label('kindLabel'),
  subject: label('subjectLabel'),
  score: label('scoreLabel'),
  findings: label('findingsLabel'),
};

/** A spot check or a self-assessment: what was checked, how it went, and up to three corrective actions. */
export const checkForm = defineForm(Type.Object({ ...checkFields, ...actionFields }), {
  ...checkLabels,
  ...actionLabels,
});

/** A correction: the check's fields again, new actions, the reason, and the version it was made from. */
export const revisionForm = defineForm(
  Type.Object({
    ...checkFields,
    ...actionFields,
    reason: field.text({ maxLength: limits.reason }),
    version: field.text({ maxLength: 12 }),
  }),
  { ...checkLabels, ...actionLabels, reason: label('reasonLabel'), version: label('versionLabel') },
);

/** A follow-up entry of an action (its evidence files come through readMultipartForm). */
export const followUpForm = defineForm(
  Type.Object({ entryDate: date, note: field.text({ maxLength: limits.note }) }),
  { entryDate: label('followUpDateLabel'), note: label('followUpNoteLabel') },
);

/** The upload's problems are the `evidence` input's: its label for the error summary. */
export const evidenceLabel = label('evidenceLabel');

/** A form without fields: confirm, close, remove an evidence file. */
export const actionOnlyForm = defineForm(Type.Object({}), {});

/** A check's form as the use case reads it: the three action rows as a list. */
export function checkFormOf(values: Static<typeof checkForm.schema>): CheckForm {
  const typed = values as Readonly<Record<string, unknown>>;
  const text = (name: string) => String(typed[name] ?? '');
  return {
    checkDate: values.checkDate,
    unitCode: values.unitCode,
    kind: values.kind,
    subject: values.subject,
    score: values.score,
    findings: values.findings,
    actions: actionNumbers.map((n) => ({
      description: text(`action${n}Description`),
      deadline: text(`action${n}Deadline`),
      unitCode: text(`action${n}Unit`),
    })),
  };
}

export function reviseFormOf(values: Static<typeof revisionForm.schema>): ReviseForm {
  return { ...checkFormOf(values), reason: values.reason };
}

/** A new check's form: a phone courtesy test, the unit given for a self-assessment. */
export function emptyCheckForm(unitCode = ''): CheckForm {
  return {
    checkDate: '',
    unitCode,
    kind: 'phone_courtesy',
    subject: '',
    score: '',
    findings: '',
    actions: actionNumbers.map(() => ({ description: '', deadline: '', unitCode: '' })),
  };
}

/** A recorded check as its correction's form (new actions start empty; the reason too). */
export function reviseFormOfCheck(check: CheckView): ReviseForm {
  return {
    ...emptyCheckForm(check.unitCode),
    checkDate: check.checkDate,
    kind: check.kind,
    subject: check.subject,
    score: check.score === null ? '' : String(check.score),
    findings: check.findings,
    reason: '',
  };
}

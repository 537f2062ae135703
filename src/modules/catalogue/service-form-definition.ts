import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import type { ServiceForm } from './catalogue-admin-form.ts';
import { type CatalogueAdminTextKey, catalogueAdminText as text } from './catalogue-admin-messages.ts';
import {
  type ChecklistItem,
  type Fee,
  type FormField,
  type FormFieldType,
  formFieldTypes,
  type ServiceDefinition,
  type ServiceKind,
  type SopStep,
  serviceKinds,
} from './catalogue-schemas.ts';

/**
 * The editors' form as a service definition, so every rule of catalogue-validation.ts can run on it: what
 * only the form can get wrong (「三天」 is not a number, an option line without its labels) becomes a problem
 * of its own and a placeholder in the definition. Pure, unit-tested with the form.
 */

/** Full-width digits and signs as ASCII, without thousands separators or spaces: 「１,０００」 → "1000". */
function normaliseNumber(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/[,，\s]/g, '');
}

function wholeNumber(value: string): number | null {
  const normalised = normaliseNumber(value);
  if (!/^-?\d+$/.test(normalised)) return null;
  const number = Number(normalised);
  return Number.isSafeInteger(number) ? number : null;
}

/** The lines of a textarea with their numbers (from 1), blank lines left out. */
function linesOf(value: string): { line: number; text: string }[] {
  return value
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, text: text.trim() }))
    .filter((entry) => entry.text !== '');
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

export interface FormReading {
  definition: ServiceDefinition;
  /** What only the form can get wrong, by the definition's field paths (merged with the rules' problems). */
  problems: FieldProblem[];
  /** For each form field, the textarea line each option came from (option problems name the line). */
  optionLines: number[][];
}

/**
 * A form as a definition of the right shape, so that every rule can still be checked: what cannot be
 * read becomes a placeholder (0, the first kind) and a problem of its own, which replaces the rule's
 * problem on the same field.
 */
export function definitionOfForm(form: ServiceForm, lang: Lang): FormReading {
  const problems: FieldProblem[] = [];
  const add = (
    field: string,
    code: string,
    key: CatalogueAdminTextKey,
    values?: Record<string, string | number>,
  ) => problems.push({ field, code, message: text(lang, key, values) });

  const isKind = (serviceKinds as readonly string[]).includes(form.kind);
  if (!isKind) add('kind', 'required', 'chooseKind');
  if (form.unitCode === '') add('unitCode', 'required', 'chooseUnit');
  if (form.serviceClassificationCode === '')
    add('serviceClassificationCode', 'required', 'chooseClassification');

  const isHours = form['deadline.kind'] === 'hours';
  if (form['deadline.kind'] !== 'working_days' && !isHours)
    add('deadline.kind', 'required', 'chooseDeadlineKind');
  const deadlineField = isHours ? 'deadline.hours' : 'deadline.days';
  let amount = wholeNumber(form['deadline.amount']);
  if (form['deadline.amount'].trim() === '') add(deadlineField, 'required', 'enterDeadline');
  else if (amount === null) add(deadlineField, 'not_a_whole_number', 'notWholeNumber');
  amount ??= 0;

  const fees = form.fees.map((row, index): Fee => {
    let amountTwd = wholeNumber(row.amountTwd);
    if (row.amountTwd.trim() === '') add(`fees.${index}.amountTwd`, 'required', 'enterAmount');
    else if (amountTwd === null) add(`fees.${index}.amountTwd`, 'not_a_whole_number', 'notWholeNumber');
    amountTwd ??= 0;
    const noteZh = optional(row.noteZh);
    const noteEn = optional(row.noteEn);
    const perFieldId = optional(row.perFieldId);
    return {
      labelZh: row.labelZh.trim(),
      labelEn: row.labelEn.trim(),
      amountTwd,
      ...(perFieldId === undefined ? {} : { perFieldId }),
      ...(noteZh === undefined ? {} : { noteZh }),
      ...(noteEn === undefined ? {} : { noteEn }),
    };
  });

  const optionLines: number[][] = [];
  const formFields = form.formFields.map((row, index): FormField => {
    const at = `formFields.${index}`;
    const isType = (formFieldTypes as readonly string[]).includes(row.type);
    if (!isType) add(`${at}.type`, 'required', 'chooseFieldType');
    const type = (isType ? row.type : 'text') as FormFieldType;
    const hintZh = optional(row.hintZh);
    const hintEn = optional(row.hintEn);
    const common = {
      id: row.id.trim(),
      labelZh: row.labelZh.trim(),
      labelEn: row.labelEn.trim(),
      ...(hintZh === undefined ? {} : { hintZh }),
      ...(hintEn === undefined ? {} : { hintEn }),
      isRequired: row.isRequired,
    };
    const unitZh = optional(row.unitZh);
    if (unitZh !== undefined && type !== 'number') add(`${at}.unitZh`, 'unit_not_allowed', 'unitNotNumber');
    const lines = linesOf(row.options);
    optionLines.push([]);
    if (type !== 'choice' && lines.length > 0)
      add(`${at}.options`, 'options_not_allowed', 'optionsNotChoice');
    switch (type) {
      case 'choice': {
        const options = [];
        for (const { line, text: lineText } of lines) {
          const parts = lineText.split(/[|｜]/).map((part) => part.trim());
          if (parts.length !== 3) {
            add(`${at}.options`, 'invalid_option_line', 'optionLine', { line });
            continue;
          }
          const [value = '', labelZh = '', labelEn = ''] = parts;
          options.push({ value, labelZh, labelEn });
          optionLines[index]?.push(line);
        }
        return { type, ...common, options };
      }
      case 'text':
        return { type, ...common, ...(row.isMultiline ? { isMultiline: true } : {}) };
      case 'number':
        return { type, ...common, ...(unitZh === undefined ? {} : { unitZh }) };
      default:
        return { type, ...common };
    }
  });

  const sample: Record<string, string> = {};
  const sampleLines = new Map<string, number>();
  for (const { line, text: lineText } of linesOf(form.sample)) {
    const separator = lineText.indexOf('=');
    if (separator <= 0) {
      add('sample', 'invalid_sample_line', 'sampleLine', { line });
      continue;
    }
    const id = lineText.slice(0, separator).trim();
    if (sampleLines.has(id)) {
      add('sample', 'duplicate_sample', 'sampleDuplicate', { line, id });
      continue;
    }
    sampleLines.set(id, line);
    sample[id] = lineText.slice(separator + 1).trim();
  }

  const checklist = form.checklist.map(
    (row): ChecklistItem => ({
      id: row.id.trim(),
      nameZh: row.nameZh.trim(),
      nameEn: row.nameEn.trim(),
      explanationZh: row.explanationZh.trim(),
      explanationEn: row.explanationEn.trim(),
      isElectronicallyVerifiable: row.isElectronicallyVerifiable,
      isRequired: row.isRequired,
    }),
  );
  const sopSteps = form.sopSteps.map(
    (row): SopStep => ({
      titleZh: row.titleZh.trim(),
      titleEn: row.titleEn.trim(),
      detailZh: row.detailZh.trim(),
      detailEn: row.detailEn.trim(),
    }),
  );

  const definition: ServiceDefinition = {
    code: form.code.trim(),
    isDemo: form.isDemo,
    nameZh: form.nameZh.trim(),
    nameEn: form.nameEn.trim(),
    summaryZh: form.summaryZh.trim(),
    summaryEn: form.summaryEn.trim(),
    descriptionZh: form.descriptionZh.trim(),
    descriptionEn: form.descriptionEn.trim(),
    kind: (isKind ? form.kind : 'application') as ServiceKind,
    unitCode: form.unitCode,
    checklist,
    fees,
    deadline: isHours ? { kind: 'hours', hours: amount } : { kind: 'working_days', days: amount },
    sopSteps,
    formFields,
    sample,
    serviceClassificationCode: form.serviceClassificationCode,
    themeClassificationCode: optional(form.themeClassificationCode) ?? null,
    administrativeClassificationCode: optional(form.administrativeClassificationCode) ?? null,
    isOnline: form.isOnline,
  };
  return { definition, problems, optionLines };
}

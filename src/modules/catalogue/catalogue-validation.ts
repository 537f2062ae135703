import { Value } from 'typebox/value';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { type Lang, translator } from '../../platform/web/i18n.ts';
import { type FormField, ServiceDefinition } from './catalogue-schemas.ts';

/**
 * Every rule a service definition must meet, checked without a database (the caller passes the codes
 * that exist), so an editor sees every problem in one pass and the rules are unit-testable.
 *
 * Two stages: the form (types, required properties) first, from the TypeBox schema; only a definition of
 * the right form can be checked further (uniqueness, references, sample answers), and then all of those
 * problems are listed together.
 */

export interface KnownCodes {
  /** Unit code → whether the unit is active (a new version may not name a unit that no longer exists). */
  units: ReadonlyMap<string, boolean>;
  serviceClassifications: ReadonlySet<string>;
  themeClassifications: ReadonlySet<string>;
  administrativeClassifications: ReadonlySet<string>;
}

export type DefinitionValidation =
  | { ok: true; definition: ServiceDefinition }
  | { ok: false; problems: FieldProblem[] };

const text = translator({
  'zh-TW': {
    invalidForm: '格式不正確（{detail}）。',
    missingProperty: '缺少必填項目「{name}」。',
    required: '請填寫此欄位。',
    tooLong: '不可超過 {max} 個字。',
    invalidCode:
      '代碼只能用小寫英文字母、數字及連字號（-），且不可超過 60 個字元，例如 street-light-repair。',
    invalidId: '識別碼只能用小寫英文字母、數字及連字號（-），且不可超過 60 個字元。',
    duplicateId: '識別碼「{id}」已在第 {first} 項使用過。',
    unknownUnit: '沒有代碼為「{code}」的單位。',
    inactiveUnit: '單位「{code}」已改制，請改選承接其業務的單位。',
    unknownClassification: '沒有代碼為「{code}」的分類。',
    negativeAmount: '金額不可為負數（免費請填 0）。',
    feeFieldUnknown: '按單位計費的費用須指向本服務表單中的數字欄位。',
    notPositive: '期限必須大於 0。',
    tooLarge: '期限不可超過 {max}。',
    noSteps: '請至少列出一個作業步驟。',
    noOptions: '選擇題至少要有兩個選項。',
    duplicateOption: '選項值「{value}」重複。',
    unknownField: '範例填寫了不存在的欄位「{id}」。',
    unknownOption: '範例值「{value}」不是這個欄位的選項。',
    notANumber: '範例值「{value}」不是數字。',
    invalidDate: '範例日期「{value}」不是 YYYY-MM-DD 格式的日期。',
  },
  en: {
    invalidForm: 'This does not have the expected form ({detail}).',
    missingProperty: 'The required item “{name}” is missing.',
    required: 'Enter a value.',
    tooLong: 'Use no more than {max} characters.',
    invalidCode:
      'Use only lower-case letters, digits and hyphens, at most 60 characters, e.g. street-light-repair.',
    invalidId: 'Use only lower-case letters, digits and hyphens, at most 60 characters.',
    duplicateId: 'The id “{id}” is already used by item {first}.',
    unknownUnit: 'No unit has the code “{code}”.',
    inactiveUnit: 'The unit “{code}” no longer exists; choose the unit that took over its duties.',
    unknownClassification: 'No classification has the code “{code}”.',
    negativeAmount: 'An amount cannot be negative (enter 0 when free).',
    feeFieldUnknown: 'A fee per unit must name a number field of this service’s form.',
    notPositive: 'The deadline must be more than 0.',
    tooLarge: 'The deadline cannot be more than {max}.',
    noSteps: 'List at least one step.',
    noOptions: 'A choice needs at least two options.',
    duplicateOption: 'The option value “{value}” is used twice.',
    unknownField: 'The sample answers a field that does not exist: “{id}”.',
    unknownOption: 'The sample value “{value}” is not one of this field’s options.',
    notANumber: 'The sample value “{value}” is not a number.',
    invalidDate: 'The sample date “{value}” is not a date written YYYY-MM-DD.',
  },
});

const urlSafe = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const maxIdLength = 60;
const maxWorkingDays = 365;
const maxHours = 720;

/** `/checklist/2/id` → `checklist.2.id`, the field names the error shape uses everywhere else. */
function fieldOf(instancePath: string, extra?: string): string {
  return [instancePath.replace(/^\//, '').replaceAll('/', '.'), extra].filter(Boolean).join('.');
}

function formProblems(input: unknown, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: '', code: 'invalid_form', message: text(lang, 'invalidForm', { detail: 'object' }) }];
  }
  const record = input as Record<string, unknown>;
  const required = new Set<string>(ServiceDefinition.required ?? []);
  // TypeBox stops after a few errors per check (Settings.maxErrors, 8), so each property is checked on its
  // own: one badly formed part cannot hide the problems of the others.
  for (const [name, schema] of Object.entries(ServiceDefinition.properties)) {
    const value = record[name];
    if (value === undefined) {
      if (required.has(name))
        problems.push({ field: name, code: 'required', message: text(lang, 'missingProperty', { name }) });
      continue;
    }
    for (const error of Value.Errors(schema, value)) {
      const path = `/${name}${error.instancePath}`;
      if (error.keyword === 'required') {
        const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
        for (const property of missing) {
          problems.push({
            field: fieldOf(path, property),
            code: 'required',
            message: text(lang, 'missingProperty', { name: property }),
          });
        }
        continue;
      }
      problems.push({
        field: fieldOf(path),
        code: 'invalid_form',
        message: text(lang, 'invalidForm', { detail: error.message }),
      });
    }
  }
  // A union (deadline, form fields) reports each branch it tried; one line per field is enough.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}|${problem.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Checks a definition and returns it typed, or every problem found. */
export function validateServiceDefinition(
  input: unknown,
  known: KnownCodes,
  options: { lang?: Lang } = {},
): DefinitionValidation {
  const lang = options.lang ?? 'zh-TW';
  const shapeProblems = formProblems(input, lang);
  if (shapeProblems.length > 0) return { ok: false, problems: shapeProblems };
  const definition = input as ServiceDefinition;
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });

  const requireText = (field: string, value: string | undefined, maxLength: number) => {
    if (value === undefined || value.trim() === '') add(field, 'required', text(lang, 'required'));
    else if (value.length > maxLength) add(field, 'too_long', text(lang, 'tooLong', { max: maxLength }));
  };
  // Every text is written in both languages; the same words take English about twice the characters, so its
  // limit is twice the Chinese one.
  const requireBothLanguages = (
    field: string,
    values: { zh: string | undefined; en: string | undefined },
    maxLengthZh: number,
  ) => {
    requireText(`${field}Zh`, values.zh, maxLengthZh);
    requireText(`${field}En`, values.en, maxLengthZh * 2);
  };
  const checkId = (field: string, id: string, firstByIds: Map<string, number>, position: number) => {
    if (!urlSafe.test(id) || id.length > maxIdLength) {
      add(field, 'invalid_id', text(lang, 'invalidId'));
      return;
    }
    const first = firstByIds.get(id);
    if (first !== undefined) add(field, 'duplicate_id', text(lang, 'duplicateId', { id, first: first + 1 }));
    else firstByIds.set(id, position);
  };

  if (!urlSafe.test(definition.code) || definition.code.length > maxIdLength)
    add('code', 'invalid_code', text(lang, 'invalidCode'));
  requireBothLanguages('name', { zh: definition.nameZh, en: definition.nameEn }, 100);
  requireBothLanguages('summary', { zh: definition.summaryZh, en: definition.summaryEn }, 300);
  requireBothLanguages('description', { zh: definition.descriptionZh, en: definition.descriptionEn }, 5000);

  const unitIsActive = known.units.get(definition.unitCode);
  if (unitIsActive === undefined)
    add('unitCode', 'unknown_unit', text(lang, 'unknownUnit', { code: definition.unitCode }));
  else if (!unitIsActive)
    add('unitCode', 'inactive_unit', text(lang, 'inactiveUnit', { code: definition.unitCode }));
  const checkClassification = (field: string, code: string | null, codes: ReadonlySet<string>) => {
    if (code !== null && !codes.has(code))
      add(field, 'unknown_classification', text(lang, 'unknownClassification', { code }));
  };
  checkClassification(
    'serviceClassificationCode',
    definition.serviceClassificationCode,
    known.serviceClassifications,
  );
  checkClassification(
    'themeClassificationCode',
    definition.themeClassificationCode,
    known.themeClassifications,
  );
  checkClassification(
    'administrativeClassificationCode',
    definition.administrativeClassificationCode,
    known.administrativeClassifications,
  );

  const checklistIds = new Map<string, number>();
  definition.checklist.forEach((item, index) => {
    const at = `checklist.${index}`;
    checkId(`${at}.id`, item.id, checklistIds, index);
    requireBothLanguages(`${at}.name`, { zh: item.nameZh, en: item.nameEn }, 200);
    requireBothLanguages(`${at}.explanation`, { zh: item.explanationZh, en: item.explanationEn }, 1000);
  });

  definition.fees.forEach((fee, index) => {
    const at = `fees.${index}`;
    requireBothLanguages(`${at}.label`, { zh: fee.labelZh, en: fee.labelEn }, 200);
    if (fee.amountTwd < 0) add(`${at}.amountTwd`, 'negative_amount', text(lang, 'negativeAmount'));
    if (
      fee.perFieldId !== undefined &&
      !definition.formFields.some((field) => field.id === fee.perFieldId && field.type === 'number')
    )
      add(`${at}.perFieldId`, 'unknown_field', text(lang, 'feeFieldUnknown'));
  });

  const deadline = definition.deadline;
  const [amount, max] =
    deadline.kind === 'working_days' ? [deadline.days, maxWorkingDays] : [deadline.hours, maxHours];
  const deadlineField = deadline.kind === 'working_days' ? 'deadline.days' : 'deadline.hours';
  if (amount < 1) add(deadlineField, 'not_positive', text(lang, 'notPositive'));
  else if (amount > max) add(deadlineField, 'too_large', text(lang, 'tooLarge', { max }));

  if (definition.sopSteps.length === 0) add('sopSteps', 'required', text(lang, 'noSteps'));
  definition.sopSteps.forEach((step, index) => {
    const at = `sopSteps.${index}`;
    requireBothLanguages(`${at}.title`, { zh: step.titleZh, en: step.titleEn }, 200);
    requireBothLanguages(`${at}.detail`, { zh: step.detailZh, en: step.detailEn }, 1000);
  });

  const fieldIds = new Map<string, number>();
  definition.formFields.forEach((field, index) => {
    const at = `formFields.${index}`;
    checkId(`${at}.id`, field.id, fieldIds, index);
    requireBothLanguages(`${at}.label`, { zh: field.labelZh, en: field.labelEn }, 200);
    if (field.type === 'choice') {
      if (field.options.length < 2) add(`${at}.options`, 'no_options', text(lang, 'noOptions'));
      const values = new Set<string>();
      field.options.forEach((option, optionIndex) => {
        const optionAt = `${at}.options.${optionIndex}`;
        if (values.has(option.value))
          add(
            `${optionAt}.value`,
            'duplicate_option',
            text(lang, 'duplicateOption', { value: option.value }),
          );
        values.add(option.value);
        requireText(`${optionAt}.value`, option.value, 100);
        requireBothLanguages(`${optionAt}.label`, { zh: option.labelZh, en: option.labelEn }, 200);
      });
    }
  });

  const fieldsById = new Map<string, FormField>(definition.formFields.map((field) => [field.id, field]));
  for (const [id, value] of Object.entries(definition.sample)) {
    const at = `sample.${id}`;
    const field = fieldsById.get(id);
    if (!field) {
      add(at, 'unknown_field', text(lang, 'unknownField', { id }));
      continue;
    }
    if (field.type === 'choice' && !field.options.some((option) => option.value === value))
      add(at, 'unknown_option', text(lang, 'unknownOption', { value }));
    if (field.type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value))))
      add(at, 'not_a_number', text(lang, 'notANumber', { value }));
    if (field.type === 'date' && !isIsoDate(value))
      add(at, 'invalid_date', text(lang, 'invalidDate', { value }));
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
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
 * The HTML form of a service definition, without JavaScript: every value as the editor typed it (strings,
 * ticks), repeating parts as numbered rows (`checklist.0.nameZh`), choice options and the sample as
 * textareas of lines. Pure: the routes read a posted body into a `ServiceForm`, turn it into a definition
 * plus the problems only the form can have (「三天」 is not a number), and show it again with every problem.
 *
 * Rows are compacted when read (empty rows dropped), so row N of a form is item N of its definition and
 * the validator's field paths (`checklist.2.id`) name the right inputs.
 */

export interface ChecklistRow {
  id: string;
  nameZh: string;
  nameEn: string;
  explanationZh: string;
  explanationEn: string;
  isRequired: boolean;
  isElectronicallyVerifiable: boolean;
}

export interface FeeRow {
  labelZh: string;
  labelEn: string;
  amountTwd: string;
  noteZh: string;
  noteEn: string;
}

export interface StepRow {
  titleZh: string;
  titleEn: string;
  detailZh: string;
  detailEn: string;
}

export interface FieldRow {
  type: string;
  id: string;
  labelZh: string;
  labelEn: string;
  hintZh: string;
  hintEn: string;
  isRequired: boolean;
  isMultiline: boolean;
  unitZh: string;
  /** Lines `value|labelZh|labelEn`. */
  options: string;
}

export interface ServiceForm {
  code: string;
  isDemo: boolean;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  descriptionZh: string;
  descriptionEn: string;
  kind: string;
  unitCode: string;
  serviceClassificationCode: string;
  themeClassificationCode: string;
  administrativeClassificationCode: string;
  isOnline: boolean;
  deadlineKind: string;
  deadlineAmount: string;
  checklist: ChecklistRow[];
  fees: FeeRow[];
  sopSteps: StepRow[];
  formFields: FieldRow[];
  /** Lines `fieldId=value`. */
  sample: string;
}

export const repeatingParts = ['checklist', 'fees', 'sopSteps', 'formFields'] as const;
export type RepeatingPart = (typeof repeatingParts)[number];

/** Empty rows shown below the filled ones; "add empty rows" adds `blankRowsStep` more, up to the maximum. */
export const defaultBlankRows = 2;
export const blankRowsStep = 3;
export const maxBlankRows = 20;

export function blankChecklistRow(): ChecklistRow {
  return {
    id: '',
    nameZh: '',
    nameEn: '',
    explanationZh: '',
    explanationEn: '',
    isRequired: true,
    isElectronicallyVerifiable: false,
  };
}

export function blankFeeRow(): FeeRow {
  return { labelZh: '', labelEn: '', amountTwd: '', noteZh: '', noteEn: '' };
}

export function blankStepRow(): StepRow {
  return { titleZh: '', titleEn: '', detailZh: '', detailEn: '' };
}

export function blankFieldRow(): FieldRow {
  return {
    type: 'text',
    id: '',
    labelZh: '',
    labelEn: '',
    hintZh: '',
    hintEn: '',
    isRequired: true,
    isMultiline: false,
    unitZh: '',
    options: '',
  };
}

/** The form of a new service: nothing chosen for the editor (GOV.UK: no radio is ticked in advance). */
export function emptyServiceForm(): ServiceForm {
  return {
    code: '',
    isDemo: false,
    nameZh: '',
    nameEn: '',
    summaryZh: '',
    summaryEn: '',
    descriptionZh: '',
    descriptionEn: '',
    kind: '',
    unitCode: '',
    serviceClassificationCode: '',
    themeClassificationCode: '',
    administrativeClassificationCode: '',
    isOnline: false,
    deadlineKind: '',
    deadlineAmount: '',
    checklist: [],
    fees: [],
    sopSteps: [],
    formFields: [],
    sample: '',
  };
}

/** A stored definition as the form shows it. */
export function formOfDefinition(definition: ServiceDefinition): ServiceForm {
  const deadline = definition.deadline;
  return {
    code: definition.code,
    isDemo: definition.isDemo ?? false,
    nameZh: definition.nameZh,
    nameEn: definition.nameEn,
    summaryZh: definition.summaryZh,
    summaryEn: definition.summaryEn,
    descriptionZh: definition.descriptionZh,
    descriptionEn: definition.descriptionEn,
    kind: definition.kind,
    unitCode: definition.unitCode,
    serviceClassificationCode: definition.serviceClassificationCode,
    themeClassificationCode: definition.themeClassificationCode ?? '',
    administrativeClassificationCode: definition.administrativeClassificationCode ?? '',
    isOnline: definition.isOnline,
    deadlineKind: deadline.kind,
    deadlineAmount: String(deadline.kind === 'working_days' ? deadline.days : deadline.hours),
    checklist: definition.checklist.map((item) => ({ ...item })),
    fees: definition.fees.map((fee) => ({
      labelZh: fee.labelZh,
      labelEn: fee.labelEn,
      amountTwd: String(fee.amountTwd),
      noteZh: fee.noteZh ?? '',
      noteEn: fee.noteEn ?? '',
    })),
    sopSteps: definition.sopSteps.map((step) => ({ ...step })),
    formFields: definition.formFields.map((field) => ({
      type: field.type,
      id: field.id,
      labelZh: field.labelZh,
      labelEn: field.labelEn,
      hintZh: field.hintZh ?? '',
      hintEn: field.hintEn ?? '',
      isRequired: field.isRequired,
      isMultiline: field.type === 'text' && field.isMultiline === true,
      unitZh: field.type === 'number' ? (field.unitZh ?? '') : '',
      options:
        field.type === 'choice'
          ? field.options.map((option) => `${option.value}|${option.labelZh}|${option.labelEn}`).join('\n')
          : '',
    })),
    sample: sampleLines(definition),
  };
}

/** The sample as lines in the order of the form's fields (the database keeps object keys in its own order). */
function sampleLines(definition: ServiceDefinition): string {
  const fieldOrder = definition.formFields.map((field) => field.id);
  const position = (id: string) => {
    const index = fieldOrder.indexOf(id);
    return index === -1 ? fieldOrder.length : index;
  };
  return Object.entries(definition.sample)
    .toSorted(([left], [right]) => position(left) - position(right))
    .map(([id, value]) => `${id}=${value}`)
    .join('\n');
}

/** A posted form body as @fastify/formbody parses it: a value is a string, or an array for a repeated name. */
export type FormBody = Readonly<Record<string, unknown>>;

/** One value of a body: a string, the first of a repeated name, or '' when absent. */
export function bodyValue(body: FormBody, name: string): string {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

function isTicked(body: FormBody, name: string): boolean {
  return bodyValue(body, name) !== '';
}

/** The row numbers a body holds for a part, in order (at most 1,000 rows: three digits). */
function rowNumbers(body: FormBody, part: RepeatingPart): number[] {
  const pattern = new RegExp(`^${part}\\.(\\d{1,3})\\.`);
  const numbers = new Set<number>();
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) numbers.add(Number(match[1]));
  }
  return [...numbers].sort((left, right) => left - right);
}

function rowsOf<Row>(
  body: FormBody,
  part: RepeatingPart,
  read: (at: (name: string) => string, ticked: (name: string) => boolean) => Row,
  textOf: (row: Row) => string[],
): Row[] {
  return rowNumbers(body, part)
    .map((number) =>
      read(
        (name) => bodyValue(body, `${part}.${number}.${name}`),
        (name) => isTicked(body, `${part}.${number}.${name}`),
      ),
    )
    .filter((row) => textOf(row).some((value) => value.trim() !== ''));
}

/**
 * A posted body as a form. Rows whose text inputs are all blank are dropped (ticks and selects alone do
 * not make a row: a blank row comes with "required" ticked). `code` is the service's code when editing
 * (from the URL: it cannot change); creating, it is read from the body.
 */
export function formOfBody(body: FormBody, options: { code?: string } = {}): ServiceForm {
  const at = (name: string) => bodyValue(body, name);
  return {
    code: options.code ?? at('code').trim(),
    isDemo: isTicked(body, 'isDemo'),
    nameZh: at('nameZh'),
    nameEn: at('nameEn'),
    summaryZh: at('summaryZh'),
    summaryEn: at('summaryEn'),
    descriptionZh: at('descriptionZh'),
    descriptionEn: at('descriptionEn'),
    kind: at('kind'),
    unitCode: at('unitCode'),
    serviceClassificationCode: at('serviceClassificationCode'),
    themeClassificationCode: at('themeClassificationCode'),
    administrativeClassificationCode: at('administrativeClassificationCode'),
    isOnline: isTicked(body, 'isOnline'),
    deadlineKind: at('deadline.kind'),
    deadlineAmount: at('deadline.amount'),
    checklist: rowsOf(
      body,
      'checklist',
      (value, ticked) => ({
        id: value('id'),
        nameZh: value('nameZh'),
        nameEn: value('nameEn'),
        explanationZh: value('explanationZh'),
        explanationEn: value('explanationEn'),
        isRequired: ticked('isRequired'),
        isElectronicallyVerifiable: ticked('isElectronicallyVerifiable'),
      }),
      (row) => [row.id, row.nameZh, row.nameEn, row.explanationZh, row.explanationEn],
    ),
    fees: rowsOf(
      body,
      'fees',
      (value) => ({
        labelZh: value('labelZh'),
        labelEn: value('labelEn'),
        amountTwd: value('amountTwd'),
        noteZh: value('noteZh'),
        noteEn: value('noteEn'),
      }),
      (row) => [row.labelZh, row.labelEn, row.amountTwd, row.noteZh, row.noteEn],
    ),
    sopSteps: rowsOf(
      body,
      'sopSteps',
      (value) => ({
        titleZh: value('titleZh'),
        titleEn: value('titleEn'),
        detailZh: value('detailZh'),
        detailEn: value('detailEn'),
      }),
      (row) => [row.titleZh, row.titleEn, row.detailZh, row.detailEn],
    ),
    formFields: rowsOf(
      body,
      'formFields',
      (value, ticked) => ({
        type: value('type'),
        id: value('id'),
        labelZh: value('labelZh'),
        labelEn: value('labelEn'),
        hintZh: value('hintZh'),
        hintEn: value('hintEn'),
        isRequired: ticked('isRequired'),
        isMultiline: ticked('isMultiline'),
        unitZh: value('unitZh'),
        options: value('options'),
      }),
      (row) => [row.id, row.labelZh, row.labelEn, row.hintZh, row.hintEn, row.unitZh, row.options],
    ),
    sample: at('sample'),
  };
}

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

  const isHours = form.deadlineKind === 'hours';
  if (form.deadlineKind !== 'working_days' && !isHours)
    add('deadline.kind', 'required', 'chooseDeadlineKind');
  const deadlineField = isHours ? 'deadline.hours' : 'deadline.days';
  let amount = wholeNumber(form.deadlineAmount);
  if (form.deadlineAmount.trim() === '') add(deadlineField, 'required', 'enterDeadline');
  else if (amount === null) add(deadlineField, 'not_a_whole_number', 'notWholeNumber');
  amount ??= 0;

  const fees = form.fees.map((row, index): Fee => {
    let amountTwd = wholeNumber(row.amountTwd);
    if (row.amountTwd.trim() === '') add(`fees.${index}.amountTwd`, 'required', 'enterAmount');
    else if (amountTwd === null) add(`fees.${index}.amountTwd`, 'not_a_whole_number', 'notWholeNumber');
    amountTwd ??= 0;
    const noteZh = optional(row.noteZh);
    const noteEn = optional(row.noteEn);
    return {
      labelZh: row.labelZh.trim(),
      labelEn: row.labelEn.trim(),
      amountTwd,
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

/** The label of each input, for the error summary (the form shows the same words). */
const topLabels: Readonly<Record<string, CatalogueAdminTextKey>> = {
  code: 'code',
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  summaryZh: 'summaryZh',
  summaryEn: 'summaryEn',
  descriptionZh: 'descriptionZh',
  descriptionEn: 'descriptionEn',
  kind: 'kind',
  unitCode: 'unitCode',
  serviceClassificationCode: 'serviceClassification',
  themeClassificationCode: 'themeClassification',
  administrativeClassificationCode: 'administrativeClassification',
  'deadline.kind': 'deadlineKind',
  'deadline.amount': 'deadlineAmount',
  sample: 'sample',
};

export const rowLabels = {
  checklist: {
    row: 'checklistItem',
    fields: {
      id: 'itemId',
      nameZh: 'itemNameZh',
      nameEn: 'itemNameEn',
      explanationZh: 'explanationZh',
      explanationEn: 'explanationEn',
      isRequired: 'isRequired',
      isElectronicallyVerifiable: 'isElectronicallyVerifiable',
    },
  },
  fees: {
    row: 'feeItem',
    fields: {
      labelZh: 'feeLabelZh',
      labelEn: 'feeLabelEn',
      amountTwd: 'amountTwd',
      noteZh: 'noteZh',
      noteEn: 'noteEn',
    },
  },
  sopSteps: {
    row: 'stepItem',
    fields: { titleZh: 'titleZh', titleEn: 'titleEn', detailZh: 'detailZh', detailEn: 'detailEn' },
  },
  formFields: {
    row: 'fieldItem',
    fields: {
      type: 'fieldType',
      id: 'itemId',
      labelZh: 'labelZh',
      labelEn: 'labelEn',
      hintZh: 'hintZh',
      hintEn: 'hintEn',
      isRequired: 'fieldRequired',
      isMultiline: 'isMultiline',
      unitZh: 'unitZh',
      options: 'options',
    },
  },
} as const satisfies Record<
  RepeatingPart,
  { row: CatalogueAdminTextKey; fields: Readonly<Record<string, CatalogueAdminTextKey>> }
>;

/** The name of the input that shows a problem about a definition's field ('' for the form as a whole). */
export function inputNameOf(field: string): string {
  if (field === 'deadline.days' || field === 'deadline.hours') return 'deadline.amount';
  const option = /^(formFields\.\d+\.options)(\.|$)/.exec(field);
  if (option?.[1]) return option[1];
  if (field === 'sample' || field.startsWith('sample.')) return 'sample';
  if (field === 'sopSteps') return 'sopSteps.0.titleZh';
  return field;
}

/** An input's id: its name with hyphens for dots (`checklist.0.id` → `checklist-0-id`). */
export function inputIdOf(name: string): string {
  return name.replaceAll('.', '-');
}

export interface ShownProblem {
  /** The input's name ('' for the form as a whole). */
  input: string;
  /** Beside the input. */
  message: string;
  /** In the error summary: where, then what. */
  summary: string;
}

function labelOfInput(input: string, lang: Lang): string | null {
  const top = topLabels[input];
  if (top) return text(lang, top);
  const match = /^(checklist|fees|sopSteps|formFields)\.(\d+)\.(\w+)$/.exec(input);
  if (!match) return null;
  const part = rowLabels[match[1] as RepeatingPart];
  const field = (part.fields as Readonly<Record<string, CatalogueAdminTextKey>>)[match[3] ?? ''];
  if (!field) return null;
  return text(lang, 'rowField', {
    row: text(lang, part.row, { n: Number(match[2]) + 1 }),
    field: text(lang, field),
  });
}

/** The inputs in the order of the page; rows go by part, then number, then their inputs' order. */
const pageOrder = [
  '',
  'code',
  'nameZh',
  'nameEn',
  'summaryZh',
  'summaryEn',
  'descriptionZh',
  'descriptionEn',
  'kind',
  'unitCode',
  'serviceClassificationCode',
  'themeClassificationCode',
  'administrativeClassificationCode',
  'deadline.kind',
  'deadline.amount',
  ...repeatingParts,
  'sample',
];

function positionOf(input: string): number[] {
  const row = /^(checklist|fees|sopSteps|formFields)\.(\d+)\.(\w+)$/.exec(input);
  if (!row) {
    const index = pageOrder.indexOf(input);
    return [index === -1 ? pageOrder.length : index];
  }
  const part = row[1] as RepeatingPart;
  return [pageOrder.indexOf(part), Number(row[2]), Object.keys(rowLabels[part].fields).indexOf(row[3] ?? '')];
}

function comparePositions(left: number[], right: number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Problems as the form shows them: beside their input, and in the summary with the input's label, in
 * the order of the page (a stable sort: one input's problems keep their order).
 */
export function showProblems(
  problems: readonly FieldProblem[],
  lang: Lang,
  optionLines: number[][],
): ShownProblem[] {
  const shown = problems.map((problem) => {
    const input = inputNameOf(problem.field);
    let message = problem.message;
    const option = /^formFields\.(\d+)\.options\.(\d+)\./.exec(problem.field);
    if (option) {
      const line = optionLines[Number(option[1])]?.[Number(option[2])];
      if (line !== undefined) message = text(lang, 'optionProblem', { line, message });
    }
    const where = labelOfInput(input, lang);
    return {
      input,
      message,
      summary: where === null ? message : text(lang, 'problemAt', { where, message }),
    };
  });
  return shown.toSorted((left, right) => comparePositions(positionOf(left.input), positionOf(right.input)));
}

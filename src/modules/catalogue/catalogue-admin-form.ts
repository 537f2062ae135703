import { type Static, Type } from 'typebox';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { formText } from '../../platform/web/components/form-text.ts';
import {
  defineForm,
  field,
  hasUnusableCharacter,
  type PostedBody,
  postedText,
  readForm,
} from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { type CatalogueAdminTextKey, catalogueAdminText as text } from './catalogue-admin-messages.ts';
import type { ServiceDefinition } from './catalogue-schemas.ts';

/**
 * The editors' HTML form of a service definition, without JavaScript: every value as the editor typed it
 * (strings, ticks), repeating parts as numbered rows (`checklist.0.nameZh`), choice options and the sample
 * as textareas of lines. Pure: the routes read a posted body into a `ServiceForm` (`readServiceForm`: the
 * single fields with the forms kit, the rows by their numbers), service-form-definition.ts turns it into a
 * definition plus the problems only the form can have (「三天」 is not a number), and the page shows it again
 * with every problem (service-form-problems.ts says where).
 *
 * Rows are compacted when read (empty rows dropped), so row N of a form is item N of its definition and
 * the validator's field paths (`checklist.2.id`) name the right inputs.
 */

const label = (key: CatalogueAdminTextKey) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/**
 * The single fields, named as the page posts them, in the order of the page. The bounds are the validator's (catalogue-validation.ts),
 * so an over-long text is answered by the forms kit; whether a field is filled in, and what a choice may
 * be, stay the definition's rules (the JSON API shares them).
 */
export const serviceEditorForm = defineForm(
  Type.Object({
    code: field.text({ maxLength: 60 }),
    nameZh: field.text({ maxLength: 100 }),
    nameEn: field.text({ maxLength: 200 }),
    summaryZh: field.text({ maxLength: 300 }),
    summaryEn: field.text({ maxLength: 600 }),
    descriptionZh: field.text({ maxLength: 5000 }),
    descriptionEn: field.text({ maxLength: 10000 }),
    kind: field.text({ maxLength: 40 }),
    isDemo: field.tick(),
    unitCode: field.text({ maxLength: 100 }),
    serviceClassificationCode: field.text({ maxLength: 20 }),
    themeClassificationCode: field.text({ maxLength: 20 }),
    administrativeClassificationCode: field.text({ maxLength: 20 }),
    isOnline: field.tick(),
    'deadline.kind': field.text({ maxLength: 40 }),
    'deadline.amount': field.text({ maxLength: 20 }),
    sample: field.text({ maxLength: 20000 }),
  }),
  {
    code: label('code'),
    nameZh: label('nameZh'),
    nameEn: label('nameEn'),
    summaryZh: label('summaryZh'),
    summaryEn: label('summaryEn'),
    descriptionZh: label('descriptionZh'),
    descriptionEn: label('descriptionEn'),
    kind: label('kind'),
    isDemo: label('isDemo'),
    unitCode: label('unitCode'),
    serviceClassificationCode: label('serviceClassification'),
    themeClassificationCode: label('themeClassification'),
    administrativeClassificationCode: label('administrativeClassification'),
    isOnline: label('isOnline'),
    'deadline.kind': label('deadlineKind'),
    'deadline.amount': label('deadlineAmount'),
    sample: label('sample'),
  },
);

export type ServiceFormValues = Static<typeof serviceEditorForm.schema>;

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
  /** The number field the amount is per unit of (每平方公尺); blank: a fixed fee. */
  perFieldId: string;
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

interface Rows {
  checklist: ChecklistRow[];
  fees: FeeRow[];
  sopSteps: StepRow[];
  formFields: FieldRow[];
}

/** The whole form: the single fields (`deadline.kind`, `sample` lines `fieldId=value` …) and the rows. */
export type ServiceForm = ServiceFormValues & Rows;

export const repeatingParts = ['checklist', 'fees', 'sopSteps', 'formFields'] as const;
export type RepeatingPart = (typeof repeatingParts)[number];

/**
 * Each repeating part's inputs in the order of the page, with their labels: `row` names the row (「第 2 項
 * 文件」), ticks are checkboxes, `choice` a select (neither makes a row worth keeping on its own: a blank row
 * comes with "required" ticked and a type chosen).
 */
export const rowParts = {
  checklist: {
    row: 'checklistItem',
    inputs: {
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
    inputs: {
      labelZh: 'feeLabelZh',
      labelEn: 'feeLabelEn',
      amountTwd: 'amountTwd',
      perFieldId: 'feePerFieldId',
      noteZh: 'noteZh',
      noteEn: 'noteEn',
    },
  },
  sopSteps: {
    row: 'stepItem',
    inputs: { titleZh: 'titleZh', titleEn: 'titleEn', detailZh: 'detailZh', detailEn: 'detailEn' },
  },
  formFields: {
    row: 'fieldItem',
    inputs: {
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
  { row: CatalogueAdminTextKey; inputs: Readonly<Record<string, CatalogueAdminTextKey>> }
>;

const tickInputs = new Set(['isRequired', 'isElectronicallyVerifiable', 'isMultiline']);
const choiceInputs = new Set(['type']);

/** Empty rows shown below the filled ones; "add empty rows" adds `blankRowsStep` more, up to the maximum. */
export const defaultBlankRows = 2;
export const blankRowsStep = 3;
export const maxBlankRows = 20;

/** A blank row as the page offers it: no text, "required" ticked, a field's type "text". */
export function blankRow<Part extends RepeatingPart>(part: Part): Rows[Part][number] {
  const row: Record<string, string | boolean> = {};
  for (const input of Object.keys(rowParts[part].inputs)) {
    if (tickInputs.has(input)) row[input] = input === 'isRequired';
    else if (choiceInputs.has(input)) row[input] = 'text';
    else row[input] = '';
  }
  return row as unknown as Rows[Part][number];
}

/** The form of a new service: nothing typed, nothing chosen (GOV.UK: no radio is ticked in advance). */
export function emptyServiceForm(): ServiceForm {
  return readServiceForm({}, { lang: 'zh-TW' }).form;
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
    'deadline.kind': deadline.kind,
    'deadline.amount': String(deadline.kind === 'working_days' ? deadline.days : deadline.hours),
    checklist: definition.checklist.map((item) => ({ ...item })),
    fees: definition.fees.map((fee) => ({
      labelZh: fee.labelZh,
      labelEn: fee.labelEn,
      amountTwd: String(fee.amountTwd),
      perFieldId: fee.perFieldId ?? '',
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

/** A whole number from a hidden field, or the fallback when it is missing or was tampered with. */
export function hiddenNumber(body: PostedBody, name: string, fallback: number): number {
  const value = postedText(body, name);
  return /^\d{1,6}$/.test(value) ? Number(value) : fallback;
}

/** The row numbers a body holds for a part, in order (at most 1,000 rows: three digits). */
function rowNumbers(body: PostedBody, part: RepeatingPart): number[] {
  const pattern = new RegExp(`^${part}\\.(\\d{1,3})\\.`);
  const numbers = new Set<number>();
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) numbers.add(Number(match[1]));
  }
  return [...numbers].sort((left, right) => left - right);
}

/**
 * A part's rows as posted, compacted: rows whose text inputs are all blank are dropped (ticks and the
 * type alone do not make a row). Text is kept as typed; a tick is ticked when it sends anything.
 */
function rowsOf<Part extends RepeatingPart>(body: PostedBody, part: Part): Rows[Part] {
  const inputs = Object.keys(rowParts[part].inputs);
  const rows: Record<string, string | boolean>[] = [];
  for (const number of rowNumbers(body, part)) {
    const row: Record<string, string | boolean> = {};
    let hasText = false;
    for (const input of inputs) {
      const value = postedText(body, `${part}.${number}.${input}`);
      if (tickInputs.has(input)) row[input] = value !== '';
      else row[input] = value;
      if (!tickInputs.has(input) && !choiceInputs.has(input) && value.trim() !== '') hasText = true;
    }
    if (hasText) rows.push(row);
  }
  return rows as unknown as Rows[Part];
}

/** The label of an input of the form, as the page shows it: 「中文名稱」, 「第 2 項文件的英文名稱」. */
export function inputLabel(input: string, lang: Lang): string | null {
  const labels: Readonly<Record<string, Readonly<Record<Lang, string>>>> = serviceEditorForm.labels;
  if (Object.hasOwn(labels, input)) return labels[input]?.[lang] ?? null;
  const match = /^(checklist|fees|sopSteps|formFields)\.(\d+)\.(\w+)$/.exec(input);
  if (!match) return null;
  const part = rowParts[match[1] as RepeatingPart];
  const key = (part.inputs as Readonly<Record<string, CatalogueAdminTextKey>>)[match[3] ?? ''];
  if (!key) return null;
  return text(lang, 'rowField', {
    row: text(lang, part.row, { n: Number(match[2]) + 1 }),
    field: text(lang, key),
  });
}

export interface ServiceFormReading {
  form: ServiceForm;
  /** What the forms kit refuses outright (over-long text, unusable characters), each named in its message. */
  problems: FieldProblem[];
}

/**
 * A posted body as a form: the single fields through the forms kit, the rows by their numbers (a row's
 * text with a character nobody can use is refused the same way). `code` is the service's code when editing
 * (from the URL: it cannot change); creating, it is read from the body.
 */
export function readServiceForm(
  body: PostedBody,
  options: { lang: Lang; code?: string | undefined },
): ServiceFormReading {
  const posted = options.code === undefined ? body : { ...body, code: options.code };
  const { values, problems } = readForm(serviceEditorForm, posted, options.lang);
  const rows: Rows = {
    checklist: rowsOf(body, 'checklist'),
    fees: rowsOf(body, 'fees'),
    sopSteps: rowsOf(body, 'sopSteps'),
    formFields: rowsOf(body, 'formFields'),
  };
  for (const part of repeatingParts) {
    rows[part].forEach((row, index) => {
      for (const [input, value] of Object.entries(row)) {
        if (typeof value !== 'string' || !hasUnusableCharacter(value)) continue;
        const field = `${part}.${index}.${input}`;
        problems.push({
          field,
          code: 'notAllowed',
          message: formText(options.lang, 'notAllowed', { label: inputLabel(field, options.lang) ?? field }),
        });
      }
    });
  }
  return { form: { ...values, ...rows }, problems };
}

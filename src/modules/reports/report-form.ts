import { type TObject, type TSchema, Type } from 'typebox';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { answerLimitOf, fieldLimits } from '../../platform/web/components/field-limits.ts';
import { type FormProblems, inputIdOf, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import {
  defineForm,
  type FormDefinition,
  field,
  readForm,
  type Words,
} from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import type { Deadline, FormField, ServiceDetail } from '../catalogue/index.ts';
import { type ReportFormTextKey, reportFormText } from './report-form-messages.ts';
import type { SubmitReportInput } from './report-intake.ts';
import { reportText } from './reports-messages.ts';

/**
 * The /report form without HTTP: the categories it offers (the catalogue's field-report services and
 * their own questions), the form (the forms kit's, built from them), how the posted fields become a
 * SubmitReportInput, the checks only the form can make (coordinates as typed, the category's answers), and
 * which input each problem belongs to, in the order of the page.
 */

/** A kind of problem the form offers: a field-report service and the questions it asks of its own. */
export interface ReportCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  deadline: Deadline;
  unitNameZh: string;
  unitNameEn: string;
  /** The service's form fields the page asks (not the place, the photo or the phone: the form has its own). */
  questions: FormField[];
}

/** Service fields the form asks in its own way: the place (map, address), the photos, the phone. */
const fieldsAskedByTheForm = new Set(['contact-phone']);

/** The catch-all category ("other public-works problem"), when the catalogue has one: offered last. */
export function isOtherCategory(category: Pick<ReportCategory, 'code'>): boolean {
  return /(^|-)other($|-)/.test(category.code);
}

/** The field-report services as categories, in the catalogue's order but the catch-all last. */
export function reportCategoriesOf(services: readonly ServiceDetail[]): ReportCategory[] {
  return services
    .filter((service) => service.kind === 'field_report')
    .toSorted((left, right) => Number(isOtherCategory(left)) - Number(isOtherCategory(right)))
    .map((service) => ({
      code: service.code,
      nameZh: service.nameZh,
      nameEn: service.nameEn,
      summaryZh: service.summaryZh,
      summaryEn: service.summaryEn,
      deadline: service.deadline,
      unitNameZh: service.unit.nameZh,
      unitNameEn: service.unit.nameEn,
      questions: service.formFields.filter(
        (question) =>
          question.type !== 'location' && question.type !== 'file' && !fieldsAskedByTheForm.has(question.id),
      ),
    }));
}

export const photosInput = 'photos';
/** The honeypot: hidden from people and assistive technology; only a robot fills it in. */
export const honeypotInput = 'homepage';
/** Which button of the nearby-duplicate step was pressed. */
export const decisionInput = 'decision';
export const followInput = 'followCase';
/** The photos already uploaded, carried through the nearby-duplicate step (signed: report-carry.ts). */
export const carriedPhotosInput = 'carriedPhotos';

/** A category's answer: `answer.<service>.<field>` (one set of inputs per category on the page). */
export const answerInputName = (serviceCode: string, fieldId: string) => `answer.${serviceCode}.${fieldId}`;
export const answerInputId = (serviceCode: string, fieldId: string) =>
  inputIdOf(answerInputName(serviceCode, fieldId));

export interface ReportFormValues {
  serviceCode: string;
  /** As typed (the map fills them in): read by `coordinatesOf`. */
  latitude: string;
  longitude: string;
  address: string;
  districtCode: string;
  description: string;
  /** Every category's answers as typed, by service code then field id (only the chosen one is sent). */
  answers: Record<string, Record<string, string>>;
  applicantName: string;
  applicantEmail: string;
  applicantPhone: string;
  showName: 'no' | 'yes';
  [honeypotInput]: string;
}

export function emptyReportForm(serviceCode = ''): ReportFormValues {
  return {
    serviceCode,
    latitude: '',
    longitude: '',
    address: '',
    districtCode: '',
    description: '',
    answers: {},
    applicantName: '',
    applicantEmail: '',
    applicantPhone: '',
    showName: 'no',
    [honeypotInput]: '',
  };
}

const words = (key: ReportFormTextKey): Words => ({
  'zh-TW': reportFormText('zh-TW', key),
  en: reportFormText('en', key),
});

/** The form: its own fields, bounded, and every category's answers (the rules say what must be filled). */
export function reportFormFor(categories: readonly ReportCategory[]): FormDefinition<TObject> {
  const properties: Record<string, TSchema> = {
    serviceCode: field.text({ maxLength: 100 }),
    latitude: field.text({ maxLength: 60 }),
    longitude: field.text({ maxLength: 60 }),
    address: field.text({ maxLength: fieldLimits.address }),
    districtCode: field.text({ maxLength: 20 }),
    description: field.text({ maxLength: fieldLimits.longText }),
    applicantName: field.text({ maxLength: fieldLimits.personName }),
    applicantEmail: field.text({ maxLength: fieldLimits.email }),
    applicantPhone: field.text({ maxLength: fieldLimits.phone }),
    showName: field.choice(['no', 'yes']),
    [honeypotInput]: field.text({ maxLength: 2000 }),
  };
  const labels: Record<string, Words> = {
    serviceCode: words('categoryLegend'),
    latitude: words('latitudeLabel'),
    longitude: words('longitudeLabel'),
    address: words('addressLabel'),
    districtCode: words('districtLabel'),
    description: words('descriptionLabel'),
    applicantName: words('nameLabel'),
    applicantEmail: words('emailLabel'),
    applicantPhone: words('phoneLabel'),
    showName: words('showNameLegend'),
    [honeypotInput]: words('honeypotLabel'),
  };
  for (const category of categories) {
    for (const question of category.questions) {
      const name = answerInputName(category.code, question.id);
      properties[name] = field.text({ maxLength: answerLimitOf(question) });
      labels[name] = { 'zh-TW': question.labelZh, en: question.labelEn };
    }
  }
  return defineForm(Type.Object(properties), labels as FormDefinition<TObject>['labels']);
}

/** The form's values from the posted text fields, and the form's own problems (lengths, characters). */
export function readReportForm(
  fields: Readonly<Record<string, string | string[]>>,
  categories: readonly ReportCategory[],
  lang: Lang,
): { values: ReportFormValues; problems: FieldProblem[] } {
  const read = readForm(reportFormFor(categories), fields, lang);
  const posted = read.values as Record<string, unknown>;
  const text = (name: string) => (typeof posted[name] === 'string' ? (posted[name] as string) : '');
  const answers: Record<string, Record<string, string>> = {};
  for (const category of categories) {
    const typed: Record<string, string> = {};
    for (const question of category.questions) {
      const value = text(answerInputName(category.code, question.id));
      if (value !== '') typed[question.id] = value;
    }
    if (Object.keys(typed).length > 0) answers[category.code] = typed;
  }
  return {
    values: {
      serviceCode: text('serviceCode'),
      latitude: text('latitude'),
      longitude: text('longitude'),
      address: text('address'),
      districtCode: text('districtCode'),
      description: text('description'),
      answers,
      applicantName: text('applicantName'),
      applicantEmail: text('applicantEmail'),
      applicantPhone: text('applicantPhone'),
      showName: text('showName') === 'yes' ? 'yes' : 'no',
      [honeypotInput]: text(honeypotInput),
    },
    problems: read.problems,
  };
}

/** A coordinate as people type it: full-width digits, a comma for the point ("22,62") and spaces accepted. */
function coordinateOf(typed: string): number | undefined | null {
  const text = typed.normalize('NFKC').replace(/\s+/g, '').replace(/[°]$/, '');
  if (text === '') return undefined;
  const decimal = /^[+-]?\d+([.,]\d+)?$/.test(text) ? text.replace(',', '.') : null;
  return decimal === null ? null : Number(decimal);
}

/**
 * The point typed or placed: both numbers, neither, or problems. A pair pasted into the latitude
 * ("22.6273, 120.3014", as map apps copy it) is split.
 */
export function coordinatesOf(
  values: Pick<ReportFormValues, 'latitude' | 'longitude'>,
  lang: Lang,
): { latitude?: number; longitude?: number; problems: FieldProblem[] } {
  let latitudeText = values.latitude;
  let longitudeText = values.longitude;
  const pair = /^\s*([^,，\s]+)\s*[,，\s]\s*([^,，\s]+)\s*$/.exec(latitudeText.normalize('NFKC'));
  if (longitudeText.trim() === '' && pair?.[1] !== undefined && pair[2] !== undefined) {
    latitudeText = pair[1];
    longitudeText = pair[2];
  }
  const latitude = coordinateOf(latitudeText);
  const longitude = coordinateOf(longitudeText);
  const problems: FieldProblem[] = [];
  const invalid = reportText(lang, 'coordinatesInvalid');
  if (latitude === null) problems.push({ field: 'latitude', code: 'invalid', message: invalid });
  if (longitude === null) problems.push({ field: 'longitude', code: 'invalid', message: invalid });
  if (latitude === null || longitude === null) return { problems };
  return {
    ...(latitude === undefined ? {} : { latitude }),
    ...(longitude === undefined ? {} : { longitude }),
    problems,
  };
}

/** The chosen category's answers, as the case keeps them (only what was typed: the rules name the rest). */
export function answersOf(values: ReportFormValues, category: ReportCategory | null): Record<string, string> {
  if (category === null) return {};
  const typed = values.answers[category.code] ?? {};
  const answers: Record<string, string> = {};
  for (const question of category.questions) {
    const value = typed[question.id] ?? '';
    if (value !== '') answers[question.id] = value;
  }
  return answers;
}

/** What submitReport is given (coordinates already read by coordinatesOf). */
export function toSubmitReportInput(
  values: ReportFormValues,
  category: ReportCategory | null,
  point: { latitude?: number; longitude?: number },
  lang: Lang,
): SubmitReportInput {
  return {
    serviceCode: values.serviceCode,
    latitude: point.latitude,
    longitude: point.longitude,
    districtCode: values.districtCode === '' ? undefined : values.districtCode,
    address: values.address === '' ? undefined : values.address,
    description: values.description,
    formData: answersOf(values, category),
    name: values.applicantName,
    email: values.applicantEmail,
    phone: values.applicantPhone,
    showName: values.showName === 'yes',
    lang,
    channel: 'web',
  };
}

/** The category chosen, or the problem with the choice. */
export function categoryProblems(
  serviceCode: string,
  category: ReportCategory | null,
  lang: Lang,
): FieldProblem[] {
  if (serviceCode === '')
    return [{ field: 'serviceCode', code: 'required', message: reportText(lang, 'categoryRequired') }];
  if (category === null)
    return [{ field: 'serviceCode', code: 'unknown', message: reportText(lang, 'categoryUnknown') }];
  return [];
}

/**
 * The chosen category's questions as the case's rules will see them (required, one of the choices, a
 * number), so the nearby-duplicate step is offered only for a report that would go in.
 */
export function answerProblems(
  values: ReportFormValues,
  category: ReportCategory,
  lang: Lang,
): FieldProblem[] {
  const answers = values.answers[category.code] ?? {};
  const problems: FieldProblem[] = [];
  for (const question of category.questions) {
    const label = lang === 'en' ? question.labelEn : question.labelZh;
    const value = (answers[question.id] ?? '').trim();
    const field = `formData.${question.id}`;
    if (value === '') {
      if (question.isRequired)
        problems.push({
          field,
          code: 'required',
          message: reportFormText(lang, 'answerRequired', { label }),
        });
      continue;
    }
    if (question.type === 'choice' && !question.options.some((option) => option.value === value))
      problems.push({
        field,
        code: 'not_choice',
        message: reportFormText(lang, 'answerNotChoice', { label }),
      });
    if (question.type === 'number' && !Number.isFinite(Number(value.replace(/,/g, ''))))
      problems.push({
        field,
        code: 'not_number',
        message: reportFormText(lang, 'answerNotNumber', { label }),
      });
  }
  return problems;
}

/** More photos than a report takes (`max`, report-intake.ts): said before anything is processed. */
export function photoCountProblems(count: number, max: number, lang: Lang): FieldProblem[] {
  if (count <= max) return [];
  return [
    {
      field: photosInput,
      code: 'too_many_files',
      message: reportText(lang, 'tooManyPhotos', { max, count }),
    },
  ];
}

/** The element a problem's link goes to and beside which its message is shown. */
export function reportInputIdFor(problemField: string, serviceCode: string): string {
  if (problemField.startsWith('formData.')) {
    const fieldId = problemField.slice('formData.'.length);
    return fieldId === 'contact-phone' ? 'applicantPhone' : answerInputId(serviceCode, fieldId);
  }
  if (problemField.startsWith('answer.')) return inputIdOf(problemField);
  // Problems with the upload as a whole (too many parts) are shown at the photos.
  if (problemField === '' || problemField === photosInput || problemField.startsWith('photo'))
    return photosInput;
  return inputIdOf(problemField);
}

/** The inputs from top to bottom, as views/report-form-page.tsx lays them out. */
function inputOrder(category: ReportCategory | null): string[] {
  const answers =
    category === null ? [] : category.questions.map((question) => answerInputId(category.code, question.id));
  return [
    'serviceCode',
    'latitude',
    'longitude',
    'address',
    'districtCode',
    photosInput,
    ...answers,
    'description',
    'applicantName',
    'applicantEmail',
    'applicantPhone',
    'showName',
  ];
}

/**
 * Each problem once (the first said of an input wins: the form's own check is the more precise), in the
 * order of the page, each at its input.
 */
export function problemsOnReportForm(
  problems: readonly FieldProblem[],
  category: ReportCategory | null,
  lang: Lang,
): FormProblems {
  const serviceCode = category?.code ?? '';
  const order = inputOrder(category);
  const seen = new Set<string>();
  const distinct = problems.filter((problem) => {
    const target = reportInputIdFor(problem.field, serviceCode);
    // Several photos may each have their own problem; other inputs say one thing at a time.
    const key = target === photosInput ? `${target}\n${problem.message}` : target;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (problem: FieldProblem) => {
    const index = order.indexOf(reportInputIdFor(problem.field, serviceCode));
    return index === -1 ? order.length : index;
  };
  return problemsOnPage(
    distinct.toSorted((left, right) => rank(left) - rank(right)),
    { lang, targetOf: (problemField) => reportInputIdFor(problemField, serviceCode) },
  );
}

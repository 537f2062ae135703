import { type Static, type TString, Type } from 'typebox';

/**
 * The shapes of the service catalogue: a service definition (what `publishServiceVersion` takes and what
 * each immutable version stores) and the JSON the API answers with. These schemas check form only; the
 * rules that need the whole definition or the database (unique ids, known units, sample answers that
 * name real fields) are in catalogue-validation.ts, which lists every problem at once.
 */

/** A text in both languages: `${name}Zh` and `${name}En`. */
function bilingual<Name extends string>(name: Name): Record<`${Name}Zh` | `${Name}En`, TString> {
  return { [`${name}Zh`]: Type.String(), [`${name}En`]: Type.String() } as Record<
    `${Name}Zh` | `${Name}En`,
    TString
  >;
}

export const serviceKinds = ['application', 'field_report', 'petition', 'inquiry'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const formFieldTypes = ['text', 'number', 'date', 'choice', 'file', 'location'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

export const ChecklistItem = Type.Object({
  id: Type.String(),
  ...bilingual('name'),
  ...bilingual('explanation'),
  /** The bureau can check it itself (e.g. in the building-permit system): the applicant need not bring paper. */
  isElectronicallyVerifiable: Type.Boolean(),
  isRequired: Type.Boolean(),
});
export type ChecklistItem = Static<typeof ChecklistItem>;

export const Fee = Type.Object({
  ...bilingual('label'),
  /** Whole New Taiwan dollars; 0 when the service is free. Per unit when `perFieldId` names a field. */
  amountTwd: Type.Integer(),
  /**
   * A fee per unit of an answer (每平方公尺 …): the id of a `number` form field whose answer multiplies
   * the amount (rounded up to whole dollars). Absent: a fixed fee.
   */
  perFieldId: Type.Optional(Type.String()),
  noteZh: Type.Optional(Type.String()),
  noteEn: Type.Optional(Type.String()),
});
export type Fee = Static<typeof Fee>;

/** Working days count from the day after receipt; hours run on a 24-hour clock (hazards). */
export const Deadline = Type.Union([
  Type.Object({ kind: Type.Literal('working_days'), days: Type.Integer() }),
  Type.Object({ kind: Type.Literal('hours'), hours: Type.Integer() }),
]);
export type Deadline = Static<typeof Deadline>;

export const SopStep = Type.Object({ ...bilingual('title'), ...bilingual('detail') });
export type SopStep = Static<typeof SopStep>;

export const ChoiceOption = Type.Object({ value: Type.String(), ...bilingual('label') });
export type ChoiceOption = Static<typeof ChoiceOption>;

const fieldCommon = {
  id: Type.String(),
  ...bilingual('label'),
  hintZh: Type.Optional(Type.String()),
  hintEn: Type.Optional(Type.String()),
  isRequired: Type.Boolean(),
};

export const FormField = Type.Union([
  Type.Object({ type: Type.Literal('text'), ...fieldCommon, isMultiline: Type.Optional(Type.Boolean()) }),
  Type.Object({ type: Type.Literal('number'), ...fieldCommon, unitZh: Type.Optional(Type.String()) }),
  Type.Object({ type: Type.Literal('date'), ...fieldCommon }),
  Type.Object({ type: Type.Literal('choice'), ...fieldCommon, options: Type.Array(ChoiceOption) }),
  Type.Object({ type: Type.Literal('file'), ...fieldCommon }),
  Type.Object({ type: Type.Literal('location'), ...fieldCommon }),
]);
export type FormField = Static<typeof FormField>;

/** Example answers by form-field id, shown on the start page as a filled-in sample (填寫範例). */
export const Sample = Type.Record(Type.String(), Type.String());
export type Sample = Static<typeof Sample>;

/**
 * The steps, the form with its sample, the classification codes and whether it is online: a definition's,
 * and the service API's answer shows them as they are.
 */
const stepsFormAndClassification = {
  sopSteps: Type.Array(SopStep),
  formFields: Type.Array(FormField),
  sample: Sample,
  serviceClassificationCode: Type.String(),
  themeClassificationCode: Type.Union([Type.String(), Type.Null()]),
  administrativeClassificationCode: Type.Union([Type.String(), Type.Null()]),
  isOnline: Type.Boolean(),
};

export const ServiceDefinition = Type.Object({
  code: Type.String({ description: 'URL-safe, lower case, words joined by hyphens' }),
  isDemo: Type.Optional(Type.Boolean()),
  ...bilingual('name'),
  ...bilingual('summary'),
  ...bilingual('description'),
  kind: Type.Union([
    Type.Literal('application'),
    Type.Literal('field_report'),
    Type.Literal('petition'),
    Type.Literal('inquiry'),
  ]),
  unitCode: Type.String(),
  checklist: Type.Array(ChecklistItem),
  fees: Type.Array(Fee),
  deadline: Deadline,
  ...stepsFormAndClassification,
});
export type ServiceDefinition = Static<typeof ServiceDefinition>;

/** Filters of the list page and of `GET /api/services` (unknown values are reported, not refused). */
export const ServiceListQuery = Type.Object({
  unit: Type.Optional(Type.String({ maxLength: 100 })),
  classification: Type.Optional(Type.String({ maxLength: 20 })),
  online: Type.Optional(
    Type.String({
      maxLength: 10,
      description: '"yes" (or "true", "1"): only services that can be done online',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ServiceListQuery = Static<typeof ServiceListQuery>;

export const ServiceCodeParams = Type.Object({
  code: Type.String({ maxLength: 100 }),
});

export const ServiceVersionQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** The responsible unit and how to reach it (contacts are the bureau's public ones, never a person's). */
const UnitSummary = Type.Object({
  code: Type.String(),
  ...bilingual('name'),
  phone: Type.String(),
  ...bilingual('address'),
  ...bilingual('serviceHours'),
});

export const ServiceSummaryResponse = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  ...bilingual('name'),
  ...bilingual('summary'),
  kind: Type.String(),
  unit: UnitSummary,
  deadline: Deadline,
  /** The deadline in words, in the language of the request. */
  deadlineText: Type.String(),
  serviceClassificationCode: Type.String(),
  isOnline: Type.Boolean(),
  isDemo: Type.Boolean(),
});

export const ServiceListResponse = Type.Object({
  count: Type.Integer(),
  services: Type.Array(ServiceSummaryResponse),
  /** Filters that named nothing known and were ignored, each with a sentence in the request's language. */
  notices: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
});

export const ServiceDetailResponse = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  currentVersion: Type.Integer(),
  isDemo: Type.Boolean(),
  ...bilingual('name'),
  ...bilingual('summary'),
  ...bilingual('description'),
  kind: Type.String(),
  unit: UnitSummary,
  checklist: Type.Array(ChecklistItem),
  fees: Type.Array(Fee),
  deadline: Deadline,
  deadlineText: Type.String(),
  ...stepsFormAndClassification,
  publishedAt: Type.String({ format: 'date-time' }),
});

/** The edit page: `version` shows an earlier version (read-only); the others come back from a publication. */
export const ServiceEditQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  published: Type.Optional(Type.Integer({ minimum: 1 })),
  unchanged: Type.Optional(Type.Literal('1')),
});

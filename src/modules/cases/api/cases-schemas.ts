import { type Static, Type } from 'typebox';
import { idempotencyKeyPatternSource } from '../../../platform/http/idempotency-rules.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { applicantTypes, caseChannels } from '../core/case-vocabulary.ts';
import { caseEvents, caseStates } from '../core/workflows.ts';

/**
 * The JSON shapes of the staff case API. They check form (types, lengths: the forms' own, from
 * platform/web/components/field-limits.ts, so a page and the API refuse the same text); the rules that need the
 * service or the database are in core/intake-rules.ts and core/open-case.ts, which list every problem at once.
 */

const text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description === undefined ? {} : { description }) });

export const OpenCaseBody = Type.Object({
  serviceCode: text(100, 'the service (申辦項目) code, e.g. road-excavation-permit'),
  channel: Type.Enum(caseChannels, { description: 'how the request came in' }),
  applicantType: Type.Enum(applicantTypes),
  applicantName: text(fieldLimits.personName),
  applicantCompany: Type.Optional(text(fieldLimits.organisationName)),
  applicantPhone: Type.Optional(
    text(fieldLimits.phone, 'e.g. 0912345678, 07-3368333#123 (分機 123 and ext. 123 too), +886 7 3368333'),
  ),
  applicantEmail: Type.Optional(text(fieldLimits.email)),
  applicantAddress: Type.Optional(text(fieldLimits.address)),
  applicantLang: Type.Union([Type.Literal('zh-TW'), Type.Literal('en')]),
  consent: Type.Boolean({ description: 'the applicant was given the PDPA §8 notice and agreed' }),
  subject: Type.Optional(text(fieldLimits.shortText)),
  description: text(fieldLimits.longText),
  formData: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), text(fieldLimits.longText))),
  checklistReceived: Type.Optional(Type.Array(text(100), { maxItems: 100 })),
  districtCode: Type.Optional(text(20)),
  address: Type.Optional(text(fieldLimits.address)),
  latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
});
export type OpenCaseBody = Static<typeof OpenCaseBody>;

export const OpenCaseHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: idempotencyKeyPatternSource,
      description:
        'Optional, 1–255 visible ASCII characters (a UUID will do), new for each new case: a retry with the same key and body gets the first answer; kept 24 hours.',
    }),
  ),
});

const isoDateTime = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CaseSummary = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  state: Type.Enum(caseStates),
  version: Type.Integer(),
  serviceCode: Type.String(),
  serviceVersion: Type.Integer(),
  unitCode: Type.String(),
  handlerId: nullable(Type.String()),
  receivedAt: isoDateTime,
  dueAt: nullable(isoDateTime),
  expectedCompletionDate: nullable(Type.String({ description: 'YYYY-MM-DD, Taipei' })),
  deadlineStatus: Type.Enum(['on_track', 'at_risk', 'overdue', 'paused', 'answered', 'finished'] as const),
});

export const OpenCaseResponse = Type.Object({
  ...CaseSummary.properties,
  lookupCode: Type.String({ description: 'give it to the applicant: with the case number it opens /track' }),
  trackUrl: Type.String(),
});

export const CaseNumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 30 }) });

export const TransitionBody = Type.Object({
  event: Type.Enum(caseEvents),
  expectedVersion: Type.Integer({
    minimum: 1,
    description: 'the case version you saw; a newer one gives 409',
  }),
  publicNote: Type.Optional(text(fieldLimits.longText)),
  internalNote: Type.Optional(text(fieldLimits.longText)),
  resolution: Type.Optional(text(fieldLimits.longText)),
  reason: Type.Optional(text(fieldLimits.longText)),
  targetUnit: Type.Optional(text(fieldLimits.token)),
  targetAgency: Type.Optional(text(fieldLimits.organisationName)),
  targetCase: Type.Optional(text(fieldLimits.caseNumber)),
});
export type TransitionBody = Static<typeof TransitionBody>;

export const TransitionResponse = Type.Object({
  ...CaseSummary.properties,
  availableEvents: Type.Array(Type.String(), { description: 'what you may do next' }),
});

export const QueueQuery = Type.Object({
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('unit')])),
  unit: Type.Optional(text(100)),
  state: Type.Optional(Type.Enum(caseStates)),
  service: Type.Optional(text(100)),
  district: Type.Optional(text(20)),
  due: Type.Optional(Type.Union([Type.Literal('soon'), Type.Literal('overdue')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
export type QueueQuery = Static<typeof QueueQuery>;

/** What every list of cases says of each (the queue, the look-up). */
const listedCase = {
  id: Type.String(),
  caseNumber: Type.String(),
  state: Type.String(),
  subject: Type.String(),
};

export const QueueResponse = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      ...listedCase,
      serviceCode: Type.String(),
      serviceNameZh: Type.String(),
      serviceNameEn: Type.String(),
      districtCode: nullable(Type.String()),
      unitCode: Type.String(),
      handlerId: nullable(Type.String()),
      handlerName: nullable(Type.String()),
      receivedAt: isoDateTime,
      dueAt: nullable(isoDateTime),
      expectedCompletionDate: nullable(Type.String()),
      version: Type.Integer(),
      deadlineStatus: Type.String(),
    }),
  ),
});

const TimelineEvent = Type.Object({
  id: Type.Integer(),
  occurredAt: isoDateTime,
  kind: Type.String(),
  fromState: nullable(Type.String()),
  toState: nullable(Type.String()),
  actorLabel: Type.String(),
  publicNote: nullable(Type.String()),
  internalNote: nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const CaseDetailResponse = Type.Object({
  ...CaseSummary.properties,
  lookupCode: Type.String(),
  kind: Type.String(),
  channel: Type.String(),
  serviceNameZh: Type.String(),
  serviceNameEn: Type.String(),
  unit: Type.Object({
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    phone: Type.String(),
  }),
  handler: nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
  applicant: Type.Object({
    type: Type.String(),
    name: Type.String(),
    company: nullable(Type.String()),
    phone: nullable(Type.String()),
    email: nullable(Type.String()),
    address: nullable(Type.String()),
    lang: Type.String(),
    consentAt: isoDateTime,
  }),
  subject: Type.String(),
  description: Type.String(),
  formData: Type.Record(Type.String(), Type.String()),
  checklistReceived: Type.Array(Type.String()),
  districtCode: nullable(Type.String()),
  address: nullable(Type.String()),
  resolution: nullable(Type.String()),
  forwardedTo: nullable(Type.String()),
  extensionAmount: Type.Integer(),
  pauses: Type.Array(Type.Object({ from: Type.String(), to: nullable(Type.String()) })),
  closedAt: nullable(isoDateTime),
  availableEvents: Type.Array(Type.String(), { description: 'what you may do now (state, role and guards)' }),
  timeline: Type.Array(TimelineEvent),
  extensions: Type.Array(
    Type.Object({
      id: Type.String(),
      amount: Type.Integer(),
      reason: Type.String(),
      state: Type.String(),
      requestedAt: isoDateTime,
      decidedAt: nullable(isoDateTime),
    }),
  ),
});

export const AssignBody = Type.Object({
  caseNumbers: Type.Array(text(30), { minItems: 1, maxItems: 200 }),
  handlerId: Type.String({ format: 'uuid' }),
});

export const ExtensionBody = Type.Object({
  expectedVersion: Type.Integer({ minimum: 1 }),
  amount: Type.Integer({ description: 'working days (or hours for hour-based services), 1–60' }),
  reason: text(fieldLimits.longText),
});

export const ExtensionDecisionParams = Type.Object({
  caseNumber: Type.String({ maxLength: 30 }),
  extensionId: UuidParam,
});

export const ExtensionDecisionBody = Type.Object({
  expectedVersion: Type.Integer({ minimum: 1 }),
  approve: Type.Boolean(),
  note: Type.Optional(text(fieldLimits.longText)),
});

export const LookupQuery = Type.Object({
  caseNumber: Type.Optional(text(fieldLimits.caseNumber)),
  phone: Type.Optional(text(fieldLimits.phone)),
  name: Type.Optional(text(fieldLimits.personName)),
});

export const LookupResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      ...listedCase,
      applicantName: Type.String(),
      applicantPhone: nullable(Type.String()),
      unitCode: Type.String(),
      receivedAt: isoDateTime,
    }),
  ),
});

import { type Static, Type } from 'typebox';

/**
 * The staff console's query strings and form bodies. They check form only (strings, lengths): filter
 * values that name nothing known are ignored with a notice (console-filters.ts), and the use cases in
 * cases-service.ts list every problem of a form at once. Form fields default to '' so a missing field
 * reaches the use case, which names it, instead of a bare 400.
 */

const text = (maxLength: number) => Type.String({ maxLength, default: '' });
const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const csrfField = Type.Optional(Type.String({ maxLength: 100 }));

export const QueueQuery = Type.Object({
  state: optionalText(100),
  service: optionalText(100),
  district: optionalText(100),
  due: optionalText(100),
  unassigned: optionalText(20),
  handler: optionalText(100),
  unit: optionalText(100),
  page: optionalText(20),
  /** After a bulk assignment: how many, and to whom (the success banner). */
  assigned: optionalText(20),
  assignedTo: optionalText(100),
});
export type QueueQuery = Static<typeof QueueQuery>;

export const CaseNumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });

export const CaseEventParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  event: Type.String({ maxLength: 40 }),
});

export const CaseAttachmentParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  id: Type.String({ maxLength: 60 }),
});

export const CaseExtensionParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  extensionId: Type.String({ maxLength: 60 }),
});

export const CasePageQuery = Type.Object({ done: optionalText(40) });

/** One form for every workflow action; each action shows only the inputs it needs. */
export const CaseActionBody = Type.Object({
  _csrf: csrfField,
  version: text(20),
  publicNote: text(4000),
  internalNote: text(4000),
  resolution: text(8000),
  reason: text(4000),
  targetUnit: text(100),
  targetAgency: text(200),
  targetCase: text(40),
});
export type CaseActionBody = Static<typeof CaseActionBody>;

export const AssignBody = Type.Object({
  _csrf: csrfField,
  handlerId: text(60),
});

export const BulkAssignBody = Type.Object({
  _csrf: csrfField,
  handlerId: text(60),
  /** Ticked rows; one tick arrives as a string, ajv's coerceTypes makes it a list. */
  caseIds: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200, default: [] }),
  /** The queue's filters, to come back to the same view. */
  returnQuery: text(1000),
});
export type BulkAssignBody = Static<typeof BulkAssignBody>;

export const ExtensionRequestBody = Type.Object({
  _csrf: csrfField,
  version: text(20),
  amount: text(20),
  reason: text(4000),
});
export type ExtensionRequestBody = Static<typeof ExtensionRequestBody>;

export const ExtensionDecisionBody = Type.Object({
  _csrf: csrfField,
  version: text(20),
  decision: text(20),
  note: text(4000),
});
export type ExtensionDecisionBody = Static<typeof ExtensionDecisionBody>;

export const LookupQuery = Type.Object({
  caseNumber: optionalText(40),
  phone: optionalText(40),
  name: optionalText(100),
});
export type LookupQuery = Static<typeof LookupQuery>;

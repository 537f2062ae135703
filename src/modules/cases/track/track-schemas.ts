import { type Static, Type } from 'typebox';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';
import { caseStates } from '../core/workflows.ts';
import { publicDeadlineStatuses } from './case-public-view.ts';

/**
 * The shapes of the public look-up: the page's query and POST /api/track (the forms are in track-forms.ts). Fields are strings
 * with generous limits; what a case number or a code must look like is checked by the route
 * (track-access.ts), which lists every problem at once in the reader's language.
 */

const field = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description === undefined ? {} : { description }) });

/**
 * GET /track?case=…&code=… (the QR code on the receipt and the link in notices). Bounded for transport
 * only: the number and code are read with the look-up form (track-forms.ts), so an over-long one comes
 * back as the form's problem, in the reader's language, with what was typed.
 */
export const TrackQuery = Type.Object({
  case: Type.Optional(field(transportLength(fieldLimits.caseNumber))),
  code: Type.Optional(field(transportLength(fieldLimits.code))),
  /** The link token of the receipt's QR code and the e-mailed link (track-url.ts). */
  t: Type.Optional(field(transportLength(fieldLimits.token))),
});
export type TrackQuery = Static<typeof TrackQuery>;

export const TrackApiBody = Type.Object({
  caseNumber: field(
    fieldLimits.caseNumber,
    'as printed on the receipt, e.g. 1151126-0042 (spaces, full-width digits and a missing dash are accepted)',
  ),
  lookupCode: field(
    fieldLimits.code,
    'the 8-character lookup code from the receipt (any case; spaces and dashes are ignored)',
  ),
  lang: Type.Optional(
    Type.Union([Type.Literal('zh-TW'), Type.Literal('en')], {
      description: 'language of labels, dates and messages; default zh-TW (民國 dates)',
    }),
  ),
});
export type TrackApiBody = Static<typeof TrackApiBody>;

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** The response is the allow-list of what leaves the server: exactly the public view, nothing more. */
export const TrackApiResponse = Type.Object({
  lang: Type.Union([Type.Literal('zh-TW'), Type.Literal('en')]),
  caseNumber: Type.String(),
  state: Type.Enum(caseStates),
  stateLabel: Type.String(),
  stateExplanation: Type.String(),
  serviceName: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  receivedOnText: Type.String(),
  unit: Type.Object({ code: Type.String(), name: Type.String(), phone: Type.String() }),
  expectedCompletionDate: nullable(Type.String({ description: 'YYYY-MM-DD, Asia/Taipei' })),
  expectedCompletionDateText: nullable(Type.String()),
  deadlineStatus: Type.Enum(publicDeadlineStatuses),
  deadlineStatusText: Type.String(),
  closedAt: nullable(Type.String({ format: 'date-time' })),
  closedOnText: nullable(Type.String()),
  forwardedTo: nullable(Type.String({ description: '移文: the agency the request was sent to' })),
  mergedInto: nullable(
    Type.Object(
      { caseNumber: Type.String(), stateLabel: Type.String() },
      {
        description:
          '併案: the case this one is now handled as (the end of its chain of merges), and its state',
      },
    ),
  ),
  resolution: nullable(Type.String({ description: 'the answer, for resolved and closed cases' })),
  applicant: Type.Object(
    {
      name: Type.String(),
      company: nullable(Type.String()),
      phone: nullable(Type.String()),
      email: nullable(Type.String()),
      address: nullable(Type.String()),
    },
    {
      description:
        'masked: 王○明, 0912-***-678, w***@example.tw, the address to its district and road (高雄市苓雅區四維三路)',
    },
  ),
  timeline: Type.Array(
    Type.Object({
      kind: Type.String(),
      occurredAt: Type.String({ format: 'date-time' }),
      occurredAtText: Type.String(),
      label: Type.String(),
      note: nullable(Type.String({ description: 'the public note; internal notes never appear' })),
      by: Type.String({ description: 'the unit that acted, or the applicant; never a person' }),
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      mediaType: Type.String(),
      sizeBytes: Type.Integer(),
      isIssued: Type.Boolean({
        description: 'a document the bureau issued with its decision (a permit, a letter)',
      }),
    }),
    {
      description:
        'names only; the file is downloaded from the /track result page (a form sending the number, the code and a CSRF token to /track/attachment)',
    },
  ),
  supplement: nullable(
    Type.Object(
      {
        items: Type.Array(Type.String(), { description: 'what is needed, one item each' }),
        isOnline: Type.Boolean({ description: 'an online supplement is offered (on the /track page)' }),
        lead: Type.String(),
        ways: Type.Array(Type.String(), {
          description:
            'the counter with its hours, the post, the unit’s e-mail; each quoting the case number',
        }),
        caution: nullable(Type.String({ description: 'while the unit’s contacts are not yet confirmed' })),
      },
      { description: 'while the case waits for a supplement: what is needed and how to deliver it' },
    ),
  ),
});

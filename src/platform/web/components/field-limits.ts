/**
 * How long a typed value may be, one limit per kind of field, from this one place (issue 14: a name, an
 * address or a reason took 60, 300, 1,000, 4,000 or 8,000 characters depending on the page). Every form
 * definition takes its text fields' `maxLength` from here (`field.text({ maxLength: fieldLimits.address })`);
 * the controls show it (`maxlength` and a hint, via `textControls`), `readForm` checks it and says so in
 * the user's language with the values kept, and the JSON APIs bound the same fields with the same numbers
 * (their answer stays 400 VALIDATION_FAILED with the field named).
 *
 * Lengths are counted as the browser's `maxlength` counts them (UTF-16 code units; a line break is one).
 */
export const fieldLimits = {
  /** A person's name (申請人姓名, a contact's name). */
  personName: 100,
  /** A company's, an organisation's or an agency's name. */
  organisationName: 200,
  /** A phone number as typed, extension included (platform/reference/phone-numbers.ts reads it). */
  phone: 40,
  /** An e-mail address (RFC 5321's 254). */
  email: 254,
  /** A postal address, or where something is (「四維三路與中正路口」). */
  address: 300,
  /** A case number as typed (spaces, full-width digits and a missing dash are accepted). */
  caseNumber: 40,
  /** A lookup code or a one-time code as typed. */
  code: 40,
  /** Words typed in a search box. */
  searchTerms: 200,
  /** One line: a subject, a title, a short answer. */
  shortText: 200,
  /** Paragraphs: a description, a reason, a note, an answer or a resolution. */
  longText: 4000,
  /** What the page itself sends and nobody types: a version, an id, a code from a list. */
  token: 100,
} as const;

export type FieldKind = keyof typeof fieldLimits;

/**
 * The bound a route's own schema (a query string, the JSON of a page's form) puts on a field the form
 * checks with `limit`: generous, so that an over-long value reaches the form and comes back as the form's
 * problem in the user's language, never as a bare 400; still bounded, so nobody sends megabytes.
 */
export function transportLength(limit: number): number {
  return Math.max(limit * 10, 2000);
}

/**
 * How long an answer to a service's (or a report category's) own question may be: a multi-line text
 * question takes paragraphs, any other typed answer one line. Structural, so the platform names no module.
 */
export function answerLimitOf(question: { type: string; isMultiline?: boolean | undefined }): number {
  return question.type === 'text' && question.isMultiline === true
    ? fieldLimits.longText
    : fieldLimits.shortText;
}

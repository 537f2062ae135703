import { type Static, Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { type ContentEditorTextKey, contentEditorText as text } from './content-editor-messages.ts';
import { contentKinds, openGovernmentKinds } from './content-kinds.ts';
import { isoDateOf, linesOf, taipeiMomentOf, typedMomentOf, type VersionFields } from './content-rules.ts';

/**
 * The web editors' forms (issue 15 §1–2): creating an item, editing a version, the review, and an
 * attachment's fields. Repeatable Dublin Core fields are typed one value a line; classification codes are
 * ticked from the loaded tables.
 */

const words = (key: ContentEditorTextKey): Words => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/**
 * A version's text may be a whole regulation or report: longer than the platform's paragraphs
 * (`fieldLimits.longText`), still bounded (postedForm carries at most 100,000 per field).
 */
export const contentBodyLimit = 50_000;

const maxCodes = 60;

export const createItemForm = defineForm(
  Type.Object({
    kind: field.choice(contentKinds, { isRequired: true }),
    unitCode: field.text({ maxLength: fieldLimits.token, isRequired: true }),
    foiKinds: field.ticks({ maxItems: openGovernmentKinds.length, maxLength: 2 }),
    titleZh: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
  }),
  {
    kind: words('kindLabel'),
    unitCode: words('unitLabel'),
    foiKinds: words('foiKindsLabel'),
    titleZh: words('titleZhLabel'),
  },
);
export type CreateItemValues = Static<typeof createItemForm.schema>;

export const editVersionForm = defineForm(
  Type.Object({
    kind: field.choice(contentKinds),
    unitCode: field.text({ maxLength: fieldLimits.token }),
    foiKinds: field.ticks({ maxItems: openGovernmentKinds.length, maxLength: 2 }),
    titleZh: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    titleEn: field.text({ maxLength: fieldLimits.shortText }),
    summaryZh: field.text({ maxLength: fieldLimits.longText }),
    summaryEn: field.text({ maxLength: fieldLimits.longText }),
    bodyZh: field.text({ maxLength: contentBodyLimit }),
    bodyEn: field.text({ maxLength: contentBodyLimit }),
    subjectsZh: field.text({ maxLength: fieldLimits.longText }),
    subjectsEn: field.text({ maxLength: fieldLimits.longText }),
    creators: field.text({ maxLength: fieldLimits.longText }),
    contributors: field.text({ maxLength: fieldLimits.longText }),
    sources: field.text({ maxLength: fieldLimits.longText }),
    relations: field.text({ maxLength: fieldLimits.longText }),
    rights: field.text({ maxLength: fieldLimits.longText }),
    coverageStart: field.text({ maxLength: fieldLimits.code }),
    coverageEnd: field.text({ maxLength: fieldLimits.code }),
    themeCodes: field.ticks({ maxItems: maxCodes, maxLength: fieldLimits.token }),
    cakeCodes: field.ticks({ maxItems: maxCodes, maxLength: fieldLimits.token }),
    serviceCodes: field.ticks({ maxItems: maxCodes, maxLength: fieldLimits.token }),
    publishAt: field.text({ maxLength: fieldLimits.code }),
    expireAt: field.text({ maxLength: fieldLimits.code }),
    changeNote: field.text({ maxLength: fieldLimits.longText }),
    /** The version the form was filled from (`versionStampOf`): an edit made meanwhile is not overwritten. */
    baseStamp: field.text({ maxLength: fieldLimits.token }),
  }),
  {
    kind: words('kindLabel'),
    unitCode: words('unitLabel'),
    foiKinds: words('foiKindsLabel'),
    titleZh: words('titleZhLabel'),
    titleEn: words('titleEnLabel'),
    summaryZh: words('summaryZhLabel'),
    summaryEn: words('summaryEnLabel'),
    bodyZh: words('bodyZhLabel'),
    bodyEn: words('bodyEnLabel'),
    subjectsZh: words('subjectsZhLabel'),
    subjectsEn: words('subjectsEnLabel'),
    creators: words('creatorsLabel'),
    contributors: words('contributorsLabel'),
    sources: words('sourcesLabel'),
    relations: words('relationsLabel'),
    rights: words('rightsLabel'),
    coverageStart: words('coverageStartLabel'),
    coverageEnd: words('coverageEndLabel'),
    themeCodes: words('themeCodesLabel'),
    cakeCodes: words('cakeCodesLabel'),
    serviceCodes: words('serviceCodesLabel'),
    publishAt: words('publishAtLabel'),
    expireAt: words('expireAtLabel'),
    changeNote: words('changeNoteLabel'),
    baseStamp: words('changeNoteLabel'),
  },
);
export type EditVersionValues = Static<typeof editVersionForm.schema>;

export const reviewForm = defineForm(
  Type.Object({
    decision: field.choice(['approve', 'return'] as const, { isRequired: true }),
    reviewNote: field.text({ maxLength: fieldLimits.longText }),
  }),
  { decision: words('decisionLabel'), reviewNote: words('reviewNoteLabel') },
);
export type ReviewValues = Static<typeof reviewForm.schema>;

/** The fields sent with an attachment (the file itself is read by readMultipartForm). */
export const attachmentForm = defineForm(
  Type.Object({
    titleZh: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    titleEn: field.text({ maxLength: fieldLimits.shortText }),
    role: field.choice(['file', 'sample'] as const, { isRequired: true }),
    sortOrder: field.text({ maxLength: fieldLimits.code }),
  }),
  {
    titleZh: words('fileTitleZhLabel'),
    titleEn: words('fileTitleEnLabel'),
    role: words('fileRoleLabel'),
    sortOrder: words('fileOrderLabel'),
  },
);
export type AttachmentValues = Static<typeof attachmentForm.schema>;

/** A form with nothing but its CSRF token (submit, withdraw, remove a file). */
export const emptyForm = defineForm(Type.Object({}), {});

/** The order typed: a whole number from 0 to 999 ('' is 0), or null. */
export function sortOrderOf(typed: string): number | null {
  const compact = typed.normalize('NFKC').trim();
  if (compact === '') return 0;
  return /^\d{1,3}$/.test(compact) ? Number(compact) : null;
}

const orNull = (value: string) => (value === '' ? null : value);

/** A version's fields from the form (what cannot be read stays null: versionProblems says so). */
export function versionFieldsOf(values: EditVersionValues): VersionFields {
  const moment = (typed: string) => {
    const read = taipeiMomentOf(typed);
    return read instanceof Date ? read : null;
  };
  const date = (typed: string) => orNull(isoDateOf(typed) ?? '');
  return {
    titleZh: values.titleZh,
    titleEn: orNull(values.titleEn),
    summaryZh: values.summaryZh,
    summaryEn: orNull(values.summaryEn),
    bodyZh: values.bodyZh,
    bodyEn: orNull(values.bodyEn),
    subjectsZh: linesOf(values.subjectsZh),
    subjectsEn: linesOf(values.subjectsEn),
    creators: linesOf(values.creators),
    contributors: linesOf(values.contributors),
    sources: linesOf(values.sources),
    relations: linesOf(values.relations),
    rights: orNull(values.rights),
    coverageStart: date(values.coverageStart),
    coverageEnd: date(values.coverageEnd),
    themeCodes: values.themeCodes,
    cakeCodes: values.cakeCodes,
    serviceCodes: values.serviceCodes,
    publishAt: moment(values.publishAt),
    expireAt: moment(values.expireAt),
  };
}

/** Which edit of which version a form was filled from: 「2@2026-03-02T02:00:00.000Z」. */
export function versionStampOf(version: { version: number; editedAt: Date }): string {
  return `${version.version}@${version.editedAt.toISOString()}`;
}

/** The form filled in from a version (and its item), as the edit page first shows it. */
export function formValuesOf(
  item: { kind: string; unitCode: string; foiKinds: readonly string[] },
  version: VersionFields,
  baseStamp = '',
): EditVersionValues {
  return {
    kind: item.kind as EditVersionValues['kind'],
    unitCode: item.unitCode,
    foiKinds: [...item.foiKinds],
    titleZh: version.titleZh,
    titleEn: version.titleEn ?? '',
    summaryZh: version.summaryZh,
    summaryEn: version.summaryEn ?? '',
    bodyZh: version.bodyZh,
    bodyEn: version.bodyEn ?? '',
    subjectsZh: version.subjectsZh.join('\n'),
    subjectsEn: version.subjectsEn.join('\n'),
    creators: version.creators.join('\n'),
    contributors: version.contributors.join('\n'),
    sources: version.sources.join('\n'),
    relations: version.relations.join('\n'),
    rights: version.rights ?? '',
    coverageStart: version.coverageStart ?? '',
    coverageEnd: version.coverageEnd ?? '',
    themeCodes: [...version.themeCodes],
    cakeCodes: [...version.cakeCodes],
    serviceCodes: [...version.serviceCodes],
    publishAt: typedMomentOf(version.publishAt),
    expireAt: typedMomentOf(version.expireAt),
    changeNote: '',
    baseStamp,
  };
}

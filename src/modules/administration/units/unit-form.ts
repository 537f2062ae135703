import { Type } from 'typebox';
import { isEmailFormatValid, normaliseEmail } from '../../../platform/auth/staff-email.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { isPhoneNumber, normalisePhone, phoneParts } from '../../../platform/reference/phone-numbers.ts';
import type { UnitDetails } from '../../../platform/reference/unit-admin-service.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { unitsText as text } from './units-messages.ts';

const label = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/** A unit's page: its names, contacts and hours, whether it is active, and the admin's check of its contacts. */
export const unitForm = defineForm(
  Type.Object({
    nameZh: field.text({ maxLength: fieldLimits.organisationName, isRequired: true }),
    nameEn: field.text({ maxLength: fieldLimits.organisationName, isRequired: true }),
    addressZh: field.text({ maxLength: fieldLimits.address, isRequired: true }),
    addressEn: field.text({ maxLength: fieldLimits.address, isRequired: true }),
    phone: field.text({ maxLength: fieldLimits.phone, isRequired: true }),
    fax: field.text({ maxLength: fieldLimits.phone }),
    email: field.text({ maxLength: fieldLimits.email, isRequired: true }),
    serviceHoursZh: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    serviceHoursEn: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    isActive: field.tick(),
    isContactVerified: field.tick(),
  }),
  {
    nameZh: label('nameZh'),
    nameEn: label('nameEn'),
    addressZh: label('addressZh'),
    addressEn: label('addressEn'),
    phone: label('phone'),
    fax: label('fax'),
    email: label('email'),
    serviceHoursZh: label('serviceHoursZh'),
    serviceHoursEn: label('serviceHoursEn'),
    isActive: label('isActive'),
    isContactVerified: label('isContactVerified'),
  },
);

/** What the form reads is what the units' table keeps of a unit. */
export type UnitFormValues = UnitDetails;

/** Area codes longer than two digits (金門 0823/0826, 馬祖 0836, 苗栗 037, 南投 049, 臺東 089, 金門 082). */
const longAreaCodes = ['0826', '0836', '037', '049', '089', '082'];

/**
 * A number in the form the units have always been kept and shown in (「07-3368333」): the area code and a
 * dash, a mobile or 0800 number in groups, an extension after 「#」; a number abroad as `+` and digits.
 * Read through `normalisePhone` (so 「(07) 336-8333」, 「+886 7 3368333」 and full-width digits all give the
 * same), null when it is no number that can be called.
 */
export function unitPhoneText(typed: string): string | null {
  const stored = normalisePhone(typed);
  if (!isPhoneNumber(stored)) return null;
  const { number, extension } = phoneParts(stored);
  let shown: string;
  if (number.startsWith('+')) shown = number;
  else if (/^09\d{8}$/.test(number) || /^080\d{7}$/.test(number))
    shown = `${number.slice(0, 4)}-${number.slice(4, 7)}-${number.slice(7)}`;
  else {
    const area = longAreaCodes.find((code) => number.startsWith(code)) ?? number.slice(0, 2);
    shown = `${area}-${number.slice(area.length)}`;
  }
  return extension === null ? shown : `${shown}#${extension}`;
}

/** The contact fields: changing one makes the contacts unverified again unless the admin ticks the check anew. */
const contactKeys = [
  'addressZh',
  'addressEn',
  'phone',
  'fax',
  'email',
  'serviceHoursZh',
  'serviceHoursEn',
] as const;

/**
 * The rules beyond the fields, pure: the phone and fax callable (kept in the units' form), the e-mail in the
 * right form (lower case), and "verified": ticked now, or kept from before when no contact field changed.
 */
export function unitDetailsOf(
  values: UnitFormValues,
  current: Pick<UnitFormValues, (typeof contactKeys)[number] | 'isContactVerified'>,
  lang: Lang,
): { details: UnitFormValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const phone = unitPhoneText(values.phone);
  if (values.phone !== '' && phone === null)
    problems.push({ field: 'phone', code: 'phone', message: text(lang, 'badPhone') });
  const fax = values.fax === '' ? '' : unitPhoneText(values.fax);
  if (fax === null) problems.push({ field: 'fax', code: 'phone', message: text(lang, 'badFax') });
  const email = normaliseEmail(values.email);
  if (values.email !== '' && !isEmailFormatValid(email))
    problems.push({ field: 'email', code: 'email', message: text(lang, 'badEmail') });
  const details: UnitFormValues = { ...values, phone: phone ?? values.phone, fax: fax ?? values.fax, email };
  const isContactChanged = contactKeys.some((key) => details[key] !== current[key]);
  details.isContactVerified = values.isContactVerified || (current.isContactVerified && !isContactChanged);
  return { details, problems };
}

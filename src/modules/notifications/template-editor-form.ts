import { Type } from 'typebox';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../platform/web/components/read-form.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { type NotificationTextKey, notificationText } from './notifications-messages.ts';

const label = (key: NotificationTextKey, prefix?: 'languageZh' | 'languageEn') => {
  const words = (lang: Lang) =>
    prefix === undefined
      ? notificationText(lang, key)
      : `${notificationText(lang, prefix)} · ${notificationText(lang, key)}`;
  return { 'zh-TW': words('zh-TW'), en: words('en') };
};

/** A version number, as the page sends it. */
const digits = { source: '^\\d{1,9}$', message: label('fieldBaseVersion') };

/**
 * The editor of one topic's wording (/staff/notification-templates/:topic). Field names, for tests and
 * browser journeys: subjectZh, textZh, smsZh, subjectEn, textEn, smsEn, note, previewCase, baseVersion
 * (hidden: the version the page showed), and the button pressed: intent = 'preview' (the 預覽 button) or
 * absent/'save' (儲存為新版本).
 */
export const templateEditorForm = defineForm(
  Type.Object({
    subjectZh: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    textZh: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    smsZh: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    subjectEn: field.text({ maxLength: fieldLimits.shortText, isRequired: true }),
    textEn: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    smsEn: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    note: field.text({ maxLength: fieldLimits.shortText }),
    previewCase: field.text({ maxLength: fieldLimits.caseNumber }),
    baseVersion: field.text({ maxLength: fieldLimits.token, pattern: digits }),
    intent: field.choice(['preview', 'save']),
  }),
  {
    subjectZh: label('fieldSubject', 'languageZh'),
    textZh: label('fieldText', 'languageZh'),
    smsZh: label('fieldSms', 'languageZh'),
    subjectEn: label('fieldSubject', 'languageEn'),
    textEn: label('fieldText', 'languageEn'),
    smsEn: label('fieldSms', 'languageEn'),
    note: label('fieldNote'),
    previewCase: label('fieldPreviewCase'),
    baseVersion: label('fieldBaseVersion'),
    intent: label('fieldIntent'),
  },
);

/** "Save this version again" / "back to the built-in wording": `version` is a number or `built-in`. */
export const templateRestoreForm = defineForm(
  Type.Object({
    version: field.text({
      maxLength: fieldLimits.token,
      isRequired: true,
      pattern: { source: '^(\\d{1,9}|built-in)$', message: label('fieldVersion') },
    }),
    baseVersion: field.text({ maxLength: fieldLimits.token, pattern: digits }),
  }),
  { version: label('fieldVersion'), baseVersion: label('fieldBaseVersion') },
);

import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import { type OdtBlock, writeOdt } from '../../../platform/documents/odt.ts';
import { BUREAU } from '../../../platform/reference/units.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { UnitContact } from '../core/case-reference-cache.ts';
import { deficiencyText as text } from './deficiency-messages.ts';
import type { DeficiencyNotice } from './deficiency-queries.ts';

/**
 * The notice as a document: what the page, the printed A4 sheet and the .odt all say (the bureau, the case,
 * every item with its note, the date, the unit with its phone, and how to supplement), in one language.
 */

export interface NoticeDocument {
  lang: Lang;
  bureau: string;
  title: string;
  sequenceText: string;
  caseNumber: string;
  serviceName: string;
  applicantName: string;
  /** Formatted dates ('' while the notice is not issued). */
  issuedOn: string;
  supplementBy: string;
  items: { label: string; note: string }[];
  unit: { name: string; phone: string; address: string; email: string; hours: string };
  howTo: string[];
  lapseWarning: string;
}

export function noticeDocument(options: {
  lang: Lang;
  notice: DeficiencyNotice;
  row: { caseNumber: string; applicantName: string };
  serviceName: { nameZh: string; nameEn: string };
  unit: UnitContact;
  publicBaseUrl: string;
}): NoticeDocument {
  const { lang, notice, unit } = options;
  const isEnglish = lang === 'en';
  const address = isEnglish ? unit.addressEn : unit.addressZh;
  const hours = isEnglish ? unit.serviceHoursEn : unit.serviceHoursZh;
  const caseNumber = options.row.caseNumber;
  const trackUrl = `${options.publicBaseUrl.replace(/\/$/, '')}${localePath(lang, '/track')}`;
  return {
    lang,
    bureau: isEnglish ? BUREAU.nameEn : BUREAU.nameZh,
    title: text(lang, 'documentTitle'),
    sequenceText: text(lang, 'noticeSequence', { sequence: notice.sequence }),
    caseNumber,
    serviceName: isEnglish ? options.serviceName.nameEn : options.serviceName.nameZh,
    applicantName: options.row.applicantName,
    issuedOn: notice.issuedAt === null ? '' : formatPageDate(lang, toTaipeiLocalDate(notice.issuedAt)),
    supplementBy: formatPageDate(lang, notice.supplementBy),
    items: notice.items.map((item) => ({ label: isEnglish ? item.labelEn : item.labelZh, note: item.note })),
    unit: {
      name: isEnglish ? unit.nameEn : unit.nameZh,
      phone: unit.phone,
      address,
      email: unit.email,
      hours,
    },
    howTo: [
      text(lang, 'howToOnline', { url: trackUrl }),
      text(lang, 'howToCounter', { address, hours }),
      text(lang, 'howToPost', { address, caseNumber }),
      text(lang, 'howToEmail', { email: unit.email, caseNumber }),
    ],
    lapseWarning: text(lang, 'lapseWarning'),
  };
}

/** The facts at the top of the notice, as label and value. */
export function noticeFacts(document: NoticeDocument): [string, string][] {
  const lang = document.lang;
  return [
    [text(lang, 'caseNumber'), document.caseNumber],
    [text(lang, 'service'), document.serviceName],
    [text(lang, 'applicant'), document.applicantName],
    ...(document.issuedOn === '' ? [] : [[text(lang, 'issuedOn'), document.issuedOn] as [string, string]]),
    [text(lang, 'supplementBy'), document.supplementBy],
    [text(lang, 'handledBy'), document.unit.name],
    [text(lang, 'unitPhone'), document.unit.phone],
    [text(lang, 'unitAddress'), document.unit.address],
    [text(lang, 'unitEmail'), document.unit.email],
  ];
}

/** The notice as an ODF text document (the same content as the printed page). */
export function noticeOdt(document: NoticeDocument, created: Date): Buffer {
  const lang = document.lang;
  const blocks: OdtBlock[] = [
    { type: 'paragraph', text: document.bureau },
    { type: 'heading', level: 1, text: document.title },
    { type: 'paragraph', text: document.sequenceText },
    {
      type: 'table',
      caption: document.title,
      header: ['', ''],
      rows: noticeFacts(document),
    },
    { type: 'paragraph', text: text(lang, 'noticeIntro') },
    { type: 'heading', level: 2, text: text(lang, 'itemsHeading') },
    {
      type: 'table',
      caption: text(lang, 'itemsHeading'),
      header: [text(lang, 'itemColumn'), text(lang, 'noteColumn')],
      rows: document.items.map((item, index) => [`${index + 1}. ${item.label}`, item.note]),
    },
    { type: 'heading', level: 2, text: text(lang, 'howToHeading') },
    { type: 'list', items: document.howTo },
    { type: 'paragraph', text: document.lapseWarning },
  ];
  return writeOdt({ title: `${document.title} ${document.caseNumber}`, lang, blocks, created });
}

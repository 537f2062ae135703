import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow } from './case-letter-parts.ts';

/**
 * The two ways a case ends that the applicant was not told of before issue 14 (each outcome in its own
 * words): withdrawn (撤回, by the applicant on /track or at the counter on their behalf) and merged (併案,
 * the same matter as another case, which carries it on).
 */

export interface CaseWithdrawnData {
  caseNumber: string;
  serviceName: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

/** 撤回確認: the request is withdrawn and will not be handled; to go on, apply again. */
export const caseWithdrawn: NotificationTemplate<CaseWithdrawnData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '撤回確認：申請人（或臨櫃代為）撤回案件時寄給申請人，確認本局不再辦理。',
    en: 'Withdrawal confirmed: sent to the applicant when the request is withdrawn (by them, or at the counter for them).',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '人行道修繕',
      unitName: '道路養護工程處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Pavement repair',
      unitName: 'Road Maintenance Engineering Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `案件已撤回（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件已撤回，本局不再辦理。`,
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        `如果不是您要撤回，或仍需要本局處理，請來電承辦單位，或重新申請並註明本案號。案件紀錄：\n${data.trackingUrl}`,
      ]),
      sms: `工務局：案件${data.caseNumber}已撤回，本局不再辦理；如有疑問請洽${data.unitName} ${data.unitPhone}。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your request is withdrawn (case ${data.caseNumber})`),
      text: letter('en', [
        `Your request about “${data.serviceName}” is withdrawn: we will not handle it further.`,
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        `If you did not mean to withdraw it, or still need us to act, call the unit, or apply again quoting this case number. The record:\n${data.trackingUrl}`,
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} is withdrawn and will not be handled further; questions: ${data.unitName}, ${data.unitPhone}.`,
    }),
  },
};

export interface CaseMergedData {
  caseNumber: string;
  serviceName: string;
  /** The case that carries the matter on (the end of the chain of merges). */
  mergedInto: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

/** 併案通知: the same matter as another case, handled there; this case's tracking page follows that one. */
export const caseMerged: NotificationTemplate<CaseMergedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '併案通知：案件與另一案件為同一事項、併入該案處理時寄給申請人，附併入的案號。',
    en: 'Merged: sent to the applicant when the request is the same matter as another case and is handled with it.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '路燈維修',
      mergedInto: '1150301-0017',
      unitName: '公園處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Street light repair',
      mergedInto: '1150301-0017',
      unitName: 'Parks and Street Lights Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `案件已併案處理（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件與案號 ${data.mergedInto} 的案件為同一事項，已併入該案一併處理，不會因此延後。`,
        facts('zh-TW', [
          ['您的案號', data.caseNumber],
          ['併入案號', data.mergedInto],
          handledByRow('zh-TW', data),
        ]),
        `您仍可用原本的查詢連結查看辦理情形，頁面會顯示併入案件的進度：\n${data.trackingUrl}`,
      ]),
      sms: `工務局：案件${data.caseNumber}已併入案件${data.mergedInto}一併處理，進度可用原查詢連結查看。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your request is handled with another case (case ${data.caseNumber})`),
      text: letter('en', [
        `Your request about “${data.serviceName}” is the same matter as case ${data.mergedInto}, and is now handled together with it; this does not delay it.`,
        facts('en', [
          ['Your case number', data.caseNumber],
          ['Handled with case', data.mergedInto],
          handledByRow('en', data),
        ]),
        `Your tracking link still works, and shows the progress of the case it joined:\n${data.trackingUrl}`,
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} is handled together with case ${data.mergedInto}; follow it with your tracking link.`,
    }),
  },
};

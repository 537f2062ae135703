import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../platform/notify/template-kit.ts';

export interface ReportFixedData {
  caseNumber: string;
  serviceName: string;
  /** The crew's note, as they wrote it. */
  resolution: string;
  /** The day it was fixed (YYYY-MM-DD, Taipei). */
  fixedOn: string;
  /** After-photos attached to the e-mail. */
  photoCount: number;
  /**
   * Why this person is told: they reported it, they reported a duplicate that was merged into it, or they
   * followed it ("this is mine — follow it").
   */
  recipient: 'reporter' | 'merged_reporter' | 'follower';
  /** Where to follow it: the reporter's tracking page, or the report's public page. */
  followUrl: string;
  /** The reporter's "not fixed" page and its last day (YYYY-MM-DD); null for anyone else. */
  notFixed: { url: string; until: string } | null;
}

/** 修復通知: the crew fixed it; the after-photo is attached, and the reporter may still say "not fixed". */
export const reportFixed: NotificationTemplate<ReportFixedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW':
      '修復通知：維修人員完成修復時寄給通報人、併案通報的通報人與關注者，附修復後照片；通報人可於期限內回覆「尚未修好」。',
    en: 'Fixed: sent to the reporter, the reporters of merged duplicates and the followers when the crew has fixed it, with the after-photo attached; the reporter may say “not fixed” within the time allowed.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '路面坑洞',
      resolution: '已於現場以熱拌瀝青修補坑洞，並壓實平整。',
      fixedOn: '2026-03-03',
      photoCount: 1,
      recipient: 'reporter',
      followUrl: 'https://onewindow.example.tw/track?case=1150302-0042&code=ABCD2345',
      notFixed: {
        url: 'https://onewindow.example.tw/reports/1150302-0042/not-fixed?code=ABCD2345',
        until: '2026-03-17',
      },
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Pothole',
      resolution: 'The pothole was filled with hot-mix asphalt and rolled flat.',
      fixedOn: '2026-03-03',
      photoCount: 1,
      recipient: 'follower',
      followUrl: 'https://onewindow.example.tw/en/reports/1150302-0042',
      notFixed: null,
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您通報的問題已修復（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        {
          reporter: `您通報的「${data.serviceName}」已由維修人員修復。`,
          merged_reporter: `您通報的「${data.serviceName}」與另一件通報是同一處問題，已併案處理，現已由維修人員修復。`,
          follower: `您關注的「${data.serviceName}」通報已由維修人員修復。`,
        }[data.recipient],
        data.resolution,
        facts('zh-TW', [
          ['案號', data.caseNumber],
          ['修復日期', date('zh-TW', data.fixedOn)],
        ]),
        data.photoCount > 0 ? '附件是修復後的現場照片。' : null,
        data.notFixed === null
          ? null
          : `如果現場其實還沒修好，請在${date('zh-TW', data.notFixed.until)}以前告訴我們（可附照片），我們會再派員處理：\n${data.notFixed.url}`,
        `查看處理紀錄：\n${data.followUrl}`,
      ]),
      sms: `工務局：您通報的問題（案號${data.caseNumber}）已修復，詳情請見 ${data.followUrl}`,
    }),
    en: (data) => ({
      subject: subject('en', `The problem you reported is fixed (case ${data.caseNumber})`),
      text: letter('en', [
        {
          reporter: `The “${data.serviceName}” you reported has been fixed by our crew.`,
          merged_reporter: `The “${data.serviceName}” you reported was the same problem as another report; the two were handled together, and our crew has now fixed it.`,
          follower: `The “${data.serviceName}” report you followed has been fixed by our crew.`,
        }[data.recipient],
        data.resolution,
        facts('en', [
          ['Case number', data.caseNumber],
          ['Fixed on', date('en', data.fixedOn)],
        ]),
        data.photoCount > 0 ? 'The attached photo shows the place after the repair.' : null,
        data.notFixed === null
          ? null
          : `If it is not actually fixed, tell us by ${date('en', data.notFixed.until)} (you can add a photo) and we will send a crew again:\n${data.notFixed.url}`,
        `See what was done:\n${data.followUrl}`,
      ]),
      sms: `Public Works Bureau: the problem you reported (case ${data.caseNumber}) is fixed; see ${data.followUrl}`,
    }),
  },
};

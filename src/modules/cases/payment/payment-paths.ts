import { casePaths } from '../core/case-paths.ts';

/** The fee's pages and routes, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const paymentPaths = {
  /** The applicant's fee page (amount, lines, Pay) and receipt: posted with the case number and lookup code. */
  trackPayment: `${casePaths.track}/payment`,
  trackPay: `${casePaths.track}/payment/start`,
  trackReceipt: `${casePaths.track}/payment/receipt`,
  /** Where the provider sends the browser back, and posts its server-to-server callback. */
  providerReturn: '/payment/return',
  providerCallback: '/payment/callback',
  /** Staff: the case's fee and payments (counter payment, refund), and a payment's receipt. */
  staffPayment: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/payment`,
  staffRefund: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/payment/refund`,
  staffReceipt: (caseNumber: string) => `${casePaths.casePage(caseNumber)}/payment/receipt`,
} as const;

/**
 * The fixed lists of a case that are not the workflow's: how a request came in and who the applicant is.
 * Pure (no database): the schema's CHECKs, the intake rules and the forms read them from here.
 */

export const caseChannels = ['counter', 'web', 'phone', 'email', 'hotline_1999', 'api'] as const;
export type CaseChannel = (typeof caseChannels)[number];

export const applicantTypes = ['person', 'company'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/** A period the clock stood still (awaiting a supplement); `to` null while it still does. */
export interface StoredPause {
  from: string;
  to: string | null;
}

/** One line of a case's fee as computed when it was opened: a fixed fee, or an amount per unit of an answer. */
export interface StoredFeeLine {
  labelZh: string;
  labelEn: string;
  /** The fee's amount for one unit (or the whole, when fixed). */
  unitAmountTwd: number;
  /** 1 for a fixed fee; the answer (e.g. square metres) for a fee per unit. */
  quantity: number;
  amountTwd: number;
}

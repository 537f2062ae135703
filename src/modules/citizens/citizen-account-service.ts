import type { Database } from '../../platform/db/database.ts';
import { pageCountOf, pageWindow } from '../../platform/db/paging.ts';
import { draftsOfContact } from '../applications/index.ts';
import { type ApplicantCaseItem, casesOfApplicantEmail } from '../cases/index.ts';
import { serviceNamesOf } from '../catalogue/index.ts';

/** Cases per page of "My cases": a company may have hundreds. */
export const accountPageSize = 20;

export interface AccountDraft {
  id: string;
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  updatedAt: Date;
  expiresAt: Date;
}

export interface Account {
  cases: ApplicantCaseItem[];
  page: number;
  pageCount: number;
  total: number;
  drafts: AccountDraft[];
}

/**
 * What a signed-in citizen sees: their cases (the address of the session, proven by the link) through the
 * cases module, and their unsent drafts through the applications module. Only that address's own data.
 */
export async function loadAccount(
  db: Database,
  options: { email: string; page: number; now: Date },
): Promise<Account> {
  const window = pageWindow(options.page, accountPageSize);
  const { items, total } = await casesOfApplicantEmail(db, { email: options.email, window });
  const rows = await draftsOfContact(db, options.email, options.now);
  const nameOf = await serviceNamesOf(db, rows);
  const drafts: AccountDraft[] = rows.map((row) => ({
    id: row.id,
    serviceCode: row.serviceCode,
    serviceNameZh: nameOf(row.serviceCode, row.serviceVersion).nameZh,
    serviceNameEn: nameOf(row.serviceCode, row.serviceVersion).nameEn,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
  }));
  return { cases: items, page: options.page, pageCount: pageCountOf(total, accountPageSize), total, drafts };
}

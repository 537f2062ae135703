import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type DeficiencyNotice, listNoticesOfCase, supplementFilesOf } from './deficiency-queries.ts';
import type { SupplementShown } from './views/notice-page.tsx';

/** What the case page shows of the deficiency notices: each notice, and what was brought item by item. */

export interface CaseNoticesSection {
  caseNumber: string;
  notices: readonly { notice: DeficiencyNotice; supplement: readonly SupplementShown[] }[];
}

/** What was brought for each item of the notice (a changed answer, a reply, the files), or [] before. */
export function supplementShownOf(
  notice: DeficiencyNotice,
  files: readonly { id: string; fileName: string }[],
  lang: Lang,
): SupplementShown[] {
  if (notice.supplement === null) return [];
  return notice.items.map((item) => {
    const given = notice.supplement?.find((entry) => entry.key === item.key);
    return {
      label: lang === 'en' ? item.labelEn : item.labelZh,
      previousAnswer: given?.answer === undefined ? null : (given.previousAnswer ?? null),
      answer: given?.answer ?? null,
      reply: given?.reply ?? null,
      files: files.filter((file) => given?.attachmentIds.includes(file.id) === true),
    };
  });
}

export async function loadCaseNoticesSection(
  db: DatabaseOrTransaction,
  row: { id: string; caseNumber: string },
  lang: Lang,
): Promise<CaseNoticesSection> {
  const notices = await listNoticesOfCase(db, row.id);
  const files = await supplementFilesOf(
    db,
    notices.map((notice) => notice.id),
  );
  return {
    caseNumber: row.caseNumber,
    notices: notices.map((notice) => ({
      notice,
      supplement: supplementShownOf(
        notice,
        files.filter((file) => file.deficiencyNoticeId === notice.id),
        lang,
      ),
    })),
  };
}

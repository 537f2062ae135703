import type { Lang } from '../../../platform/web/i18n.ts';

/**
 * A case's subject in the reader's language. A case opened without a subject is given its service's
 * Chinese name at intake (open-case.ts): that automatic subject is the service's name, not the applicant's
 * words, so an English page shows the service's English name (of the case's own service version) instead
 * (issue 14). A subject the applicant wrote is theirs and shown as written. Pure: the rows need no flag, so
 * every case kept before this reads the same way.
 */
export function subjectIn(
  lang: Lang,
  row: { subject: string; serviceNameZh: string; serviceNameEn: string },
): string {
  if (lang === 'en' && row.subject.trim() === row.serviceNameZh.trim() && row.serviceNameEn.trim() !== '')
    return row.serviceNameEn;
  return row.subject;
}

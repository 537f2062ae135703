import type { CasesContext } from '../../src/modules/cases/index.ts';
import type { Clock } from '../../src/platform/http/clock.ts';
import type { Lang } from '../../src/platform/web/i18n.ts';

/** What a test app (or the browser tests' server) offers a case use case. */
export interface TestAppLike {
  database: { db: CasesContext['db'] };
  jobs: CasesContext['jobs'];
  clock: Clock;
  config: { calendarRegion: string; caseReopenDays: number; publicBaseUrl: string };
}

/** The context a case use case runs with, from a test app, at its clock's now (or `now`). */
export function testCasesContext(subject: TestAppLike, lang: Lang = 'zh-TW', now?: Date): CasesContext {
  return {
    db: subject.database.db,
    now: now ?? subject.clock.now(),
    lang,
    calendarRegion: subject.config.calendarRegion,
    reopenDays: subject.config.caseReopenDays,
    publicBaseUrl: subject.config.publicBaseUrl,
    jobs: subject.jobs,
  };
}

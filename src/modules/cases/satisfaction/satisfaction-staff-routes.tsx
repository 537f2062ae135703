import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { recordStaffAudit } from '../../../platform/auth/audit-log.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import { pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage } from '../../../platform/web/i18n.ts';
import { listServices } from '../../catalogue/index.ts';
import { sendConsolePage } from '../console/console-page.tsx';
import { listScope, rolesFor } from '../core/case-actions.ts';
import { resultsFilterForm } from './satisfaction-form.ts';
import { satisfactionText as text } from './satisfaction-messages.ts';
import { satisfactionPaths } from './satisfaction-paths.ts';
import { readDateRange } from './satisfaction-rules.ts';
import { satisfactionComments, satisfactionResults } from './satisfaction-service.ts';
import { SatisfactionResultsPage } from './views/satisfaction-results-page.tsx';

const ResultsQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.String({ maxLength: 12 })),
});

const commentsPerPage = 20;

/**
 * The results for staff: per service and per unit, the count, the average and the 1–5 distribution over a
 * period, and the comments (no case, no applicant). Who sees what follows supervision (the actions table's
 * `supervise`): a supervisor their own unit, the secretariat every unit. Each read is audited (the comments
 * are the citizens' own words).
 */
export async function satisfactionStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);
  forEachLanguage(satisfactionPaths.results, (url, lang) => {
    app.get(
      url,
      {
        preHandler: requireStaff({ roles: rolesFor('supervise') }),
        schema: { hide: true, querystring: ResultsQuery },
      },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const unitCode = listScope(staff.role, 'supervise') === 'own_unit' ? staff.unitCode : null;
        const raw = readForm(resultsFilterForm, request.query, lang);
        const read = readDateRange(raw.values, lang);
        const problems = [...raw.problems, ...read.problems];
        const scope = { unitCode, range: read.range };
        const page = pageNumberOf(request.query.page);
        const [results, comments, units, services] = await Promise.all([
          satisfactionResults(deps.db, scope),
          satisfactionComments(deps.db, scope, pageWindow(page, commentsPerPage)),
          listUnits(deps.db),
          listServices(deps.db, { lang }),
        ]);
        await recordStaffAudit(deps.db, staffActorContext(request, deps), {
          action: 'satisfaction.results_view',
          details: { unitCode, from: read.range.from, to: read.range.to, page },
        });
        const unitName = (code: string) => {
          const unit = units.find((candidate) => candidate.code === code);
          return unit === undefined ? code : lang === 'en' ? unit.nameEn : unit.nameZh;
        };
        const serviceName = (code: string) => {
          const service = services.find((candidate) => candidate.code === code);
          return service === undefined ? code : lang === 'en' ? service.nameEn : service.nameZh;
        };
        const shown = problemsOnPage(problems, { lang });
        return sendConsolePage(request, reply, {
          title: text(lang, 'resultsTitle'),
          status: problems.length > 0 ? 400 : 200,
          hasError: problems.length > 0,
          body: (
            <SatisfactionResultsPage
              lang={lang}
              role={staff.role}
              lead={
                unitCode === null
                  ? text(lang, 'resultsLeadAll')
                  : text(lang, 'resultsLeadUnit', { unit: unitName(unitCode) })
              }
              filter={raw.values}
              range={read.range}
              problems={shown}
              results={results}
              comments={comments}
              page={page}
              unitName={unitName}
              serviceName={serviceName}
            />
          ),
        });
      },
    );
  });
}

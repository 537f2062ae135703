import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage } from '../../../platform/web/i18n.ts';
import { rolesFor } from '../core/case-actions.ts';
import { type StaffLookupResult, staffLookup } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { lookupForm } from './case-forms.ts';
import { consoleText as text } from './console-messages.ts';
import { sendConsolePage } from './console-page.tsx';
import { consolePaths } from './console-paths.ts';
import { LookupPage } from './views/lookup-page.tsx';

/** Phone enquiries: a case by number, the applicant's phone or name (a GET form; every search audited). */
export async function lookupRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  forEachLanguage(consolePaths.lookup, (url, lang) => {
    app.get(
      url,
      {
        preHandler: requireStaff({ roles: rolesFor('look_up') }),
        schema: { hide: true, querystring: postedForm },
      },
      async (request, reply) => {
        const { values, problems } = readForm(lookupForm, request.query, lang);
        const isSearch = Object.keys(lookupForm.labels).some((name) => Object.hasOwn(request.query, name));
        let results: StaffLookupResult[] | null = null;
        let shown = problemsOnPage(problems, { lang });
        if (isSearch && !shown.hasAny) {
          try {
            results = await staffLookup(casesContext(request, deps), values, staffCaseActor(request));
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
            shown = problemsOnPage(error.problems, { lang, wholeFormTarget: 'caseNumber' });
          }
        }
        const units = results === null ? [] : await listUnits(deps.db);
        return sendConsolePage(request, reply, {
          title: text(lang, 'lookupTitle'),
          status: shown.hasAny ? 400 : 200,
          hasError: shown.hasAny,
          body: (
            <LookupPage
              lang={lang}
              role={signedInStaff(request).role}
              values={values}
              problems={shown}
              results={results}
              unitNames={
                new Map(units.map((unit) => [unit.code as string, lang === 'en' ? unit.nameEn : unit.nameZh]))
              }
            />
          ),
        });
      },
    );
  });
}

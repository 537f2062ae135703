import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { forEachLanguage } from '../../../platform/web/i18n.ts';
import { listScope, rolesFor } from '../core/case-actions.ts';
import { supervisionSummary } from '../core/case-queries.ts';
import { listPendingExtensions } from '../core/extensions.ts';
import { consoleText as text } from './console-messages.ts';
import { sendConsolePage } from './console-page.tsx';
import { consolePaths } from './console-paths.ts';
import { supervisionUnits } from './supervision-model.ts';
import { SupervisionPage } from './views/supervision-page.tsx';

/**
 * Overdue and at-risk counts per unit and officer, and the extension requests waiting for a decision: a
 * supervisor's unit, every unit for the secretariat.
 */
export async function supervisionRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  forEachLanguage(consolePaths.supervision, (url, lang) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: rolesFor('supervise') }), schema: { hide: true } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const ownUnit = listScope(staff.role, 'supervise') === 'own_unit' ? staff.unitCode : null;
        const [rows, units, extensions] = await Promise.all([
          supervisionSummary(deps.db, { unitCode: ownUnit ?? undefined }, deps.clock.now()),
          listUnits(deps.db),
          listPendingExtensions(deps.db, { unitCode: ownUnit ?? undefined }),
        ]);
        const unitName = (code: string) => {
          const unit = units.find((candidate) => candidate.code === code);
          return unit === undefined ? code : lang === 'en' ? unit.nameEn : unit.nameZh;
        };
        return sendConsolePage(request, reply, {
          title: text(lang, 'supervisionTitle'),
          body: (
            <SupervisionPage
              lang={lang}
              role={staff.role}
              lead={
                ownUnit === null
                  ? text(lang, 'supervisionLeadAll')
                  : text(lang, 'supervisionLeadUnit', { unit: unitName(ownUnit) })
              }
              units={supervisionUnits(rows, lang, unitName)}
              linksNameUnit={ownUnit === null}
              extensions={extensions}
              unitName={unitName}
            />
          ),
        });
      },
    );
  });
}

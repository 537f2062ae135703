import { requireStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { findUnitRow, listUnitRows, type UnitRow } from '../../../platform/reference/unit-admin-service.ts';
import { adminRowRoutes } from '../../../platform/web/admin-row-routes.ts';
import { administrationPaths } from '../administration-paths.ts';
import { type UnitFormValues, unitDetailsOf, unitForm } from './unit-form.ts';
import { unitsText as text } from './units-messages.ts';
import { updateUnit } from './units-service.ts';
import { UnitEditPage, UnitListPage } from './views/units-pages.tsx';

/** Units are the admin's alone. */
const mayUse = requireStaff({ roles: ['admin'] });

/** A unit code as the table keeps them: lower-case letters, digits and dashes. */
const isUnitCode = (code: string) => /^[a-z0-9][a-z0-9-]{0,59}$/.test(code);

/** The form's values from the row, the contacts' check left unticked: ticking it is a fresh statement. */
function valuesOf(unit: UnitRow): UnitFormValues {
  const { code: _code, sortOrder: _order, ...details } = unit;
  return { ...details, isContactVerified: false };
}

export async function unitsRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  adminRowRoutes(app, deps, {
    listPath: administrationPaths.units,
    rowPattern: administrationPaths.unitPattern,
    preHandler: mayUse,
    codeMaxLength: 100,
    savedMaxLength: 100,
    isCode: isUnitCode,
    listRows: () => listUnitRows(deps.db),
    findRow: (code) => findUnitRow(deps.db, code),
    codeOf: (unit) => unit.code,
    listTitle: (lang) => text(lang, 'listTitle'),
    savedText: (lang, unit) => text(lang, 'saved', { name: lang === 'en' ? unit.nameEn : unit.nameZh }),
    rowTitle: (lang, unit) => text(lang, 'editTitle', { name: lang === 'en' ? unit.nameEn : unit.nameZh }),
    rowNotFound: (lang) => text(lang, 'unitNotFound'),
    form: unitForm,
    valuesOf,
    // A phone that cannot be called, an e-mail in the wrong form.
    ruleProblems: (values, unit, lang) => unitDetailsOf(values, unit, lang).problems,
    save: (values, unit, actor, lang) =>
      updateUnit(deps.db, {
        code: unit.code,
        values,
        actor: actor.auditActor,
        origin: actor.origin,
        now: actor.now,
        lang,
      }),
    listPage: (view) => <UnitListPage {...view} />,
    rowPage: ({ row, ...view }) => <UnitEditPage unit={row} {...view} />,
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { sendControlPage } from '../shared/control-pages.ts';
import { unitNamesOf } from '../shared/unit-names.ts';
import { getCheck, listRevisions } from './check-reads.ts';
import {
  type CheckView,
  checkNotFound,
  type FollowUpForm,
  mayClose,
  mayConfirm,
  mayFollowUp,
  mayRemoveEvidence,
  mayRevise,
} from './check-rules.ts';
import { type ChecksTextKey, checksText as text } from './checks-messages.ts';
import { checksPaths } from './checks-paths.ts';
import type { ChecksMutation } from './checks-service.ts';
import { CheckPage, type CheckPermissions } from './views/check-page.tsx';
import { checkTitle } from './views/check-parts.tsx';

/** What the checks' pages share: who may use them, the signed-in member as the use cases take them, a check's page. */

/** Who records spot checks and closes actions: the secretariat (秘書室, which runs 管制查考) and admins. */
export const secretariatRoles = ['admin', 'secretariat'] as const;
export const unitRoles = ['unit_editor', 'unit_head'] as const;
export const anyStaff = requireStaff();
export const secretariatOnly = requireStaff({ roles: secretariatRoles });
export const unitsOnly = requireStaff({ roles: unitRoles });
export const writers = requireStaff({ roles: [...secretariatRoles, ...unitRoles] });
/** A unit head confirms the unit's self-assessment. */
export const headsOnly = requireStaff({ roles: ['unit_head'] });

/** The signed-in member, now and today in Taipei, the language and the request's origin. */
export function checking(request: FastifyRequest, deps: AppDeps): ChecksMutation {
  const actor = staffActorContext(request, deps);
  return { ...actor, today: taipeiIsoDate(actor.now) };
}

export async function loadCheck(deps: AppDeps, id: string, lang: Lang): Promise<CheckView> {
  const check = await getCheck(deps.db, id, taipeiIsoDate(deps.clock.now()));
  if (!check) throw checkNotFound(lang);
  return check;
}

export const listCrumb = (lang: Lang): Breadcrumb => ({
  text: text(lang, 'listTitle'),
  href: checksPaths.list,
});
export const unitCrumb = (lang: Lang): Breadcrumb => ({
  text: text(lang, 'unitListLink'),
  href: checksPaths.unit,
});

/** What a check's page says after a change (`?done=…`). */
export const checkNotices = {
  saved: 'saved',
  revised: 'revisedNotice',
  followUp: 'followUpSaved',
  closed: 'actionClosedNotice',
  confirmed: 'confirmed',
} as const satisfies Record<string, ChecksTextKey>;

/** A check's page again, after a change (`done`), at an action (`anchor`). */
export function checkUrl(
  lang: Lang,
  checkId: string,
  done: keyof typeof checkNotices | 'evidenceRemoved',
  anchor = '',
): string {
  return `${localePath(lang, checksPaths.check(checkId))}?done=${done}${anchor === '' ? '' : `#${anchor}`}`;
}

/** A check's page: the forms the reader may use on it, what just happened, and a refused form's problems. */
export async function sendCheck(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  check: CheckView,
  view: {
    notice: string | null;
    problems: FormProblems;
    followUpForm?: { actionId: string; form: FollowUpForm } | null;
    status?: number;
  },
): Promise<FastifyReply> {
  const lang = request.lang;
  const staff = signedInStaff(request);
  const unitNames = await unitNamesOf(deps.db);
  const actionsWhere = (may: (action: CheckView['actions'][number]) => boolean) =>
    new Set(check.actions.filter(may).map((action) => action.id));
  const permissions: CheckPermissions = {
    confirm: mayConfirm(staff, check),
    revise: mayRevise(staff, check),
    followUp: actionsWhere((action) => mayFollowUp(staff, check, action)),
    close: actionsWhere((action) => mayClose(staff, check, action)),
    removeEvidence: actionsWhere((action) => mayRemoveEvidence(staff, action)),
  };
  const isUnitStaff = staff.role === 'unit_editor' || staff.role === 'unit_head';
  return sendControlPage(request, reply, {
    title: checkTitle(lang, check, unitNames),
    problems: view.problems,
    status: view.status ?? 200,
    crumbs: [isUnitStaff ? unitCrumb(lang) : listCrumb(lang)],
    body: (
      <CheckPage
        lang={lang}
        check={check}
        unitNames={unitNames}
        csrfToken={request.csrfToken}
        permissions={permissions}
        notice={view.notice}
        problems={view.problems}
        followUpForm={view.followUpForm ?? null}
        revisions={await listRevisions(deps.db, check.id)}
      />
    ),
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';
import { sendControlPage } from '../shared/control-pages.ts';
import { plansText as text } from './plan-messages.ts';
import { planPaths } from './plan-paths.ts';
import { getPlan, type PlanView } from './plan-reads.ts';
import { type MutationOptions, planNotFound } from './plan-writes.ts';

/** What the plan editors' pages share: who may use them, the page frame, the plan, the way back. */

/** Who may copy, edit and publish plans: the secretariat (秘書室, which runs 管制查考) and administrators. */
export const planEditorRoles = ['admin', 'secretariat'] as const;
export const editorsOnly = requireStaff({ roles: planEditorRoles });

/** The signed-in editor, now, the language and the request's origin, as the plan's use cases take them. */
export function editing(request: FastifyRequest, deps: AppDeps): MutationOptions {
  const actor = staffActorContext(request, deps);
  return { actor: actor.auditActor, now: actor.now, lang: actor.lang, origin: actor.origin };
}

/** The plan of a year as editors see it (a draft too), or 404. */
export async function loadPlan(deps: AppDeps, year: string, lang: Lang): Promise<PlanView> {
  const plan = await getPlan(deps.db, Number(year));
  if (!plan) throw planNotFound(lang);
  return plan;
}

/**
 * A plan page in the staff frame: staff home › plans (› the plan's year, on a form of the plan). The list
 * has only the staff home; an overview, the plans too.
 */
export function sendPlanPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    title: string;
    body: ComponentChildren;
    problems?: FormProblems;
    status?: number;
    /** A form of this plan (null: the plan's overview; absent: the list). */
    plan?: PlanView | null;
  },
): FastifyReply {
  const lang = request.lang;
  const crumbs: Breadcrumb[] = [];
  if (options.plan !== undefined) {
    crumbs.push({ text: text(lang, 'staffListTitle'), href: planPaths.staffList });
    if (options.plan !== null)
      crumbs.push({
        text: text(lang, 'planYear', { year: options.plan.year, rocYear: options.plan.rocYear }),
        href: planPaths.staffPlan(options.plan.year),
      });
  }
  return sendControlPage(request, reply, {
    title: options.title,
    body: options.body,
    crumbs,
    ...(options.problems === undefined ? {} : { problems: options.problems }),
    ...(options.status === undefined ? {} : { status: options.status }),
  });
}

/** The plan's overview, with what just happened (`?saved=2`) and the entry to scroll to. */
export function overviewUrl(lang: Lang, year: number, query: string, anchor = ''): string {
  return `${localePath(lang, planPaths.staffPlan(year))}${query === '' ? '' : `?${query}`}${anchor === '' ? '' : `#${anchor}`}`;
}

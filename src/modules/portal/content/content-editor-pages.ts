import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import { sendStaffPage, staffHomeCrumb } from '../../../platform/auth/staff-pages.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Clock } from '../../../platform/http/clock.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { type FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../shared/portal-paths.ts';
import { contentEditorText as text } from './content-editor-messages.ts';
import type { EditorContext } from './content-records.ts';
import type { UnitName } from './views/staff-parts.tsx';

/** What the editors' route files share: who may use them, the item number in the address, the page frame. */

export const editorRoles = ['web_editor', 'admin'] as const;
export const editorsOnly = requireStaff({ roles: editorRoles });

export const ItemParams = Type.Object({
  number: Type.String({ pattern: '^[1-9][0-9]{0,8}$', maxLength: 9 }),
});

/** The use cases' context: the signed-in editor, now, the language and where the request came from. */
export function editorContext(request: FastifyRequest, deps: { clock: Clock }): EditorContext {
  const actor = staffActorContext(request, deps);
  return {
    staffId: actor.staff.id,
    actor: actor.auditActor,
    origin: actor.origin,
    now: actor.now,
    lang: actor.lang,
  };
}

/** A page below the list: the staff home, then the list, in the breadcrumbs. */
export function sendEditorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    title: string;
    body: ComponentChildren;
    status?: number;
    problems?: FormProblems;
    isList?: boolean;
  },
): FastifyReply {
  const lang = request.lang;
  return sendStaffPage(request, reply, {
    title: options.title,
    body: options.body,
    status: options.status ?? 200,
    hasError: options.problems?.hasAny ?? false,
    breadcrumbs: [
      staffHomeCrumb(lang),
      ...(options.isList ? [] : [{ text: text(lang, 'listTitle'), href: contentStaffPaths.list }]),
    ],
  });
}

export async function unitsForEditors(db: Database): Promise<UnitName[]> {
  return (await listUnits(db, { activeOnly: true })).map((unit) => ({
    code: unit.code,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
  }));
}

/**
 * The problems of a form page: the forms kit's (their messages name the field) as they are, the rules'
 * after their field's label (「涵蓋期間起：請填寫日期」), in the order of the page.
 */
export function pageProblemsOf(
  problems: readonly FieldProblem[],
  formProblems: readonly FieldProblem[],
  options: {
    lang: Lang;
    labelOf: (field: string) => string | null;
    order: readonly string[];
    targetOf?: (field: string) => string;
  },
): FormProblems {
  const fromForm = new Set(formProblems);
  const own = problems.filter((problem) => !fromForm.has(problem));
  const common = {
    lang: options.lang,
    order: options.order,
    ...(options.targetOf ? { targetOf: options.targetOf } : {}),
  };
  return problemsOnPage(formProblems, common).concat(
    problemsOnPage(own, { ...common, labels: options.labelOf }),
  );
}

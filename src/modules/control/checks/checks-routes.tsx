import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { formVersion, PagedQuery, sendControlPage } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { sharedText } from '../shared/shared-messages.ts';
import { unitNamesOf } from '../shared/unit-names.ts';
import {
  actionOnlyForm,
  checkForm,
  checkFormOf,
  emptyCheckForm,
  reviseFormOf,
  reviseFormOfCheck,
  revisionForm,
} from './check-forms.ts';
import {
  anyStaff,
  checking,
  checkNotices,
  checkUrl,
  headsOnly,
  listCrumb,
  loadCheck,
  secretariatOnly,
  sendCheck,
  unitCrumb,
  unitsOnly,
  writers,
} from './check-pages.tsx';
import { listChecks, listChecksForUnit } from './check-reads.ts';
import {
  type CheckForm,
  type CheckKind,
  type CheckOrigin,
  type CheckView,
  checkForbidden,
  checkKinds,
  mayRecordSpotChecks,
  mayRevise,
  type ReviseForm,
  reasonRequired,
} from './check-rules.ts';
import { checksText as text } from './checks-messages.ts';
import { checksPageSize, checksPaths } from './checks-paths.ts';
import { confirmCheck, createCheck, reviseCheck } from './checks-service.ts';
import { CheckFormPage } from './views/check-form-page.tsx';
import { checkTitle } from './views/check-parts.tsx';
import { ChecksListPage, type ListFilterForm, UnitChecksPage } from './views/checks-list-pages.tsx';

export const CheckParams = Type.Object({ id: UuidParam });
const ListQuery = Type.Object({
  year: Type.Optional(Type.String({ maxLength: 10 })),
  unit: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  actions: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
const CheckQuery = Type.Object({
  done: Type.Optional(
    Type.Union([
      Type.Literal('saved'),
      Type.Literal('revised'),
      Type.Literal('evidenceRemoved'),
      Type.Literal('followUp'),
      Type.Literal('closed'),
      Type.Literal('confirmed'),
    ]),
  ),
});

/** The list's address with its filter (for the links to its other pages). */
function listPath(filter: ListFilterForm): string {
  const query = new URLSearchParams();
  if (filter.year !== '') query.set('year', filter.year);
  if (filter.unitCode !== '') query.set('unit', filter.unitCode);
  if (filter.kind !== '') query.set('kind', filter.kind);
  if (filter.actions !== '') query.set('actions', filter.actions);
  const typed = query.toString();
  return typed === '' ? checksPaths.list : `${checksPaths.list}?${typed}`;
}

/**
 * 陸、管制查考 for staff: the secretariat's spot checks and tests, the units' self-assessments and their
 * corrections. Every staff member may read; only the roles and units named in check-rules.ts may change
 * anything (403 otherwise). The follow-up of their actions: follow-up-routes.tsx.
 */
export async function checksRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  keepStaffPagesOutOfCaches(app);
  const today = () => taipeiIsoDate(clock.now());

  // The secretariat's list (every staff member may read it), a page at a time.
  controlPage(
    app,
    checksPaths.list,
    { preHandler: anyStaff, querystring: ListQuery },
    async (request, reply, lang) => {
      const unitNames = await unitNamesOf(db);
      const query = request.query;
      const year = query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : undefined;
      const unitCode = query.unit && unitNames.has(query.unit) ? query.unit : undefined;
      const kind = checkKinds.find((candidate) => candidate === query.kind) as CheckKind | undefined;
      const actions = query.actions === 'open' || query.actions === 'overdue' ? query.actions : undefined;
      const window = pageWindow(pageNumberOf(query.page), checksPageSize);
      const { rows, hasNextPage } = pageOfRows(
        await listChecks(db, { year, unitCode, kind, actions }, today(), window),
        window,
      );
      const filter: ListFilterForm = {
        year: year === undefined ? '' : String(year),
        unitCode: unitCode ?? '',
        kind: kind ?? '',
        actions: actions ?? '',
      };
      const thisYear = Number(today().slice(0, 4));
      const years = Array.from({ length: thisYear - 2012 + 1 }, (_, index) => thisYear - index);
      return sendControlPage(request, reply, {
        title: text(lang, 'listTitle'),
        body: (
          <ChecksListPage
            lang={lang}
            list={{
              checks: rows,
              page: window.page,
              hasNextPage,
              path: listPath(filter),
            }}
            unitNames={unitNames}
            filter={filter}
            years={years}
            mayRecord={mayRecordSpotChecks(signedInStaff(request))}
          />
        ),
      });
    },
  );

  // A unit's own page: its checks, self-assessments and the actions it is responsible for.
  controlPage(
    app,
    checksPaths.unit,
    { preHandler: unitsOnly, querystring: PagedQuery },
    async (request, reply, lang) => {
      const staff = signedInStaff(request);
      if (staff.unitCode === null) throw checkForbidden(lang, 'noUnit');
      const window = pageWindow(pageNumberOf(request.query.page), checksPageSize);
      const { rows, hasNextPage } = pageOfRows(
        await listChecksForUnit(db, staff.unitCode, today(), window),
        window,
      );
      return sendControlPage(request, reply, {
        title: text(lang, 'unitListLink'),
        body: (
          <UnitChecksPage
            lang={lang}
            unitCode={staff.unitCode}
            list={{
              checks: rows,
              page: window.page,
              hasNextPage,
              path: checksPaths.unit,
            }}
            unitNames={await unitNamesOf(db)}
          />
        ),
      });
    },
  );

  // The form of a check: a new one (secretariat), a unit's new self-assessment, or a correction.
  const sendForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: {
      title: string;
      action: string;
      form: CheckForm;
      problems: FormProblems;
      status?: number;
      unitFixed: string | null;
      submitLabel: string;
      crumbs: { text: string; href: string }[];
      revision?: { check: CheckView; version: number; reason: string };
    },
  ) => {
    const lang = request.lang;
    const { revision } = view;
    return sendControlPage(request, reply, {
      title: view.title,
      problems: view.problems,
      status: view.status ?? 200,
      crumbs: view.crumbs,
      body: (
        <CheckFormPage
          lang={lang}
          title={view.title}
          action={view.action}
          csrfToken={request.csrfToken}
          form={view.form}
          problems={view.problems}
          unitNames={await unitNamesOf(db)}
          unitFixed={view.unitFixed}
          submitLabel={view.submitLabel}
          {...(revision
            ? {
                revision: {
                  version: revision.version,
                  reason: revision.reason,
                  reasonRequired: reasonRequired(revision.check),
                  existingActions: revision.check.actions,
                },
              }
            : {})}
        />
      ),
    });
  };

  const registerNew = (path: string, origin: CheckOrigin, guard: typeof anyStaff) => {
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      form: CheckForm,
      problems: FormProblems,
      status = 200,
    ) => {
      const lang = request.lang;
      const staff = signedInStaff(request);
      const isSpotCheck = origin === 'spot_check';
      const title = text(lang, isSpotCheck ? 'newCheckTitle' : 'newSelfTitle');
      return sendForm(request, reply, {
        title,
        action: isSpotCheck ? checksPaths.newCheck : checksPaths.newSelfAssessment,
        form,
        problems,
        status,
        unitFixed: isSpotCheck ? null : staff.unitCode,
        submitLabel: text(lang, !isSpotCheck && staff.role === 'unit_editor' ? 'saveDraft' : 'save'),
        crumbs: [isSpotCheck ? listCrumb(lang) : unitCrumb(lang)],
      });
    };
    controlPage(app, path, { preHandler: guard }, async (request, reply) =>
      show(request, reply, emptyCheckForm(), FormProblems.none),
    );
    controlForm(app, path, { preHandler: guard }, async (request, reply, lang) =>
      submitControlForm({
        form: checkForm,
        body: request.body,
        lang,
        run: async (values) =>
          createCheck(db, {
            ...checking(request, deps),
            checkOrigin: origin,
            form: checkFormOf(values),
            unitCodes: new Set((await unitNamesOf(db)).keys()),
          }),
        done: (created) => reply.redirect(checkUrl(lang, created.id, 'saved'), 303),
        showAgain: (values, shown) => show(request, reply, checkFormOf(values), shown.problems, shown.status),
      }),
    );
  };
  registerNew(checksPaths.newCheck, 'spot_check', secretariatOnly);
  registerNew(checksPaths.newSelfAssessment, 'self_assessment', unitsOnly);

  // A check's page.
  controlPage(
    app,
    '/staff/checks/:id',
    { preHandler: anyStaff, params: CheckParams, querystring: CheckQuery },
    async (request, reply, lang) => {
      const check = await loadCheck(deps, request.params.id, lang);
      const done = request.query.done;
      const notice =
        done === undefined
          ? null
          : done === 'evidenceRemoved'
            ? sharedText(lang, 'evidenceRemoved')
            : text(lang, checkNotices[done]);
      return sendCheck(request, reply, deps, check, { notice, problems: FormProblems.none });
    },
  );

  // Correcting a check (mayRevise: the secretariat a spot check, the unit its self-assessment).
  const showRevision = async (
    request: FastifyRequest,
    reply: FastifyReply,
    check: CheckView,
    view: { form: ReviseForm; version: number; problems: FormProblems; status?: number },
  ) => {
    const lang = request.lang;
    const title = text(lang, check.origin === 'spot_check' ? 'editTitle' : 'editSelfTitle');
    return sendForm(request, reply, {
      title,
      action: checksPaths.edit(check.id),
      form: view.form,
      problems: view.problems,
      ...(view.status === undefined ? {} : { status: view.status }),
      unitFixed: check.origin === 'spot_check' ? null : check.unitCode,
      submitLabel: text(lang, 'saveRevision'),
      crumbs: [
        check.origin === 'spot_check' ? listCrumb(lang) : unitCrumb(lang),
        { text: checkTitle(lang, check, await unitNamesOf(db)), href: checksPaths.check(check.id) },
      ],
      revision: { check, version: view.version, reason: view.form.reason },
    });
  };
  controlPage(
    app,
    '/staff/checks/:id/edit',
    { preHandler: writers, params: CheckParams },
    async (request, reply, lang) => {
      const check = await loadCheck(deps, request.params.id, lang);
      if (!mayRevise(signedInStaff(request), check)) throw checkForbidden(lang);
      return showRevision(request, reply, check, {
        form: reviseFormOfCheck(check),
        version: check.version,
        problems: FormProblems.none,
      });
    },
  );
  controlForm(
    app,
    '/staff/checks/:id/edit',
    { preHandler: writers, params: CheckParams },
    async (request, reply, lang) =>
      submitControlForm({
        form: revisionForm,
        body: request.body,
        lang,
        run: async (values) =>
          reviseCheck(db, {
            ...checking(request, deps),
            checkId: request.params.id,
            version: formVersion(values.version) ?? -1,
            form: reviseFormOf(values),
            unitCodes: new Set((await unitNamesOf(db)).keys()),
          }),
        done: () => reply.redirect(checkUrl(lang, request.params.id, 'revised'), 303),
        showAgain: async (values, shown) => {
          const check = await loadCheck(deps, request.params.id, lang);
          // A stale form is shown again with the version it was made from: reopening is the way on.
          const version = shown.status === 409 ? (formVersion(values.version) ?? -1) : check.version;
          return showRevision(request, reply, check, { form: reviseFormOf(values), version, ...shown });
        },
      }),
  );

  controlForm(
    app,
    '/staff/checks/:id/confirm',
    { preHandler: headsOnly, params: CheckParams },
    async (request, reply, lang) =>
      submitControlForm({
        form: actionOnlyForm,
        body: request.body,
        lang,
        run: () => confirmCheck(db, { ...checking(request, deps), checkId: request.params.id }),
        done: () => reply.redirect(checkUrl(lang, request.params.id, 'confirmed'), 303),
        showAgain: async (_values, shown) =>
          sendCheck(request, reply, deps, await loadCheck(deps, request.params.id, lang), {
            notice: null,
            ...shown,
          }),
      }),
  );
}

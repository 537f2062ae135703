import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { attachmentResponseHeaders } from '../../../platform/uploads/download-headers.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import type { AcceptedMediaType } from '../../../platform/uploads/sniff.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';
import { bodyValue, type FormBody } from '../plans/plan-forms.ts';
import { controlText } from '../plans/plan-messages.ts';
import { unitNamesOf } from '../plans/public-plan-routes.tsx';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { EvidenceRemovalPage, type ShownProblem } from '../shared/evidence-removal.tsx';
import { type ChecksTextKey, checksText as text } from './checks-messages.ts';
import { actionAnchor, checksPaths } from './checks-paths.ts';
import {
  actionRows,
  addFollowUp,
  type CheckForm,
  type CheckKind,
  type CheckOrigin,
  type ChecksMutation,
  type CheckView,
  checkKinds,
  closeAction,
  confirmCheck,
  createCheck,
  type FollowUpForm,
  findEvidence,
  getCheck,
  listChecks,
  listChecksForUnit,
  listRevisions,
  mayClose,
  mayConfirm,
  mayFollowUp,
  mayRecordSpotChecks,
  mayRemoveEvidence,
  mayRevise,
  type ReviseForm,
  readEvidence,
  reasonRequired,
  removeEvidence,
  reviseCheck,
} from './checks-service.ts';
import {
  CheckFormPage,
  CheckPage,
  type CheckPermissions,
  ChecksListPage,
  checkTitle,
  emptyCheckForm,
  type ListFilterForm,
  UnitChecksPage,
} from './views/checks-pages.tsx';

const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const FormBodySchema = Type.Record(Type.String(), Type.Unknown());
const CheckParams = Type.Object({ id: Type.String({ pattern: uuidPattern }) });
const ActionParams = Type.Object({
  id: Type.String({ pattern: uuidPattern }),
  actionId: Type.String({ pattern: uuidPattern }),
});
const EvidenceParams = Type.Object({
  id: Type.String({ pattern: uuidPattern }),
  evidenceId: Type.String({ pattern: uuidPattern }),
});
const ListQuery = Type.Object({
  year: Type.Optional(Type.String({ maxLength: 10 })),
  unit: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  actions: Type.Optional(Type.String({ maxLength: 20 })),
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

/** Who records spot checks and closes actions: the secretariat (秘書室, which runs 管制查考) and admins. */
const secretariatRoles = ['admin', 'secretariat'] as const;
const unitRoles = ['unit_editor', 'unit_head'] as const;

const checkLabels: Record<string, ChecksTextKey> = {
  checkDate: 'checkDateLabel',
  unitCode: 'unitLabel',
  kind: 'kindLabel',
  subject: 'subjectLabel',
  score: 'scoreLabel',
  findings: 'findingsLabel',
};

function checkFormOf(body: FormBody): CheckForm {
  return {
    checkDate: bodyValue(body, 'checkDate'),
    unitCode: bodyValue(body, 'unitCode'),
    kind: bodyValue(body, 'kind'),
    subject: bodyValue(body, 'subject'),
    score: bodyValue(body, 'score'),
    findings: bodyValue(body, 'findings'),
    actions: Array.from({ length: actionRows }, (_, index) => ({
      description: bodyValue(body, `action${index + 1}Description`),
      deadline: bodyValue(body, `action${index + 1}Deadline`),
      unitCode: bodyValue(body, `action${index + 1}Unit`),
    })),
  };
}

/** Problems as the page shows them: each linked to its input, the summary line prefixed with its label. */
function shown(problems: readonly FieldProblem[], lang: Lang, rename: (field: string) => string = (f) => f) {
  const separator = lang === 'en' ? ': ' : '：';
  return problems.map((problem): ShownProblem => {
    const action = /^action(\d+)(Description|Deadline|Unit)$/.exec(problem.field);
    const label = action
      ? text(
          lang,
          action[2] === 'Description'
            ? 'actionDescriptionLabel'
            : action[2] === 'Deadline'
              ? 'actionDeadlineLabel'
              : 'actionUnitLabel',
          { n: Number(action[1]) },
        )
      : checkLabels[problem.field]
        ? text(lang, checkLabels[problem.field] as ChecksTextKey)
        : problem.field === 'reason'
          ? text(lang, 'reasonLabel')
          : problem.field === 'entryDate'
            ? text(lang, 'followUpDateLabel')
            : problem.field === 'note'
              ? text(lang, 'followUpNoteLabel')
              : problem.field === 'evidence'
                ? text(lang, 'evidenceLabel')
                : null;
    const input = problem.field === '' ? 'main-content' : rename(problem.field);
    return {
      input,
      summary: label === null ? problem.message : `${label}${separator}${problem.message}`,
      message: problem.message,
    };
  });
}

/** A service call whose VALIDATION_FAILED / CONFLICT becomes the problems to show; anything else is thrown. */
async function attempt(
  work: () => Promise<unknown>,
): Promise<{ ok: true } | { ok: false; status: number; error: DomainError }> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT'))
      return { ok: false, status: error.statusCode, error };
    throw error;
  }
}

/**
 * 陸、管制查考 for staff: the secretariat's spot checks and tests, the units' self-assessments, their
 * corrective actions and follow-up. Every staff member may read; only the roles and units named in
 * checks-service.ts may change anything (403 otherwise).
 */
export async function checksRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const anyStaff = requireStaff();
  const secretariatOnly = requireStaff({ roles: secretariatRoles });
  const unitsOnly = requireStaff({ roles: unitRoles });
  const writers = requireStaff({ roles: [...secretariatRoles, ...unitRoles] });

  keepStaffPagesOutOfCaches(app);

  const today = () => taipeiIsoDate(clock.now());
  const mutation = (request: FastifyRequest): ChecksMutation => ({
    staff: signedInStaff(request),
    now: clock.now(),
    today: today(),
    lang: request.lang,
    origin: { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null },
  });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      title: string;
      body: ComponentChildren;
      status?: number;
      hasError?: boolean;
      crumbs?: Breadcrumb[];
    },
  ) =>
    sendStaffPage(request, reply, {
      title: options.title,
      body: options.body,
      breadcrumbs: [staffHomeCrumb(request.lang), ...(options.crumbs ?? [])],
      status: options.status ?? 200,
      hasError: options.hasError ?? false,
    });

  const listCrumb = (lang: Lang): Breadcrumb => ({ text: text(lang, 'listTitle'), href: checksPaths.list });
  const unitCrumb = (lang: Lang): Breadcrumb => ({
    text: text(lang, 'unitListLink'),
    href: checksPaths.unit,
  });

  const loadCheck = async (id: string, lang: Lang): Promise<CheckView> => {
    const check = await getCheck(db, id, today());
    if (!check) throw new DomainError('NOT_FOUND', text(lang, 'notFound'));
    return check;
  };

  // The secretariat's list (every staff member may read it).
  forEachLanguage(checksPaths.list, (url, lang) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const unitNames = await unitNamesOf(deps);
        const query = request.query;
        const year = query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : undefined;
        const unitCode = query.unit && unitNames.has(query.unit) ? query.unit : undefined;
        const kind = checkKinds.find((candidate) => candidate === query.kind) as CheckKind | undefined;
        const actions = query.actions === 'open' || query.actions === 'overdue' ? query.actions : undefined;
        const checks = await listChecks(db, { year, unitCode, kind, actions }, today());
        const filter: ListFilterForm = {
          year: year === undefined ? '' : String(year),
          unitCode: unitCode ?? '',
          kind: kind ?? '',
          actions: actions ?? '',
        };
        const thisYear = Number(today().slice(0, 4));
        const years = Array.from({ length: thisYear - 2012 + 1 }, (_, index) => thisYear - index);
        return send(request, reply, {
          title: text(lang, 'listTitle'),
          body: (
            <ChecksListPage
              lang={lang}
              checks={checks}
              unitNames={unitNames}
              filter={filter}
              years={years}
              mayRecord={mayRecordSpotChecks(signedInStaff(request))}
            />
          ),
        });
      },
    );
  });

  // The new-check form (secretariat) and a unit's new self-assessment (its editor or head).
  const sendForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    origin: CheckOrigin,
    form: CheckForm,
    problems: ShownProblem[],
    status = 200,
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const title = text(lang, origin === 'spot_check' ? 'newCheckTitle' : 'newSelfTitle');
    return send(request, reply, {
      title,
      status,
      hasError: problems.length > 0,
      crumbs: [origin === 'spot_check' ? listCrumb(lang) : unitCrumb(lang)],
      body: (
        <CheckFormPage
          lang={lang}
          title={title}
          action={origin === 'spot_check' ? checksPaths.newCheck : checksPaths.newSelfAssessment}
          csrfToken={request.csrfToken}
          form={form}
          problems={problems}
          unitNames={await unitNamesOf(deps)}
          unitFixed={origin === 'spot_check' ? null : staff.unitCode}
          submitLabel={text(
            lang,
            origin === 'self_assessment' && staff.role === 'unit_editor' ? 'saveDraft' : 'save',
          )}
        />
      ),
    });
  };

  const registerNew = (path: string, origin: CheckOrigin, guard: typeof anyStaff) => {
    forEachLanguage(path, (url, lang) => {
      app.get(url, { preHandler: guard, schema: { hide: true } }, async (request, reply) =>
        sendForm(request, reply, origin, emptyCheckForm(), []),
      );
      app.post(
        url,
        { preHandler: guard, schema: { hide: true, body: FormBodySchema } },
        async (request, reply) => {
          const form = checkFormOf(request.body as FormBody);
          let id = '';
          const unitNames = await unitNamesOf(deps);
          const outcome = await attempt(async () => {
            id = (
              await createCheck(db, {
                ...mutation(request),
                checkOrigin: origin,
                form,
                unitCodes: new Set(unitNames.keys()),
              })
            ).id;
          });
          if (!outcome.ok)
            return sendForm(
              request,
              reply,
              origin,
              form,
              shown(outcome.error.problems, lang),
              outcome.status,
            );
          return reply.redirect(`${localePath(lang, checksPaths.check(id))}?done=saved`, 303);
        },
      );
    });
  };
  registerNew(checksPaths.newCheck, 'spot_check', secretariatOnly);
  registerNew(checksPaths.newSelfAssessment, 'self_assessment', unitsOnly);

  // A check's page.
  const sendCheck = async (
    request: FastifyRequest,
    reply: FastifyReply,
    check: CheckView,
    view: {
      notice: string | null;
      problems?: ShownProblem[];
      followUpForm?: { actionId: string; form: FollowUpForm } | null;
      status?: number;
    },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const unitNames = await unitNamesOf(deps);
    const permissions: CheckPermissions = {
      confirm: mayConfirm(staff, check),
      revise: mayRevise(staff, check),
      followUp: new Set(check.actions.filter((action) => mayFollowUp(staff, check, action)).map((a) => a.id)),
      close: new Set(check.actions.filter((action) => mayClose(staff, check, action)).map((a) => a.id)),
      removeEvidence: new Set(
        check.actions.filter((action) => mayRemoveEvidence(staff, action)).map((a) => a.id),
      ),
    };
    const problems = view.problems ?? [];
    return send(request, reply, {
      title: checkTitle(lang, check, unitNames),
      status: view.status ?? 200,
      hasError: problems.length > 0,
      crumbs: [
        staff.role === 'unit_editor' || staff.role === 'unit_head' ? unitCrumb(lang) : listCrumb(lang),
      ],
      body: (
        <CheckPage
          lang={lang}
          check={check}
          unitNames={unitNames}
          csrfToken={request.csrfToken}
          permissions={permissions}
          notice={view.notice}
          problems={problems}
          followUpForm={view.followUpForm ?? null}
          revisions={await listRevisions(db, check.id)}
        />
      ),
    });
  };

  const notices = {
    saved: 'saved',
    revised: 'revisedNotice',
    followUp: 'followUpSaved',
    closed: 'actionClosedNotice',
    confirmed: 'confirmed',
  } as const satisfies Record<string, ChecksTextKey>;

  forEachLanguage('/staff/checks/:id', (url, lang) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: CheckParams, querystring: CheckQuery } },
      async (request, reply) => {
        const check = await loadCheck(request.params.id, lang);
        const done = request.query.done;
        const notice =
          done === undefined
            ? null
            : done === 'evidenceRemoved'
              ? controlText(lang, 'evidenceRemoved')
              : text(lang, notices[done]);
        return sendCheck(request, reply, check, { notice });
      },
    );
  });

  const back = (lang: Lang, checkId: string, done: keyof typeof notices | 'evidenceRemoved', anchor = '') =>
    `${localePath(lang, checksPaths.check(checkId))}?done=${done}${anchor === '' ? '' : `#${anchor}`}`;

  // Correcting a check (mayRevise: the secretariat a spot check, the unit its self-assessment).
  const sendRevision = async (
    request: FastifyRequest,
    reply: FastifyReply,
    check: CheckView,
    form: ReviseForm,
    version: number,
    problems: ShownProblem[],
    status = 200,
  ) => {
    const lang = request.lang;
    const title = text(lang, check.origin === 'spot_check' ? 'editTitle' : 'editSelfTitle');
    const unitNames = await unitNamesOf(deps);
    return send(request, reply, {
      title,
      status,
      hasError: problems.length > 0,
      crumbs: [
        check.origin === 'spot_check' ? listCrumb(lang) : unitCrumb(lang),
        { text: checkTitle(lang, check, unitNames), href: checksPaths.check(check.id) },
      ],
      body: (
        <CheckFormPage
          lang={lang}
          title={title}
          action={checksPaths.edit(check.id)}
          csrfToken={request.csrfToken}
          form={form}
          problems={problems}
          unitNames={unitNames}
          unitFixed={check.origin === 'spot_check' ? null : check.unitCode}
          submitLabel={text(lang, 'saveRevision')}
          revision={{
            version,
            reason: form.reason,
            reasonRequired: reasonRequired(check),
            existingActions: check.actions,
          }}
        />
      ),
    });
  };

  forEachLanguage('/staff/checks/:id/edit', (url, lang) => {
    app.get(
      url,
      { preHandler: writers, schema: { hide: true, params: CheckParams } },
      async (request, reply) => {
        const check = await loadCheck(request.params.id, lang);
        if (!mayRevise(signedInStaff(request), check))
          throw new DomainError('FORBIDDEN', text(lang, 'forbidden'));
        const form: ReviseForm = {
          ...emptyCheckForm(check.unitCode),
          checkDate: check.checkDate,
          kind: check.kind,
          subject: check.subject,
          score: check.score === null ? '' : String(check.score),
          findings: check.findings,
          reason: '',
        };
        return sendRevision(request, reply, check, form, check.version, []);
      },
    );
    app.post(
      url,
      { preHandler: writers, schema: { hide: true, params: CheckParams, body: FormBodySchema } },
      async (request, reply) => {
        const body = request.body as FormBody;
        const form: ReviseForm = { ...checkFormOf(body), reason: bodyValue(body, 'reason') };
        const versionText = bodyValue(body, 'version');
        const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;
        const unitNames = await unitNamesOf(deps);
        const outcome = await attempt(() =>
          reviseCheck(db, {
            ...mutation(request),
            checkId: request.params.id,
            version,
            form,
            unitCodes: new Set(unitNames.keys()),
          }),
        );
        if (!outcome.ok) {
          const check = await loadCheck(request.params.id, lang);
          const stale = outcome.error.problems.some((problem) => problem.code === 'stale_version');
          return sendRevision(
            request,
            reply,
            check,
            form,
            // A stale form is shown again with the version it was made from: reopening is the way on.
            stale ? version : check.version,
            shown(outcome.error.problems, lang),
            outcome.status,
          );
        }
        return reply.redirect(back(lang, request.params.id, 'revised'), 303);
      },
    );
  });

  forEachLanguage('/staff/checks/:id/confirm', (url, lang) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: ['unit_head'] }),
        schema: { hide: true, params: CheckParams, body: FormBodySchema },
      },
      async (request, reply) => {
        const outcome = await attempt(() =>
          confirmCheck(db, { ...mutation(request), checkId: request.params.id }),
        );
        if (!outcome.ok)
          return sendCheck(request, reply, await loadCheck(request.params.id, lang), {
            notice: null,
            problems: shown(outcome.error.problems, lang),
            status: outcome.status,
          });
        return reply.redirect(back(lang, request.params.id, 'confirmed'), 303);
      },
    );
  });

  forEachLanguage('/staff/checks/:id/actions/:actionId/follow-ups', (url, lang) => {
    app.post(
      url,
      // A multipart body (the page's form, with evidence files) or a plain form (no files).
      { preHandler: writers, schema: { hide: true, params: ActionParams } },
      async (request, reply) => {
        const { id, actionId } = request.params;
        const upload = request.isMultipart()
          ? await readMultipartForm(request, lang)
          : { fields: (request.body ?? {}) as FormBody, files: [], problems: [] };
        const body = upload.fields as FormBody;
        const form: FollowUpForm = { entryDate: bodyValue(body, 'entryDate'), note: bodyValue(body, 'note') };
        const outcome = await attempt(() =>
          addFollowUp(db, {
            ...mutation(request),
            checkId: id,
            actionId,
            form,
            files: upload.files,
            knownProblems: upload.problems.map((problem) => ({
              ...problem,
              field: problem.field === '' ? '' : 'evidence',
            })),
          }),
        );
        if (!outcome.ok)
          return sendCheck(request, reply, await loadCheck(id, lang), {
            notice: null,
            problems: shown(outcome.error.problems, lang, (field) => `${field}-${actionId}`),
            followUpForm: { actionId, form },
            status: outcome.status,
          });
        return reply.redirect(back(lang, id, 'followUp', actionAnchor(actionId)), 303);
      },
    );
  });

  forEachLanguage('/staff/checks/:id/actions/:actionId/close', (url, lang) => {
    app.post(
      url,
      { preHandler: secretariatOnly, schema: { hide: true, params: ActionParams, body: FormBodySchema } },
      async (request, reply) => {
        const { id, actionId } = request.params;
        const outcome = await attempt(() => closeAction(db, { ...mutation(request), checkId: id, actionId }));
        if (!outcome.ok)
          return sendCheck(request, reply, await loadCheck(id, lang), {
            notice: null,
            problems: shown(outcome.error.problems, lang),
            status: outcome.status,
          });
        return reply.redirect(back(lang, id, 'closed', actionAnchor(actionId)), 303);
      },
    );
  });

  // Evidence files: every staff member who may read the check may open them.
  forEachLanguage('/staff/checks/:id/evidence/:evidenceId', (url, lang) => {
    app.get(
      url,
      { preHandler: anyStaff, schema: { hide: true, params: EvidenceParams } },
      async (request, reply) => {
        const file = await readEvidence(db, request.params.id, request.params.evidenceId);
        if (!file) throw new DomainError('NOT_FOUND', text(lang, 'notFound'));
        // Stored only after readMultipartForm sniffed it, so the type is one of the accepted ones.
        const headers = attachmentResponseHeaders({
          ...file,
          mediaType: file.mediaType as AcceptedMediaType,
        });
        return reply.headers(headers).send(file.content);
      },
    );
  });

  // Removing a follow-up's evidence: a question page, then the removal.
  forEachLanguage('/staff/checks/:id/evidence/:evidenceId/remove', (url, lang) => {
    const question = async (
      request: FastifyRequest<{ Params: { id: string; evidenceId: string } }>,
      reply: FastifyReply,
    ) => {
      const check = await loadCheck(request.params.id, lang);
      const found = findEvidence(check, request.params.evidenceId);
      if (!found) throw new DomainError('NOT_FOUND', text(lang, 'notFound'));
      if (!mayRemoveEvidence(signedInStaff(request), found.action))
        throw new DomainError('FORBIDDEN', text(lang, 'forbidden'));
      const unitNames = await unitNamesOf(deps);
      const back = `${localePath(lang, checksPaths.check(check.id))}#${actionAnchor(found.action.id)}`;
      return send(request, reply, {
        title: controlText(lang, 'evidenceRemoveTitle'),
        crumbs: [
          listCrumb(lang),
          { text: checkTitle(lang, check, unitNames), href: checksPaths.check(check.id) },
        ],
        body: (
          <EvidenceRemovalPage
            lang={lang}
            name={found.file.fileName}
            cancel={text(lang, 'evidenceRemoveCancel')}
            action={localePath(lang, checksPaths.removeEvidence(check.id, found.file.id))}
            back={back}
            csrfToken={request.csrfToken}
            problems={[]}
          />
        ),
      });
    };
    app.get(url, { preHandler: writers, schema: { hide: true, params: EvidenceParams } }, question);
    app.post(
      url,
      { preHandler: writers, schema: { hide: true, params: EvidenceParams, body: FormBodySchema } },
      async (request, reply) => {
        await removeEvidence(db, {
          ...mutation(request),
          checkId: request.params.id,
          evidenceId: request.params.evidenceId,
        });
        return reply.redirect(back(lang, request.params.id, 'evidenceRemoved'), 303);
      },
    );
  });

  // A unit's own page.
  forEachLanguage(checksPaths.unit, (url, lang) => {
    app.get(url, { preHandler: unitsOnly, schema: { hide: true } }, async (request, reply) => {
      const staff = signedInStaff(request);
      if (staff.unitCode === null) throw new DomainError('FORBIDDEN', text(lang, 'noUnit'));
      const unitNames = await unitNamesOf(deps);
      const checks = await listChecksForUnit(db, staff.unitCode, today());
      return send(request, reply, {
        title: text(lang, 'unitListLink'),
        body: <UnitChecksPage lang={lang} unitCode={staff.unitCode} checks={checks} unitNames={unitNames} />,
      });
    });
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, type TObject, Type } from 'typebox';
import { type StaffActorContext, staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { ModuleRegistry } from '../../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { type DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { type FormDefinition, postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { buttonForm, inviteForm, roleForm, staffFilterForm } from './staff-admin-form.ts';
import { type StaffAdminTextKey, staffAdminText as text, unitNameIn } from './staff-admin-messages.ts';
import { type InvitationAction, type MemberAction, staffAdminPaths } from './staff-admin-paths.ts';
import {
  findMemberForAdmin,
  listPendingInvitations,
  listStaffForAdmin,
  noStaffFilters,
  type StaffFilters,
  staffActivity,
} from './staff-admin-queries.ts';
import {
  changeStaffRoleAndUnit,
  deactivateStaff,
  inviteStaff,
  reactivateStaff,
  releaseStaffLockout,
  resendInvitation,
  resetMemberTwoFactor,
  revokeInvitation,
} from './staff-admin-service.ts';
import { InvitePage } from './views/invite-page.tsx';
import { MemberPage } from './views/member-page.tsx';
import { StaffListPage } from './views/staff-list-page.tsx';

/** Every page here is the admins' (issue 17 §1): any other role gets 403, GET and POST alike. */
const mayAdminister = requireStaff({ roles: ['admin'] });

const queryText = (limit: number) => Type.Optional(Type.String({ maxLength: transportLength(limit) }));
const ListQuery = Type.Object({
  q: queryText(fieldLimits.searchTerms),
  role: queryText(fieldLimits.token),
  unit: queryText(fieldLimits.code),
  active: queryText(fieldLimits.token),
  locked: queryText(fieldLimits.token),
  twoFactor: queryText(fieldLimits.token),
  page: queryText(fieldLimits.token),
  done: queryText(fieldLimits.token),
});
const DoneQuery = Type.Object({ done: queryText(fieldLimits.token) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

const listNotices: Record<string, StaffAdminTextKey> = {
  invited: 'invited',
  resent: 'resent',
  revoked: 'revoked',
};
const memberNotices: Record<string, StaffAdminTextKey> = {
  role: 'roleSaved',
  deactivated: 'deactivated',
  reactivated: 'reactivated',
  'two-factor': 'twoFactorReset',
  lockout: 'lockoutReleased',
};

type Acting = StaffActorContext;

export async function staffAdminRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: ModuleRegistry,
): Promise<void> {
  const { db, clock, config } = deps;
  const mail = { jobs: deps.jobs, publicBaseUrl: config.publicBaseUrl };
  keepStaffPagesOutOfCaches(app);

  /** Unit choices (units in use) and names (every unit, a retired one too). */
  const unitsFor = async (lang: Lang) => {
    const units = await listUnits(db);
    const name = (code: string | null) => {
      if (code === null) return text(lang, 'noUnit');
      const unit = units.find((candidate) => candidate.code === code);
      return unit === undefined ? code : unitNameIn(lang, unit);
    };
    const choices = units
      .filter((unit) => unit.isActive)
      .map((unit) => ({ value: unit.code, label: unitNameIn(lang, unit) }));
    return { name, choices };
  };

  const crumbs = (lang: Lang, withList: boolean) => [
    staffHomeCrumb(lang),
    ...(withList ? [{ text: text(lang, 'listTitle'), href: staffAdminPaths.list }] : []),
  ];

  forEachLanguage(staffAdminPaths.list, (url, lang) => {
    app.get(
      url,
      { preHandler: mayAdminister, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const read = readForm(staffFilterForm, request.query, lang);
        const refused = new Set(read.problems.map((problem) => problem.field));
        const filters = Object.fromEntries(
          Object.entries({ ...noStaffFilters, ...read.values }).map(([name, value]) => [
            name,
            refused.has(name) ? '' : value,
          ]),
        ) as unknown as StaffFilters;
        const notice = listNotices[request.query.done ?? ''];
        return showList(request, reply, lang, {
          filters,
          page: pageNumberOf(request.query.page),
          problems: read.problems,
          status: read.problems.length > 0 ? 400 : 200,
          successMessage: notice === undefined ? null : text(lang, notice, { hours: 72 }),
        });
      },
    );
  });

  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    view: {
      filters: StaffFilters;
      page: number;
      problems: FieldProblem[];
      status: number;
      successMessage: string | null;
    },
  ) {
    const now = clock.now();
    const [result, invitations, units] = await Promise.all([
      listStaffForAdmin(db, { filters: view.filters, page: view.page, now }),
      listPendingInvitations(db),
      unitsFor(lang),
    ]);
    const problems = problemsOnPage(view.problems, { lang });
    return sendStaffPage(request, reply, {
      title: text(lang, 'listTitle'),
      status: view.status,
      hasError: problems.hasAny,
      breadcrumbs: crumbs(lang, false),
      body: (
        <StaffListPage
          lang={lang}
          csrfToken={request.csrfToken}
          filters={view.filters}
          problems={problems}
          result={result}
          invitations={invitations}
          unitChoices={units.choices}
          unitName={units.name}
          now={now}
          successMessage={view.successMessage}
        />
      ),
    });
  }

  forEachLanguage(staffAdminPaths.invite, (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Static<typeof inviteForm.schema>,
      problems: FormProblems,
      status = 200,
    ) => {
      const units = await unitsFor(lang);
      return sendStaffPage(request, reply, {
        title: text(lang, 'inviteTitle'),
        status,
        hasError: problems.hasAny,
        breadcrumbs: crumbs(lang, true),
        body: (
          <InvitePage
            lang={lang}
            csrfToken={request.csrfToken}
            values={values}
            problems={problems}
            unitChoices={units.choices}
          />
        ),
      });
    };
    app.get(url, { preHandler: mayAdminister, schema: { hide: true } }, async (request, reply) =>
      show(
        request,
        reply,
        { email: '', displayName: '', role: '' as never, unitCode: '' },
        FormProblems.none,
      ),
    );
    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayAdminister,
      form: inviteForm,
      run: (values, acting) =>
        inviteStaff(db, {
          invitation: {
            email: values.email,
            displayName: values.displayName,
            role: values.role,
            unitCode: values.unitCode,
          },
          acting,
          mail,
        }),
      done: (_request, reply) =>
        reply.redirect(`${localePath(lang, staffAdminPaths.list)}?done=invited`, 303),
      showAgain: (request, reply, values, outcome) =>
        show(request, reply, values, problemsOnPage(outcome.problems, { lang }), outcome.status),
    });
  });

  forEachLanguage(staffAdminPaths.memberPattern, (url, lang) => {
    app.get(
      url,
      { preHandler: mayAdminister, schema: { hide: true, params: IdParams, querystring: DoneQuery } },
      async (request, reply) => {
        const notice = memberNotices[request.query.done ?? ''];
        return showMember(request, reply, lang, {
          staffId: request.params.id,
          values: null,
          problems: [],
          conflict: null,
          status: 200,
          successMessage: notice === undefined ? null : text(lang, notice),
        });
      },
    );
  });

  async function showMember(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    view: {
      staffId: string;
      values: { role: string; unitCode: string } | null;
      problems: FieldProblem[];
      conflict: string | null;
      status: number;
      successMessage: string | null;
    },
  ) {
    const member = isUuid(view.staffId) ? await findMemberForAdmin(db, view.staffId, clock.now()) : null;
    if (member === null) throw notFound(text(lang, 'staffNotFound'));
    const [units, activity] = await Promise.all([unitsFor(lang), staffActivity(db, member)]);
    const problems = problemsOnPage(view.problems, { lang });
    return sendStaffPage(request, reply, {
      title: text(lang, 'memberTitle', { name: member.displayName }),
      status: view.status,
      hasError: problems.hasAny || view.conflict !== null,
      breadcrumbs: crumbs(lang, true),
      body: (
        <MemberPage
          lang={lang}
          csrfToken={request.csrfToken}
          member={member}
          unitName={units.name}
          unitChoices={units.choices}
          values={view.values ?? { role: member.role, unitCode: member.unitCode ?? '' }}
          problems={problems}
          conflict={view.conflict}
          successMessage={view.successMessage}
          activity={activity}
          auditActions={registry.auditActions}
        />
      ),
    });
  }

  /** A form posted to an address with an id (a member's, an invitation's): read, run, redirect or again. */
  function postWithId<Schema extends TObject, Result>(route: {
    url: string;
    lang: Lang;
    form: FormDefinition<Schema>;
    run(id: string, values: Static<Schema>, acting: Acting): Promise<Result>;
    done(id: string, result: Result): string;
    showAgain(
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Static<Schema>,
      outcome: { status: 400 | 409; problems: FieldProblem[]; conflict: DomainError | null },
    ): Promise<FastifyReply>;
  }) {
    app.post(
      route.url,
      { preHandler: mayAdminister, schema: { hide: true, params: IdParams, body: postedForm } },
      async (request, reply) => {
        const { id } = request.params;
        if (!isUuid(id)) throw notFound(text(route.lang, 'staffNotFound'));
        const acting = staffActorContext(request, deps);
        return submitForm({
          form: route.form,
          body: request.body,
          lang: route.lang,
          run: (values) => route.run(id, values, acting),
          done: (result) => reply.redirect(route.done(id, result), 303),
          showAgain: (values, outcome) => route.showAgain(request, reply, id, values, outcome),
          isConflictShown: true,
        });
      },
    );
  }

  const memberUses: Record<
    MemberAction,
    { done: string; run: (id: string, acting: Acting) => Promise<unknown> }
  > = {
    role: { done: 'role', run: async () => undefined },
    deactivate: { done: 'deactivated', run: (staffId, acting) => deactivateStaff(db, { staffId, acting }) },
    reactivate: { done: 'reactivated', run: (staffId, acting) => reactivateStaff(db, { staffId, acting }) },
    'two-factor-reset': {
      done: 'two-factor',
      run: (staffId, acting) => resetMemberTwoFactor(db, { staffId, acting }),
    },
    'lockout-release': {
      done: 'lockout',
      run: (staffId, acting) => releaseStaffLockout(db, { staffId, acting }),
    },
  };

  for (const action of Object.keys(memberUses) as MemberAction[]) {
    forEachLanguage(staffAdminPaths.memberActionPattern(action), (url, lang) => {
      const memberPage = (id: string, done: string) =>
        `${localePath(lang, staffAdminPaths.member(id))}?done=${done}`;
      const showAgain = (
        request: FastifyRequest,
        reply: FastifyReply,
        id: string,
        values: { role: string; unitCode: string } | null,
        outcome: { status: 400 | 409; problems: FieldProblem[]; conflict: DomainError | null },
      ) =>
        showMember(request, reply, lang, {
          staffId: id,
          values,
          problems: outcome.problems,
          conflict: outcome.conflict?.message ?? null,
          status: outcome.status,
          successMessage: null,
        });
      if (action === 'role') {
        postWithId({
          url,
          lang,
          form: roleForm,
          run: (staffId, values, acting) =>
            changeStaffRoleAndUnit(db, { staffId, role: values.role, unitCode: values.unitCode, acting }),
          done: (id) => memberPage(id, 'role'),
          showAgain: (request, reply, id, values, outcome) => showAgain(request, reply, id, values, outcome),
        });
        return;
      }
      const use = memberUses[action];
      postWithId({
        url,
        lang,
        form: buttonForm,
        run: (staffId, _values, acting) => use.run(staffId, acting),
        done: (id) => memberPage(id, use.done),
        showAgain: (request, reply, id, _values, outcome) => showAgain(request, reply, id, null, outcome),
      });
    });
  }

  const invitationUses: Record<
    InvitationAction,
    { done: string; run: (id: string, acting: Acting) => Promise<unknown> }
  > = {
    resend: {
      done: 'resent',
      run: (invitationId, acting) => resendInvitation(db, { invitationId, acting, mail }),
    },
    revoke: {
      done: 'revoked',
      run: (invitationId, acting) => revokeInvitation(db, { invitationId, acting }),
    },
  };
  for (const action of Object.keys(invitationUses) as InvitationAction[]) {
    const use = invitationUses[action];
    forEachLanguage(staffAdminPaths.invitationActionPattern(action), (url, lang) => {
      postWithId({
        url,
        lang,
        form: buttonForm,
        run: (invitationId, _values, acting) => use.run(invitationId, acting),
        done: () => `${localePath(lang, staffAdminPaths.list)}?done=${use.done}#invitations`,
        // A refusal (already accepted or withdrawn): the list again, saying why, 409.
        showAgain: (request, reply, _id, _values, outcome) =>
          showList(request, reply, lang, {
            filters: noStaffFilters,
            page: 1,
            problems: outcome.conflict
              ? [{ field: '', code: outcome.conflict.code, message: outcome.conflict.message }]
              : outcome.problems,
            status: outcome.status,
            successMessage: null,
          }),
      });
    });
  }
}

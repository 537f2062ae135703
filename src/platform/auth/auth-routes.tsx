import { Readable } from 'node:stream';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleRegistry } from '../composition/app-module.ts';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import { installCsrf } from '../http/csrf.ts';
import { DomainError, type FieldProblem } from '../http/errors.ts';
import { enforceRateLimit, rateLimitedError } from '../http/rate-limit.ts';
import { FormProblems, problemsOnPage } from '../web/components/form-problems.ts';
import { pageNumberOf } from '../web/components/pagination.tsx';
import { postedForm, readForm } from '../web/components/read-form.ts';
import { csvByteOrderMark, csvLine } from '../web/csv.ts';
import { formatTaipeiDateTime, taipeiIsoDate } from '../web/format-date.ts';
import { type Lang, languages, localePath } from '../web/i18n.ts';
import { waitText } from '../web/wait-text.ts';
import { requestOrigin, staffActorContext } from './actor-context.ts';
import { auditActionLabel } from './audit-actions.ts';
import { AuditLogQuery, auditCsvPath, readAuditFilters } from './audit-filters.ts';
import { auditExportMaxRows, auditLogBatches, listAuditLog, recordStaffAudit } from './audit-log.ts';
import { authText } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import {
  SignInQuery,
  SignOutBody,
  StaffSessionResponse,
  TwoFactorQuery,
  VerifyQuery,
} from './auth-schemas.ts';
import { AuditLogPageView, SignInPage, StaffHomePage, TwoFactorPage, VerifyCodePage } from './auth-views.tsx';
import { needsTwoFactorEnrolment } from './principal.ts';
import { requireStaff, signedInStaff } from './require-staff.ts';
import { safeReturnPath } from './return-path.ts';
import { codeForm, signInForm } from './sign-in-form.ts';
import {
  confirmTwoFactorEnrolment,
  signInWithCode,
  signInWithPassword,
  signOut,
  startTwoFactorEnrolment,
} from './sign-in-service.ts';
import { staffAreasFor } from './staff-areas.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage } from './staff-pages.ts';
import { findUnitName } from './staff-service.ts';
import { clearSessionCookie, installStaffSessions, setSessionCookie } from './staff-session-hook.ts';
import { groupSecretForReading, totpQrCodeSvg, totpUri } from './totp.ts';
import { deviceIdOf, trustDevice } from './trusted-devices.ts';

/** The audit filters' labels, as the error summary names them. */
function auditFilterLabels(lang: Lang): Record<string, string> {
  return {
    area: authText(lang, 'auditAreaLabel'),
    action: authText(lang, 'auditActionLabel'),
    actor: authText(lang, 'auditActorLabel'),
    from: authText(lang, 'auditFromLabel'),
    to: authText(lang, 'auditToLabel'),
  };
}

/** What the auth pages need of the registry: the staff home's areas, and the audit log's actions. */
export type AuthRegistry = Pick<ModuleRegistry, 'staffAreas' | 'auditActions'>;

/**
 * Installs staff authentication on the root instance (called by buildApp before the route plugins):
 * cookies, the session hook that sets request.staff, CSRF on every unsafe request, then the sign-in,
 * two-factor, staff home and audit log routes.
 */
export async function installAuth(app: AppInstance, deps: AppDeps, registry: AuthRegistry): Promise<void> {
  await app.register(cookie);
  installStaffSessions(app, deps);
  installCsrf(app, {
    isCookieSecure: deps.config.cookieSecure,
    sessionCsrfToken: (request) => request.staffSession?.csrfToken ?? null,
  });
  await app.register(async (scope) => authRoutes(scope as AppInstance, deps, registry));
}

/** The code field's problem for each refused code, on the sign-in code step and the enrolment page. */
const codeProblems = {
  'missing-code': { key: 'codeRequired', status: 400 },
  'wrong-code': { key: 'codeWrong', status: 401 },
  'replayed-code': { key: 'codeReplayed', status: 401 },
} as const;

function codeRefused(lang: Lang, kind: keyof typeof codeProblems): FormProblems {
  return problemsOnPage([{ field: 'code', code: kind, message: authText(lang, codeProblems[kind].key) }], {
    lang,
  });
}

/** One problem on the e-mail input: the page's answer to credentials it cannot accept. */
function emailRefused(lang: Lang, problem: Omit<FieldProblem, 'field'>): FormProblems {
  return problemsOnPage([{ field: 'email', ...problem }], { lang });
}

function withReturn(path: string, returnPath: string | null): string {
  return returnPath === null ? path : `${path}?${new URLSearchParams({ return: returnPath }).toString()}`;
}

async function authRoutes(app: AppInstance, deps: AppDeps, registry: AuthRegistry): Promise<void> {
  const { db, clock, config } = deps;
  const cookieOptions = { isSecure: config.cookieSecure, maxAgeSeconds: config.sessionAbsoluteHours * 3600 };
  /** After a full sign-in (password, and the second factor where the role needs one): the usual browser. */
  const trustThisBrowser = (request: FastifyRequest, reply: FastifyReply, staffId: string) =>
    trustDevice(db, request, reply, {
      subject: `staff:${staffId}`,
      now: clock.now(),
      isSecure: config.cookieSecure,
    });

  // Pages here carry CSRF tokens and personal details: no shared or browser cache may keep them.
  keepStaffPagesOutOfCaches(app);

  for (const lang of languages) {
    const url = (path: string) => localePath(lang, path);
    const home = url(staffPaths.home);

    const showSignIn = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: {
        email: string;
        returnPath: string | null;
        problems: FormProblems;
        status: number;
        notice?: 'expired' | 'signed-out' | null;
      },
    ) =>
      sendStaffPage(request, reply, {
        title: authText(lang, 'signInTitle'),
        hasError: view.problems.hasAny,
        status: view.status,
        body: (
          <SignInPage
            lang={lang}
            csrfToken={request.csrfToken}
            email={view.email}
            returnPath={view.returnPath}
            problems={view.problems}
            notice={view.notice ?? null}
          />
        ),
      });

    app.get(
      url(staffPaths.signIn),
      { schema: { hide: true, querystring: SignInQuery } },
      async (request, reply) => {
        const returnPath = safeReturnPath(request.query.return);
        if (request.staff) return reply.redirect(returnPath ?? home, 303);
        const reason = request.query.reason;
        const notice =
          reason === 'expired' || request.sessionEndReason === 'expired'
            ? 'expired'
            : reason === 'signed-out'
              ? 'signed-out'
              : null;
        return showSignIn(request, reply, {
          email: '',
          returnPath,
          problems: FormProblems.none,
          status: 200,
          notice,
        });
      },
    );

    app.post(url(staffPaths.signIn), { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const now = clock.now();
      await enforceRateLimit(db, {
        key: `sign-in:ip:${request.ip}`,
        limit: config.rateLimitPerMinute,
        windowSeconds: 60,
        now,
        lang,
      });
      const returnPath = safeReturnPath(request.body.return);
      const { values, problems } = readForm(signInForm, request.body, lang);
      const { email, password } = values;
      if (problems.length > 0)
        return showSignIn(request, reply, {
          email,
          returnPath,
          status: 400,
          problems: problemsOnPage(problems, { lang }),
        });
      const outcome = await signInWithPassword(db, {
        email,
        password,
        now,
        settings: config,
        origin: requestOrigin(request),
        previousSessionId: request.staffSession?.id ?? null,
        deviceId: deviceIdOf(request),
      });
      switch (outcome.kind) {
        case 'missing-fields':
          return showSignIn(request, reply, {
            email,
            returnPath,
            status: 400,
            problems: problemsOnPage(
              outcome.fields.map((field) => ({
                field,
                code: 'required',
                message: authText(lang, field === 'email' ? 'emailRequired' : 'passwordRequired'),
              })),
              { lang },
            ),
          });
        case 'invalid-credentials':
          return showSignIn(request, reply, {
            email,
            returnPath,
            status: 401,
            problems: emailRefused(lang, {
              code: 'invalid_credentials',
              message: authText(lang, 'invalidCredentials'),
            }),
          });
        case 'locked':
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return showSignIn(request, reply, {
            email,
            returnPath,
            status: 429,
            problems: emailRefused(lang, {
              code: 'locked',
              message: authText(lang, 'accountLocked', { wait: waitText(lang, outcome.retryAfterSeconds) }),
            }),
          });
        case 'code-required':
          setSessionCookie(reply, outcome.token, cookieOptions);
          return reply.redirect(withReturn(url(staffPaths.verify), returnPath), 303);
        case 'signed-in':
          setSessionCookie(reply, outcome.token, cookieOptions);
          if (needsTwoFactorEnrolment(outcome.principal))
            return reply.redirect(url(staffPaths.twoFactor), 303);
          await trustThisBrowser(request, reply, outcome.principal.id);
          return reply.redirect(returnPath ?? home, 303);
      }
    });

    const showCode = (
      request: FastifyRequest,
      reply: FastifyReply,
      returnPath: string | null,
      problems: FormProblems,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: authText(lang, 'verifyTitle'),
        hasError: problems.hasAny,
        status,
        body: (
          <VerifyCodePage
            lang={lang}
            csrfToken={request.csrfToken}
            returnPath={returnPath}
            problems={problems}
          />
        ),
      });

    app.get(
      url(staffPaths.verify),
      { schema: { hide: true, querystring: VerifyQuery } },
      async (request, reply) => {
        const returnPath = safeReturnPath(request.query.return);
        if (request.staff) return reply.redirect(returnPath ?? home, 303);
        if (!request.staffSession) return reply.redirect(withReturn(url(staffPaths.signIn), returnPath), 303);
        return showCode(request, reply, returnPath, FormProblems.none);
      },
    );

    app.post(url(staffPaths.verify), { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const returnPath = safeReturnPath(request.body.return);
      const { values, problems } = readForm(codeForm, request.body, lang);
      if (problems.length > 0 && request.staffSession)
        return showCode(request, reply, returnPath, problemsOnPage(problems, { lang }), 400);
      const outcome = await signInWithCode(db, {
        session: request.staffSession,
        code: values.code,
        now: clock.now(),
        settings: config,
        origin: requestOrigin(request),
      });
      switch (outcome.kind) {
        case 'no-pending-sign-in':
          return reply.redirect(withReturn(url(staffPaths.signIn), returnPath), 303);
        case 'rate-limited':
          throw rateLimitedError(lang, outcome.retryAfterSeconds);
        case 'missing-code':
        case 'wrong-code':
        case 'replayed-code':
          return showCode(
            request,
            reply,
            returnPath,
            codeRefused(lang, outcome.kind),
            codeProblems[outcome.kind].status,
          );
        case 'signed-in':
          setSessionCookie(reply, outcome.token, cookieOptions);
          await trustThisBrowser(request, reply, outcome.principal.id);
          return reply.redirect(returnPath ?? home, 303);
      }
    });

    app.post(
      url(staffPaths.signOut),
      { schema: { hide: true, body: SignOutBody } },
      async (request, reply) => {
        if (request.staffSession) {
          await signOut(db, {
            session: request.staffSession,
            now: clock.now(),
            origin: requestOrigin(request),
          });
        }
        clearSessionCookie(reply, cookieOptions);
        return reply.redirect(`${url(staffPaths.signIn)}?reason=signed-out`, 303);
      },
    );

    const enrolmentGuard = requireStaff({ allowBeforeTwoFactorEnrolment: true });

    const showTwoFactor = async (
      request: FastifyRequest,
      reply: FastifyReply,
      problems: FormProblems,
      status: number,
      justEnabled: boolean,
    ) => {
      const staff = signedInStaff(request);
      const state = await startTwoFactorEnrolment(db, { staffId: staff.id });
      const title = authText(lang, 'twoFactorTitle');
      if (state.kind === 'enabled') {
        return sendStaffPage(request, reply, {
          title,
          body: (
            <TwoFactorPage lang={lang} kind="enabled" enabledAt={state.enabledAt} justEnabled={justEnabled} />
          ),
        });
      }
      const uri = totpUri({ issuer: config.totpIssuer, email: state.email, secret: state.secret });
      return sendStaffPage(request, reply, {
        title,
        hasError: problems.hasAny,
        status,
        body: (
          <TwoFactorPage
            lang={lang}
            kind="pending"
            csrfToken={request.csrfToken}
            email={state.email}
            groupedSecret={groupSecretForReading(state.secret)}
            qrCodeSvg={await totpQrCodeSvg(uri, authText(lang, 'qrCodeLabel'))}
            isRequiredNow={needsTwoFactorEnrolment(staff)}
            problems={problems}
          />
        ),
      });
    };

    app.get(
      url(staffPaths.twoFactor),
      { preHandler: enrolmentGuard, schema: { hide: true, querystring: TwoFactorQuery } },
      async (request, reply) =>
        showTwoFactor(request, reply, FormProblems.none, 200, request.query.done === '1'),
    );

    app.post(
      url(staffPaths.twoFactor),
      { preHandler: enrolmentGuard, schema: { hide: true, body: postedForm } },
      async (request, reply) => {
        const { values, problems } = readForm(codeForm, request.body, lang);
        if (problems.length > 0)
          return showTwoFactor(request, reply, problemsOnPage(problems, { lang }), 400, false);
        const actor = staffActorContext(request, deps);
        const outcome = await confirmTwoFactorEnrolment(db, {
          staff: actor.staff,
          code: values.code,
          now: actor.now,
          origin: actor.origin,
        });
        switch (outcome.kind) {
          case 'enabled':
          case 'already-enabled':
            return reply.redirect(`${url(staffPaths.twoFactor)}?done=1`, 303);
          case 'rate-limited':
            throw rateLimitedError(lang, outcome.retryAfterSeconds);
          case 'missing-code':
          case 'wrong-code':
          case 'replayed-code':
            // A wrong code here refuses a setting, not a person: 400, the form again.
            return showTwoFactor(request, reply, codeRefused(lang, outcome.kind), 400, false);
        }
      },
    );

    app.get(
      url(staffPaths.home),
      { preHandler: requireStaff(), schema: { hide: true } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const unit = staff.unitCode ? await findUnitName(db, staff.unitCode) : null;
        return sendStaffPage(request, reply, {
          title: authText(lang, 'staffHomeTitle'),
          body: (
            <StaffHomePage
              lang={lang}
              staff={staff}
              unitName={unit ? (lang === 'en' ? unit.nameEn : unit.nameZh) : staff.unitCode}
              areas={staffAreasFor(registry.staffAreas, staff.role)}
            />
          ),
        });
      },
    );

    app.get(
      url(staffPaths.audit),
      { preHandler: requireStaff({ roles: ['admin'] }), schema: { hide: true, querystring: AuditLogQuery } },
      async (request, reply) => {
        const page = pageNumberOf(request.query.page);
        const { values, filters, problems } = readAuditFilters(request.query, lang);
        const result = await listAuditLog(db, { page, ...filters });
        // Reading the log is itself recorded: who looked at what is part of the trail.
        await recordStaffAudit(db, staffActorContext(request, deps), {
          action: 'audit_log.viewed',
          // The shape it always had (page, action, actor), the newer filters only when used.
          details: {
            page,
            action: values.action,
            actorLabel: values.actor,
            ...(values.area === '' ? {} : { area: values.area }),
            ...(values.from === '' ? {} : { from: values.from }),
            ...(values.to === '' ? {} : { to: values.to }),
          },
        });
        return sendStaffPage(request, reply, {
          title: authText(lang, 'auditTitle'),
          status: problems.length > 0 ? 400 : 200,
          hasError: problems.length > 0,
          body: (
            <AuditLogPageView
              lang={lang}
              result={result}
              values={values}
              problems={problemsOnPage(problems, { lang, labels: auditFilterLabels(lang) })}
              actions={registry.auditActions}
            />
          ),
        });
      },
    );

    // The same filters as a CSV file (UTF-8 with a byte-order mark for Excel, RFC 4180, formulas defused),
    // streamed batch by batch, at most auditExportMaxRows rows; the export itself is recorded.
    app.get(
      url(auditCsvPath),
      { preHandler: requireStaff({ roles: ['admin'] }), schema: { hide: true, querystring: AuditLogQuery } },
      async (request, reply) => {
        const { values, filters, problems } = readAuditFilters(request.query, lang);
        if (problems.length > 0)
          throw new DomainError('VALIDATION_FAILED', authText(lang, 'auditInvalid'), { problems });
        await recordStaffAudit(db, staffActorContext(request, deps), {
          action: 'audit_log.exported',
          details: { ...values, maxRows: auditExportMaxRows },
        });
        const actions = registry.auditActions;
        const lines = async function* () {
          yield `${csvByteOrderMark}${authText(lang, 'auditCsvHeader')}\r\n`;
          for await (const rows of auditLogBatches(db, filters))
            yield rows
              .map((row) =>
                csvLine([
                  formatTaipeiDateTime(row.occurredAt),
                  row.actorLabel,
                  row.action,
                  auditActionLabel(actions, row.action, lang) ?? '',
                  row.targetType ?? '',
                  row.targetId ?? '',
                  row.ip ?? '',
                  Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : '',
                ]),
              )
              .join('');
        };
        const stamp = taipeiIsoDate(deps.clock.now());
        return reply
          .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
          .type('text/csv; charset=utf-8; header=present')
          .send(Readable.from(lines()));
      },
    );
  }

  app.get(
    staffPaths.sessionApi,
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff member and the CSRF token for unsafe requests.',
        response: { 200: StaffSessionResponse },
      },
    },
    async (request) => {
      const staff = signedInStaff(request);
      const { id, email, displayName, role, unitCode, hasTotp } = staff;
      return { staff: { id, email, displayName, role, unitCode, hasTotp }, csrfToken: request.csrfToken };
    },
  );
}

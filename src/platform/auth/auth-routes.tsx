import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import { installCsrf } from '../http/csrf.ts';
import { enforceRateLimit, rateLimitedError } from '../http/rate-limit.ts';
import type { ModuleRegistry } from '../modules/app-module.ts';
import { type Lang, languages, localePath } from '../web/i18n.ts';
import { requestOrigin } from './actor-context.ts';
import { listAuditLog, recordAudit, staffActor } from './audit-log.ts';
import { authText } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import {
  AuditLogQuery,
  CodeBody,
  SignInBody,
  SignInQuery,
  SignOutBody,
  StaffSessionResponse,
  TwoFactorQuery,
  VerifyQuery,
} from './auth-schemas.ts';
import {
  AuditLogPageView,
  type FieldError,
  SignInPage,
  StaffHomePage,
  TwoFactorPage,
  VerifyCodePage,
} from './auth-views.tsx';
import { needsTwoFactorEnrolment } from './principal.ts';
import { requireStaff, signedInStaff } from './require-staff.ts';
import { safeReturnPath } from './return-path.ts';
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

/**
 * Installs staff authentication on the root instance (called by buildApp before the route plugins):
 * cookies, the session hook that sets request.staff, CSRF on every unsafe request, then the sign-in,
 * two-factor, staff home and audit log routes.
 */
export async function installAuth(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'staffAreas'>,
): Promise<void> {
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

function codeErrors(lang: Lang, kind: keyof typeof codeProblems): FieldError[] {
  return [{ field: 'code', message: authText(lang, codeProblems[kind].key) }];
}

function withReturn(path: string, returnPath: string | null): string {
  return returnPath === null ? path : `${path}?${new URLSearchParams({ return: returnPath }).toString()}`;
}

async function authRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'staffAreas'>,
): Promise<void> {
  const { db, clock, config } = deps;
  const cookieOptions = { isSecure: config.cookieSecure, maxAgeSeconds: config.sessionAbsoluteHours * 3600 };

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
        errors: FieldError[];
        status: number;
        notice?: 'expired' | 'signed-out' | null;
      },
    ) =>
      sendStaffPage(request, reply, {
        title: authText(lang, 'signInTitle'),
        hasError: view.errors.length > 0,
        status: view.status,
        body: (
          <SignInPage
            lang={lang}
            csrfToken={request.csrfToken}
            email={view.email}
            returnPath={view.returnPath}
            errors={view.errors}
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
        return showSignIn(request, reply, { email: '', returnPath, errors: [], status: 200, notice });
      },
    );

    app.post(url(staffPaths.signIn), { schema: { hide: true, body: SignInBody } }, async (request, reply) => {
      const now = clock.now();
      await enforceRateLimit(db, {
        key: `sign-in:ip:${request.ip}`,
        limit: config.rateLimitPerMinute,
        windowSeconds: 60,
        now,
        lang,
      });
      const { email, password } = request.body;
      const returnPath = safeReturnPath(request.body.return);
      const outcome = await signInWithPassword(db, {
        email,
        password,
        now,
        settings: config,
        origin: requestOrigin(request),
        previousSessionId: request.staffSession?.id ?? null,
      });
      switch (outcome.kind) {
        case 'missing-fields':
          return showSignIn(request, reply, {
            email,
            returnPath,
            status: 400,
            errors: outcome.fields.map((field) => ({
              field,
              message: authText(lang, field === 'email' ? 'emailRequired' : 'passwordRequired'),
            })),
          });
        case 'invalid-credentials':
          return showSignIn(request, reply, {
            email,
            returnPath,
            status: 401,
            errors: [{ field: 'email', message: authText(lang, 'invalidCredentials') }],
          });
        case 'locked':
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return showSignIn(request, reply, {
            email,
            returnPath,
            status: 429,
            errors: [
              {
                field: 'email',
                message: authText(lang, 'accountLocked', {
                  minutes: Math.ceil(outcome.retryAfterSeconds / 60),
                }),
              },
            ],
          });
        case 'code-required':
          setSessionCookie(reply, outcome.token, cookieOptions);
          return reply.redirect(withReturn(url(staffPaths.verify), returnPath), 303);
        case 'signed-in':
          setSessionCookie(reply, outcome.token, cookieOptions);
          if (needsTwoFactorEnrolment(outcome.principal))
            return reply.redirect(url(staffPaths.twoFactor), 303);
          return reply.redirect(returnPath ?? home, 303);
      }
    });

    const showCode = (
      request: FastifyRequest,
      reply: FastifyReply,
      returnPath: string | null,
      errors: FieldError[],
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: authText(lang, 'verifyTitle'),
        hasError: errors.length > 0,
        status,
        body: (
          <VerifyCodePage lang={lang} csrfToken={request.csrfToken} returnPath={returnPath} errors={errors} />
        ),
      });

    app.get(
      url(staffPaths.verify),
      { schema: { hide: true, querystring: VerifyQuery } },
      async (request, reply) => {
        const returnPath = safeReturnPath(request.query.return);
        if (request.staff) return reply.redirect(returnPath ?? home, 303);
        if (!request.staffSession) return reply.redirect(withReturn(url(staffPaths.signIn), returnPath), 303);
        return showCode(request, reply, returnPath, []);
      },
    );

    app.post(url(staffPaths.verify), { schema: { hide: true, body: CodeBody } }, async (request, reply) => {
      const returnPath = safeReturnPath(request.body.return);
      const outcome = await signInWithCode(db, {
        session: request.staffSession,
        code: request.body.code,
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
            codeErrors(lang, outcome.kind),
            codeProblems[outcome.kind].status,
          );
        case 'signed-in':
          setSessionCookie(reply, outcome.token, cookieOptions);
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
      errors: FieldError[],
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
        hasError: errors.length > 0,
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
            errors={errors}
          />
        ),
      });
    };

    app.get(
      url(staffPaths.twoFactor),
      { preHandler: enrolmentGuard, schema: { hide: true, querystring: TwoFactorQuery } },
      async (request, reply) => showTwoFactor(request, reply, [], 200, request.query.done === '1'),
    );

    app.post(
      url(staffPaths.twoFactor),
      { preHandler: enrolmentGuard, schema: { hide: true, body: CodeBody } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const outcome = await confirmTwoFactorEnrolment(db, {
          staff,
          code: request.body.code,
          now: clock.now(),
          origin: requestOrigin(request),
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
            return showTwoFactor(request, reply, codeErrors(lang, outcome.kind), 400, false);
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
        const staff = signedInStaff(request);
        const { page, action, actor } = request.query;
        const filters = { action: action.trim(), actorLabel: actor.trim() };
        const result = await listAuditLog(db, { page, ...filters });
        // Reading the log is itself recorded: who looked at what is part of the trail.
        await recordAudit(db, {
          occurredAt: clock.now(),
          actor: staffActor(staff),
          action: 'audit_log.viewed',
          origin: requestOrigin(request),
          details: { page, ...filters },
        });
        return sendStaffPage(request, reply, {
          title: authText(lang, 'auditTitle'),
          body: (
            <AuditLogPageView
              lang={lang}
              result={result}
              action={filters.action}
              actor={filters.actorLabel}
            />
          ),
        });
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

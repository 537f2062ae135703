import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requestOrigin } from '../../../platform/auth/actor-context.ts';
import { staffPaths } from '../../../platform/auth/auth-paths.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage } from '../../../platform/auth/staff-pages.ts';
import { findUnitName } from '../../../platform/auth/staff-service.ts';
import { setSessionCookie } from '../../../platform/auth/staff-session-hook.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { enforceRateLimit } from '../../../platform/http/rate-limit.ts';
import { keepPagesPrivate } from '../../../platform/http/security-headers.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { acceptForm } from './staff-admin-form.ts';
import { staffAdminText as text, unitNameIn } from './staff-admin-messages.ts';
import { staffAdminPaths } from './staff-admin-paths.ts';
import { type InvitationState, refusalOf } from './staff-admin-rules.ts';
import { acceptInvitation, findInvitationByToken } from './staff-admin-service.ts';
import { AcceptInvitationPage, InvitationGonePage } from './views/invitation-pages.tsx';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/**
 * The invited person's one-time link (no session needed): the page with the password form, and its post,
 * which creates the account, signs the person in and sends them to set up two-factor (required for an
 * admin, offered to everyone else with a way to skip it). An expired, withdrawn or used link answers 410 and
 * an unknown one 404, with a page that says why; neither writes anything.
 */
export async function invitationRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock, config } = deps;
  const cookieOptions = { isSecure: config.cookieSecure, maxAgeSeconds: config.sessionAbsoluteHours * 3600 };
  keepStaffPagesOutOfCaches(app);
  // The link's token is in the address: no page here is kept or tells another site where it came from.
  keepPagesPrivate(app);

  forEachLanguage(staffAdminPaths.invitationPattern, (url, lang) => {
    const gone = (request: FastifyRequest, reply: FastifyReply, state: Exclude<InvitationState, 'usable'>) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'goneTitle'),
        status: state === 'unknown' ? 404 : 410,
        body: <InvitationGonePage lang={lang} state={state} />,
      });

    /** The form page, or the page saying why the link cannot be used. */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      token: string,
      problems: FormProblems,
      status: number,
      conflict: string | null = null,
    ) => {
      const found = await findInvitationByToken(db, token, clock.now());
      if (found.state !== 'usable' || found.invitation === null)
        return gone(request, reply, refusalOf(found.state));
      const { invitation } = found;
      const unit = invitation.unitCode === null ? null : await findUnitName(db, invitation.unitCode);
      return sendStaffPage(request, reply, {
        title: text(lang, 'acceptTitle'),
        status,
        hasError: problems.hasAny || conflict !== null,
        body: (
          <AcceptInvitationPage
            lang={lang}
            csrfToken={request.csrfToken}
            action={localePath(lang, staffAdminPaths.invitation(token))}
            invitation={invitation}
            unitName={unitNameIn(lang, unit)}
            problems={problems}
            conflict={conflict}
          />
        ),
      });
    };

    app.get(url, { schema: { hide: true, params: TokenParams } }, async (request, reply) =>
      show(request, reply, request.params.token, FormProblems.none, 200),
    );

    app.post(
      url,
      { schema: { hide: true, params: TokenParams, body: postedForm } },
      async (request, reply) => {
        const now = clock.now();
        await enforceRateLimit(db, {
          key: `staff-invitation:ip:${request.ip}`,
          limit: config.rateLimitPerMinute,
          windowSeconds: 60,
          now,
          lang,
        });
        const { token } = request.params;
        // A link that cannot be used is answered as such, whatever was typed.
        const found = await findInvitationByToken(db, token, now);
        if (found.state !== 'usable') return gone(request, reply, found.state);
        return submitForm({
          form: acceptForm,
          body: request.body,
          lang,
          run: (values) =>
            acceptInvitation(db, {
              token,
              password: values.password,
              passwordAgain: values.passwordAgain,
              now,
              lang,
              origin: requestOrigin(request),
              lifetime: config,
              previousSessionId: request.staffSession?.id ?? null,
            }),
          done: (outcome) => {
            if (outcome.kind === 'refused') return gone(request, reply, outcome.state);
            setSessionCookie(reply, outcome.sessionToken, cookieOptions);
            return reply.redirect(twoFactorSetup(lang), 303);
          },
          showAgain: (_values, outcome) =>
            show(
              request,
              reply,
              token,
              problemsOnPage(outcome.problems, { lang }),
              outcome.status,
              outcome.conflict?.message ?? null,
            ),
          isConflictShown: true,
        });
      },
    );
  });
}

/** Where a new member goes after setting the password: two-factor setup (the page offers a skip when allowed). */
function twoFactorSetup(lang: Lang): string {
  return localePath(lang, staffPaths.twoFactor);
}

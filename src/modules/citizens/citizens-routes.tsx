import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requestOrigin } from '../../platform/auth/actor-context.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { keepPagesPrivate } from '../../platform/http/security-headers.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../platform/web/components/pagination.tsx';
import { postedForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { sendPageOf } from '../../platform/web/layout.tsx';
import { applicationPaths, reopenDraftOfContact } from '../applications/index.ts';
import { loadAccount } from './citizen-account-service.ts';
import { linksPerAddressPerHour } from './citizen-rules.ts';
import { citizenCookieOf, clearCitizenCookie, setCitizenCookie } from './citizen-session-cookie.ts';
import {
  findCitizenSession,
  requestSignInLink,
  signInLinkState,
  signInWithLink,
  signOutCitizen,
} from './citizen-sign-in-service.ts';
import { signInAddressOf, signInForm } from './citizens-form.ts';
import { citizenText as text } from './citizens-messages.ts';
import { citizenPaths, citizenRoutePatterns } from './citizens-paths.ts';
import { AccountPage } from './views/account-page.tsx';
import {
  CheckEmailPage,
  ConfirmSignInPage,
  LinkRefusedPage,
  refusalTitle,
  type SignInNotice,
  SignInPage,
} from './views/sign-in-pages.tsx';

const SignInQuery = Type.Object({
  sent: Type.Optional(Type.String({ maxLength: 10 })),
  ended: Type.Optional(Type.String({ maxLength: 10 })),
  out: Type.Optional(Type.String({ maxLength: 10 })),
});
const AccountQuery = Type.Object({
  page: Type.Optional(Type.String({ maxLength: 10 })),
  draft: Type.Optional(Type.String({ maxLength: 10 })),
});
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
const DraftParams = Type.Object({ draftId: Type.String({ maxLength: 100 }) });

/**
 * The optional citizen account (issue 11 §1): /account/sign-in (one field; the link is e-mailed), the link's
 * page (a button: signing in is a POST, as mail scanners open links), /account ("My cases") and sign-out.
 * Every page is `no-store` (personal data, form tokens) and `no-referrer` (the link's secret is in its path);
 * the request log names the route pattern, never the token.
 */
export async function citizenRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepPagesPrivate(app);

  const showSignIn = (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    form: { email: string; problems: FormProblems; notice: SignInNotice; status?: number },
  ) =>
    sendPageOf(request, reply, {
      title: text(lang, 'signInTitle'),
      status: form.status ?? 200,
      hasError: form.problems.hasAny,
      body: (
        <SignInPage
          lang={lang}
          csrfToken={request.csrfToken}
          values={{ email: form.email }}
          problems={form.problems}
          notice={form.notice}
        />
      ),
    });

  forEachLanguage(citizenPaths.signIn, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: SignInQuery } }, async (request, reply) => {
      if (request.query.sent === '1')
        return sendPageOf(request, reply, {
          title: text(lang, 'checkTitle'),
          body: <CheckEmailPage lang={lang} />,
        });
      const notice: SignInNotice =
        request.query.out === '1' ? 'signed-out' : request.query.ended === '1' ? 'ended' : null;
      // Already signed in (a link from /track, a bookmark): straight to the cases.
      const cookie = citizenCookieOf(request);
      if (notice === null && cookie !== undefined) {
        const session = await findCitizenSession(deps.db, cookie, deps.clock.now());
        if (session.kind === 'active') return reply.redirect(localePath(lang, citizenPaths.account), 303);
      }
      return showSignIn(request, reply, lang, { email: '', problems: FormProblems.none, notice });
    });

    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) =>
      submitForm({
        form: signInForm,
        body: request.body,
        lang,
        run: async (values) => {
          const { email, problems } = signInAddressOf(values.email, lang);
          if (problems.length > 0)
            throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
          return requestSignInLink(deps.db, {
            email,
            lang,
            clientIp: request.ip,
            now: deps.clock.now(),
            jobs: deps.jobs,
            publicBaseUrl: deps.config.publicBaseUrl,
          });
        },
        done: (outcome) => {
          if (outcome.kind === 'sent')
            return reply.redirect(`${localePath(lang, citizenPaths.signIn)}?sent=1`, 303);
          // Said kindly, on the field: the links already sent keep working.
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
          const message =
            outcome.kind === 'limited-address'
              ? text(lang, 'tooManyForAddress', { max: linksPerAddressPerHour, minutes })
              : text(lang, 'tooManyFromHere', { minutes });
          const body = request.body as Record<string, unknown>;
          return showSignIn(request, reply, lang, {
            email: typeof body.email === 'string' ? body.email : '',
            problems: problemsOnPage([{ field: 'email', code: 'rate_limited', message }], { lang }),
            notice: null,
            status: 429,
          });
        },
        showAgain: (values, outcome) =>
          showSignIn(request, reply, lang, {
            email: values.email,
            problems: problemsOnPage(outcome.problems, { lang }),
            notice: null,
            status: outcome.status,
          }),
      }),
    );
  });

  forEachLanguage(citizenRoutePatterns.link, (url, lang) => {
    const refuse = (request: FastifyRequest, reply: FastifyReply, state: 'used' | 'expired' | 'unknown') =>
      sendPageOf(request, reply, {
        title: refusalTitle(lang, state),
        status: state === 'unknown' ? 404 : 410,
        body: <LinkRefusedPage lang={lang} state={state} />,
      });

    app.get(url, { schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const state = await signInLinkState(deps.db, request.params.token, deps.clock.now());
      if (state !== 'usable') return refuse(request, reply, state);
      return sendPageOf(request, reply, {
        title: text(lang, 'confirmTitle'),
        body: (
          <ConfirmSignInPage
            lang={lang}
            csrfToken={request.csrfToken}
            action={localePath(lang, citizenPaths.link(request.params.token))}
          />
        ),
      });
    });

    app.post(
      url,
      { schema: { hide: true, params: TokenParams, body: postedForm } },
      async (request, reply) => {
        const outcome = await signInWithLink(deps.db, {
          token: request.params.token,
          previousSessionSecret: citizenCookieOf(request),
          now: deps.clock.now(),
          origin: requestOrigin(request),
        });
        if (outcome.kind === 'refused') return refuse(request, reply, outcome.state);
        setCitizenCookie(reply, outcome.sessionSecret, deps.config.cookieSecure);
        return reply.redirect(localePath(lang, citizenPaths.account), 303);
      },
    );
  });

  forEachLanguage(citizenPaths.account, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: AccountQuery } }, async (request, reply) => {
      const now = deps.clock.now();
      const session = await findCitizenSession(deps.db, citizenCookieOf(request), now);
      if (session.kind !== 'active') {
        if (session.kind === 'ended') clearCitizenCookie(reply, deps.config.cookieSecure);
        const query = session.kind === 'ended' ? '?ended=1' : '';
        return reply.redirect(`${localePath(lang, citizenPaths.signIn)}${query}`, 303);
      }
      const account = await loadAccount(deps.db, {
        email: session.email,
        page: pageNumberOf(request.query.page),
        now,
      });
      return sendPageOf(request, reply, {
        title: text(lang, 'accountTitle'),
        body: (
          <AccountPage
            lang={lang}
            csrfToken={request.csrfToken}
            email={session.email}
            account={account}
            isDraftGone={request.query.draft === 'gone'}
          />
        ),
      });
    });
  });

  forEachLanguage(citizenRoutePatterns.continueDraft, (url, lang) => {
    app.post(
      url,
      { schema: { hide: true, params: DraftParams, body: postedForm } },
      async (request, reply) => {
        const now = deps.clock.now();
        const session = await findCitizenSession(deps.db, citizenCookieOf(request), now);
        if (session.kind !== 'active') {
          if (session.kind === 'ended') clearCitizenCookie(reply, deps.config.cookieSecure);
          return reply.redirect(localePath(lang, citizenPaths.signIn), 303);
        }
        // The account's own new link to the draft; the e-mailed one keeps working.
        const token = isUuid(request.params.draftId)
          ? await reopenDraftOfContact(deps.db, {
              draftId: request.params.draftId,
              email: session.email,
              now,
            })
          : null;
        // Not this address's draft, sent meanwhile or expired: back to the list, which says what is left.
        if (token === null)
          return reply.redirect(`${localePath(lang, citizenPaths.account)}?draft=gone`, 303);
        return reply.redirect(localePath(lang, applicationPaths.draft(token)), 303);
      },
    );
  });

  forEachLanguage(citizenPaths.signOut, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      await signOutCitizen(deps.db, {
        secret: citizenCookieOf(request),
        now: deps.clock.now(),
        origin: requestOrigin(request),
      });
      clearCitizenCookie(reply, deps.config.cookieSecure);
      return reply.redirect(`${localePath(lang, citizenPaths.signIn)}?out=1`, 303);
    });
  });
}

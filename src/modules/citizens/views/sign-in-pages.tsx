import type { ComponentChildren } from 'preact';
import { Banner, TextInput } from '../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { LinkState } from '../citizen-rules.ts';
import { linkLifetimeMinutes, sessionIdleMinutes } from '../citizen-rules.ts';
import { signInForm } from '../citizens-form.ts';
import { citizenText as text } from '../citizens-messages.ts';
import { citizenPaths } from '../citizens-paths.ts';

const minutes = linkLifetimeMinutes;

/** A notice above the sign-in form: why the visitor is here again. */
export type SignInNotice = 'ended' | 'signed-out' | null;

export interface SignInPageProps {
  lang: Lang;
  csrfToken: string;
  values: { email: string };
  problems: FormProblems;
  notice: SignInNotice;
}

/** /account/sign-in: what the account is (and that it is optional), and the one field. */
export function SignInPage({ lang, csrfToken, values, problems, notice }: SignInPageProps) {
  const control = textControls(signInForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'signInTitle')}
      lead={text(lang, 'signInLead')}
      notice={
        notice === null ? null : (
          <Banner lang={lang} kind={notice === 'signed-out' ? 'success' : 'important'}>
            <p class="govuk-notification-banner__heading">
              {text(lang, notice === 'signed-out' ? 'signedOut' : 'sessionEnded')}
            </p>
          </Banner>
        )
      }
    >
      <p class="govuk-body">{text(lang, 'signInNoPassword', { minutes })}</p>
      <div class="govuk-inset-text">
        <p class="govuk-body">{text(lang, 'signInOptional')}</p>
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, '/track')}>
            {text(lang, 'signInTrackLink')}
          </a>
        </p>
      </div>
      <PostForm
        action={localePath(lang, citizenPaths.signIn)}
        csrfToken={csrfToken}
        submit={text(lang, 'sendLink')}
      >
        <TextInput
          {...control('email')}
          type="email"
          autocomplete="email"
          inputMode="email"
          spellcheck={false}
          hint={text(lang, 'emailHint')}
        />
      </PostForm>
    </FormPage>
  );
}

/** After sending (or not): the same words whether or not the address has cases. */
export function CheckEmailPage({ lang }: { lang: Lang }) {
  return (
    <MessagePage lang={lang} title={text(lang, 'checkTitle')}>
      <p class="govuk-body">{text(lang, 'checkLead', { minutes })}</p>
      <p class="govuk-body">{text(lang, 'checkNoMail')}</p>
      <LinkParagraph href={localePath(lang, citizenPaths.signIn)}>{text(lang, 'checkAgain')}</LinkParagraph>
    </MessagePage>
  );
}

/**
 * The e-mailed link's page: a button, because e-mail scanners open links — signing in is the POST of a
 * person pressing it.
 */
export function ConfirmSignInPage({
  lang,
  csrfToken,
  action,
}: {
  lang: Lang;
  csrfToken: string;
  action: string;
}) {
  return (
    <MessagePage lang={lang} title={text(lang, 'confirmTitle')}>
      <p class="govuk-body">{text(lang, 'confirmLead', { minutes: sessionIdleMinutes })}</p>
      <PostForm
        action={action}
        csrfToken={csrfToken}
        submit={text(lang, 'confirmButton')}
        preventsDoubleClick
      />
    </MessagePage>
  );
}

const refusalWords = {
  used: ['linkUsedTitle', 'linkUsedLead'],
  expired: ['linkExpiredTitle', 'linkExpiredLead'],
  unknown: ['linkUnknownTitle', 'linkUnknownLead'],
} as const;

/** A link that cannot sign in: why, and the way to a new one. */
export function LinkRefusedPage({ lang, state }: { lang: Lang; state: Exclude<LinkState, 'usable'> }) {
  const [title, lead] = refusalWords[state];
  return (
    <MessagePage lang={lang} title={text(lang, title)}>
      <p class="govuk-body">{text(lang, lead, { minutes })}</p>
      <p class="govuk-body">
        <a class="govuk-button" href={localePath(lang, citizenPaths.signIn)}>
          {text(lang, 'newLink')}
        </a>
      </p>
    </MessagePage>
  );
}

export function refusalTitle(lang: Lang, state: Exclude<LinkState, 'usable'>): string {
  return text(lang, refusalWords[state][0]);
}

function MessagePage({ lang, title, children }: { lang: Lang; title: string; children: ComponentChildren }) {
  return (
    <FormPage lang={lang} problems={FormProblems.none} title={title}>
      {children}
    </FormPage>
  );
}

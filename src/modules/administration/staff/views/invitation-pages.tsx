import { roleName } from '../../../../platform/auth/auth-messages.ts';
import { staffPaths } from '../../../../platform/auth/auth-paths.ts';
import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { Banner, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { acceptForm } from '../staff-admin-form.ts';
import { staffAdminText as text } from '../staff-admin-messages.ts';
import type { InvitationState } from '../staff-admin-rules.ts';

export interface AcceptPageProps {
  lang: Lang;
  csrfToken: string;
  action: string;
  invitation: { email: string; displayName: string; role: StaffRole; expiresAt: Date };
  unitName: string;
  problems: FormProblems;
  conflict: string | null;
}

/** The invited person's page: who they will be, then their password twice. Nothing is shown back typed. */
export function AcceptInvitationPage(props: AcceptPageProps) {
  const { lang, invitation } = props;
  const control = textControls(acceptForm, { lang, values: {}, problems: props.problems });
  return (
    <FormPage
      lang={lang}
      problems={props.problems}
      title={text(lang, 'acceptTitle')}
      lead={text(lang, 'acceptLead', { name: invitation.displayName })}
      notice={
        props.conflict === null ? null : (
          <Banner lang={lang} kind="important" title={text(lang, 'conflictTitle')} isAlert>
            <p class="govuk-notification-banner__heading">{props.conflict}</p>
          </Banner>
        )
      }
    >
      <dl class="govuk-summary-list">
        <SummaryRow label={text(lang, 'acceptEmail')} valueLang="en">
          {invitation.email}
        </SummaryRow>
        <SummaryRow label={text(lang, 'acceptRole')}>{roleName(lang, invitation.role)}</SummaryRow>
        <SummaryRow label={text(lang, 'acceptUnit')}>{props.unitName}</SummaryRow>
        <SummaryRow label={text(lang, 'acceptExpires')}>
          {formatPageDateTime(lang, invitation.expiresAt)}
        </SummaryRow>
      </dl>
      <PostForm
        action={props.action}
        csrfToken={props.csrfToken}
        submit={text(lang, 'acceptButton')}
        preventsDoubleClick
      >
        {/* The sign-in name, for password managers to store with the new password. */}
        <input type="hidden" name="username" value={invitation.email} autocomplete="username" />
        <TextInput
          {...control('password')}
          type="password"
          autocomplete="new-password"
          hint={text(lang, 'passwordHint')}
        />
        <TextInput {...control('passwordAgain')} type="password" autocomplete="new-password" />
      </PostForm>
    </FormPage>
  );
}

const goneKeys = {
  expired: 'goneExpired',
  used: 'goneUsed',
  revoked: 'goneRevoked',
  unknown: 'goneUnknown',
} as const;

/** A link that cannot be used: why, and what to do. */
export function InvitationGonePage({
  lang,
  state,
}: {
  lang: Lang;
  state: Exclude<InvitationState, 'usable'>;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text(lang, 'goneTitle')}</h1>
        <p class="govuk-body" data-invitation-state={state}>
          {text(lang, goneKeys[state])}
        </p>
        <p class="govuk-body">{text(lang, 'goneHelp')}</p>
        <LinkParagraph href={localePath(lang, staffPaths.signIn)}>{text(lang, 'signInLink')}</LinkParagraph>
      </div>
    </div>
  );
}

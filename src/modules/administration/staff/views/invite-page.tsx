import { roleName } from '../../../../platform/auth/auth-messages.ts';
import { staffRoles } from '../../../../platform/auth/principal.ts';
import { type Choice, Select, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { inviteForm } from '../staff-admin-form.ts';
import { staffAdminText as text } from '../staff-admin-messages.ts';
import { staffAdminPaths } from '../staff-admin-paths.ts';

export interface InvitePageProps {
  lang: Lang;
  csrfToken: string;
  values: { email: string; displayName: string; role: string; unitCode: string };
  problems: FormProblems;
  unitChoices: Choice[];
}

/** Inviting a colleague: address, name, role and unit; the e-mail carries the one-time link. */
export function InvitePage({ lang, csrfToken, values, problems, unitChoices }: InvitePageProps) {
  const control = textControls(inviteForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'inviteTitle')}
      lead={text(lang, 'inviteLead')}
    >
      <PostForm
        action={localePath(lang, staffAdminPaths.invite)}
        csrfToken={csrfToken}
        submit={text(lang, 'inviteButton')}
        preventsDoubleClick
      >
        <TextInput
          {...control('email')}
          type="email"
          autocomplete="off"
          hint={text(lang, 'emailHint')}
          spellcheck={false}
        />
        <TextInput {...control('displayName')} autocomplete="off" widthClass="govuk-input--width-20" />
        <RoleAndUnit lang={lang} values={values} problems={problems} unitChoices={unitChoices} />
      </PostForm>
      <LinkParagraph href={localePath(lang, staffAdminPaths.list)}>{text(lang, 'backToList')}</LinkParagraph>
    </FormPage>
  );
}

/** The role and unit selects, shared by the invitation and the member's page. */
export function RoleAndUnit(props: {
  lang: Lang;
  values: { role: string; unitCode: string };
  problems: FormProblems;
  unitChoices: Choice[];
}) {
  const { lang } = props;
  return (
    <>
      <Select
        lang={lang}
        name="role"
        label={text(lang, 'roleLabel')}
        value={props.values.role}
        blank={text(lang, 'chooseRole')}
        problems={props.problems}
        choices={staffRoles.map((role) => ({ value: role, label: roleName(lang, role) }))}
      />
      <Select
        lang={lang}
        name="unitCode"
        label={text(lang, 'unitLabel')}
        hint={text(lang, 'unitHint')}
        value={props.values.unitCode}
        blank={text(lang, 'noUnitChoice')}
        problems={props.problems}
        choices={props.unitChoices}
      />
    </>
  );
}

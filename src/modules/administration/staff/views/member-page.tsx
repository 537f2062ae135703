import { auditActionLabel } from '../../../../platform/auth/audit-actions.ts';
import { roleName } from '../../../../platform/auth/auth-messages.ts';
import type { AuditAction } from '../../../../platform/composition/app-module.ts';
import {
  Banner,
  type Choice,
  ErrorSummary,
  SuccessBanner,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { type StaffAdminTextKey, staffAdminText as text } from '../staff-admin-messages.ts';
import { type MemberAction, staffAdminPaths } from '../staff-admin-paths.ts';
import type { ActivityRow, MemberDetails } from '../staff-admin-queries.ts';
import { RoleAndUnit } from './invite-page.tsx';
import { MemberStatus } from './member-status.tsx';

export interface MemberPageProps {
  lang: Lang;
  csrfToken: string;
  member: MemberDetails;
  unitName: (code: string | null) => string;
  unitChoices: Choice[];
  /** The role form as typed (after a problem) or as stored. */
  values: { role: string; unitCode: string };
  problems: FormProblems;
  /** A refusal (the last admin, one's own account …): said at the top, 409. */
  conflict: string | null;
  successMessage: string | null;
  activity: { signIns: ActivityRow[]; actions: ActivityRow[] };
  auditActions: readonly AuditAction[];
}

/** One member: details, role and unit, status and security actions, recent sign-ins and actions. */
export function MemberPage(props: MemberPageProps) {
  const { lang, member } = props;
  const action = (name: MemberAction) => localePath(lang, staffAdminPaths.memberAction(member.id, name));
  /** A one-button form about the account, after a line that says what it does. */
  const actionForm = (
    name: MemberAction,
    help: StaffAdminTextKey,
    button: StaffAdminTextKey,
    style: { isWarning?: boolean; isSecondary?: boolean } = {},
  ) => (
    <>
      <p class="govuk-body">{text(lang, help)}</p>
      <PostForm action={action(name)} csrfToken={props.csrfToken} submit={text(lang, button)} {...style} />
    </>
  );
  const twoFactor = member.hasTwoFactor
    ? text(lang, 'twoFactorOn', { date: formatPageDateTime(lang, member.twoFactorSince ?? new Date(0)) })
    : member.isEnrolling
      ? text(lang, 'twoFactorEnrolling')
      : text(lang, 'twoFactorOff');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={props.problems} />
        {props.conflict === null ? null : (
          <Banner lang={lang} kind="important" title={text(lang, 'conflictTitle')} isAlert>
            <p class="govuk-notification-banner__heading" data-conflict>
              {props.conflict}
            </p>
          </Banner>
        )}
        <SuccessBanner lang={lang} message={props.successMessage} />
        <h1 class="govuk-heading-l">{text(lang, 'memberTitle', { name: member.displayName })}</h1>

        <h2 class="govuk-heading-m">{text(lang, 'detailsHeading')}</h2>
        <dl class="govuk-summary-list">
          <SummaryRow label={text(lang, 'emailLabel')} valueLang="en">
            {member.email}
          </SummaryRow>
          <SummaryRow label={text(lang, 'roleLabel')}>{roleName(lang, member.role)}</SummaryRow>
          <SummaryRow label={text(lang, 'unitLabel')}>{props.unitName(member.unitCode)}</SummaryRow>
          <SummaryRow label={text(lang, 'statusLabel')}>
            <MemberStatus lang={lang} member={member} />
          </SummaryRow>
          <SummaryRow label={text(lang, 'twoFactorLabel')}>{twoFactor}</SummaryRow>
          <SummaryRow label={text(lang, 'lockLabel')}>
            {member.lockedUntil === null
              ? text(lang, 'notLocked')
              : text(lang, 'lockedUntil', { date: formatPageDateTime(lang, member.lockedUntil) })}
          </SummaryRow>
          <SummaryRow label={text(lang, 'lastSignInLabel')}>
            {member.lastSignInAt === null
              ? text(lang, 'never')
              : formatPageDateTime(lang, member.lastSignInAt)}
          </SummaryRow>
          <SummaryRow label={text(lang, 'createdLabel')}>
            {formatPageDateTime(lang, member.createdAt)}
          </SummaryRow>
        </dl>

        <h2 class="govuk-heading-m" id="role">
          {text(lang, 'roleHeading')}
        </h2>
        <PostForm action={action('role')} csrfToken={props.csrfToken} submit={text(lang, 'saveRoleButton')}>
          <RoleAndUnit
            lang={lang}
            values={props.values}
            problems={props.problems}
            unitChoices={props.unitChoices}
          />
        </PostForm>

        <h2 class="govuk-heading-m">{text(lang, 'accessHeading')}</h2>
        {member.isActive
          ? actionForm('deactivate', 'deactivateHelp', 'deactivateButton', { isWarning: true })
          : actionForm('reactivate', 'reactivateHelp', 'reactivateButton')}
        {member.hasTwoFactor || member.isEnrolling
          ? actionForm('two-factor-reset', 'resetTwoFactorHelp', 'resetTwoFactorButton', {
              isSecondary: true,
            })
          : null}
        {member.lockedUntil === null
          ? null
          : actionForm('lockout-release', 'releaseLockoutHelp', 'releaseLockoutButton', {
              isSecondary: true,
            })}
        <LinkParagraph href={localePath(lang, staffAdminPaths.list)}>
          {text(lang, 'backToList')}
        </LinkParagraph>
      </div>
      <div class="govuk-grid-column-full">
        <ActivityTable
          lang={lang}
          id="sign-ins"
          heading={text(lang, 'signInsHeading')}
          rows={props.activity.signIns}
          auditActions={props.auditActions}
        />
        <ActivityTable
          lang={lang}
          id="actions"
          heading={text(lang, 'actionsHeading')}
          rows={props.activity.actions}
          auditActions={props.auditActions}
        />
      </div>
    </div>
  );
}

function ActivityTable(props: {
  lang: Lang;
  id: string;
  heading: string;
  rows: ActivityRow[];
  auditActions: readonly AuditAction[];
}) {
  const { lang } = props;
  return (
    <section aria-labelledby={`${props.id}-heading`} data-activity={props.id}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.heading}
      </h2>
      <p class="govuk-body-s">{text(lang, 'activityNote')}</p>
      {props.rows.length === 0 ? (
        <p class="govuk-body">{text(lang, 'activityNone')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{props.heading}</caption>
          <TableHead
            columns={[text(lang, 'columnTime'), text(lang, 'columnAction'), text(lang, 'columnIp')]}
          />
          <tbody class="govuk-table__body">
            {props.rows.map((row) => (
              <tr class="govuk-table__row" key={row.id}>
                <td class="govuk-table__cell">{formatPageDateTime(lang, row.occurredAt)}</td>
                <td class="govuk-table__cell" data-action={row.action}>
                  {auditActionLabel(props.auditActions, row.action, lang) ?? <code>{row.action}</code>}
                </td>
                <td class="govuk-table__cell">{row.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

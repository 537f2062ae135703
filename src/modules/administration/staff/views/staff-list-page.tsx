import { roleName } from '../../../../platform/auth/auth-messages.ts';
import { type StaffRole, staffRoles } from '../../../../platform/auth/principal.ts';
import {
  Button,
  type Choice,
  CsrfField,
  ErrorSummary,
  Fieldset,
  Select,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { textLimitOf } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { staffFilterForm } from '../staff-admin-form.ts';
import { type StaffAdminTextKey, staffAdminText as text } from '../staff-admin-messages.ts';
import { type InvitationAction, staffAdminPaths } from '../staff-admin-paths.ts';
import type { PendingInvitation, StaffFilters, StaffListRow } from '../staff-admin-queries.ts';
import { MemberStatus } from './member-status.tsx';

export interface StaffListPageProps {
  lang: Lang;
  csrfToken: string;
  filters: StaffFilters;
  problems: FormProblems;
  result: { rows: StaffListRow[]; total: number; page: number; pageSize: number };
  invitations: PendingInvitation[];
  unitChoices: Choice[];
  unitName: (code: string | null) => string;
  now: Date;
  successMessage: string | null;
}

/** The columns an account and an invitation share, and their cells after the name (a link for an account). */
const personColumns = ['columnName', 'columnEmail', 'columnRole', 'columnUnit'] as const;

function PersonCells(props: {
  lang: Lang;
  person: { email: string; role: StaffRole; unitCode: string | null };
  unitName: (code: string | null) => string;
}) {
  return (
    <>
      <td class="govuk-table__cell" lang="en">
        {props.person.email}
      </td>
      <td class="govuk-table__cell">{roleName(props.lang, props.person.role)}</td>
      <td class="govuk-table__cell">{props.unitName(props.person.unitCode)}</td>
    </>
  );
}

/** A pending invitation's two buttons, each its own form. */
const invitationButtons: {
  action: InvitationAction;
  label: StaffAdminTextKey;
  style: { isSecondary?: boolean; isWarning?: boolean; preventsDoubleClick?: boolean };
}[] = [
  { action: 'resend', label: 'resendButton', style: { isSecondary: true, preventsDoubleClick: true } },
  { action: 'revoke', label: 'revokeButton', style: { isWarning: true } },
];

/** The staff list: search and filters (a GET form), the accounts a page at a time, then pending invitations. */
export function StaffListPage(props: StaffListPageProps) {
  const { lang, filters, result } = props;
  const listPath = localePath(lang, staffAdminPaths.list);
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value !== '') query.set(name, value);
    query.set('page', String(page));
    return `${listPath}?${query.toString()}`;
  };
  const filterSelect = (
    name: Exclude<keyof StaffFilters, 'q'>,
    label: StaffAdminTextKey,
    choices: Choice[],
  ) => (
    <Select
      lang={lang}
      name={name}
      label={text(lang, label)}
      value={filters[name]}
      blank={text(lang, 'anyChoice')}
      problems={props.problems}
      choices={choices}
    />
  );
  const twoChoices = (entries: [string, StaffAdminTextKey][]): Choice[] =>
    entries.map(([value, label]) => ({ value, label: text(lang, label) }));
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.successMessage} />
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      <p class="govuk-body">
        <a class="govuk-button" href={localePath(lang, staffAdminPaths.invite)} draggable={false}>
          {text(lang, 'inviteLink')}
        </a>
      </p>
      <form method="get" action={listPath} novalidate>
        <Fieldset
          lang={lang}
          name="filters"
          legend={text(lang, 'filterHeading')}
          legendClass="govuk-fieldset__legend--m"
        >
          <TextInput
            lang={lang}
            name="q"
            type="search"
            label={text(lang, 'searchLabel')}
            value={filters.q}
            problems={props.problems}
            maxLength={textLimitOf(staffFilterForm, 'q')}
            widthClass="govuk-input--width-20"
          />
          {filterSelect(
            'role',
            'roleFilterLabel',
            staffRoles.map((role) => ({ value: role, label: roleName(lang, role) })),
          )}
          {filterSelect('unit', 'unitFilterLabel', props.unitChoices)}
          {filterSelect(
            'active',
            'activeFilterLabel',
            twoChoices([
              ['yes', 'activeYes'],
              ['no', 'activeNo'],
            ]),
          )}
          {filterSelect(
            'locked',
            'lockedFilterLabel',
            twoChoices([
              ['yes', 'lockedYes'],
              ['no', 'notLocked'],
            ]),
          )}
          {filterSelect(
            'twoFactor',
            'twoFactorFilterLabel',
            twoChoices([
              ['on', 'twoFactorOnChoice'],
              ['off', 'twoFactorOffChoice'],
            ]),
          )}
        </Fieldset>
        <div class="govuk-button-group">
          <Button isSecondary>{text(lang, 'filterButton')}</Button>
          <a class="govuk-link" href={listPath}>
            {text(lang, 'clearFilters')}
          </a>
        </div>
      </form>

      <p class="govuk-body" data-total={result.total}>
        {text(lang, 'resultCount', { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noResults')}</p>
      ) : (
        <table class="govuk-table" data-list="staff">
          <caption class="govuk-table__caption govuk-visually-hidden">{text(lang, 'listTitle')}</caption>
          <TableHead
            columns={([...personColumns, 'columnStatus', 'columnLastSignIn'] as const).map((key) =>
              text(lang, key),
            )}
          />
          <tbody class="govuk-table__body">
            {result.rows.map((row) => (
              <tr class="govuk-table__row" key={row.id} data-staff-id={row.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={localePath(lang, staffAdminPaths.member(row.id))}>
                    {row.displayName}
                  </a>
                </td>
                <PersonCells lang={lang} person={row} unitName={props.unitName} />
                <td class="govuk-table__cell">
                  <MemberStatus lang={lang} member={row} />
                </td>
                <td class="govuk-table__cell">
                  {row.lastSignInAt === null
                    ? text(lang, 'never')
                    : formatPageDateTime(lang, row.lastSignInAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'paginationLabel')}
        page={result.page}
        pageCount={Math.max(1, Math.ceil(result.total / result.pageSize))}
        href={pageLink}
      />

      <h2 class="govuk-heading-m" id="invitations">
        {text(lang, 'invitationsHeading')}
      </h2>
      {props.invitations.length === 0 ? (
        <p class="govuk-body">{text(lang, 'invitationsNone')}</p>
      ) : (
        <table class="govuk-table" data-list="invitations">
          <caption class="govuk-table__caption govuk-visually-hidden">
            {text(lang, 'invitationsHeading')}
          </caption>
          <TableHead
            columns={([...personColumns, 'columnExpires', 'columnInvitationActions'] as const).map((key) =>
              text(lang, key),
            )}
          />
          <tbody class="govuk-table__body">
            {props.invitations.map((invitation) => {
              const isExpired = invitation.expiresAt.getTime() <= props.now.getTime();
              const expires = formatPageDateTime(lang, invitation.expiresAt);
              return (
                <tr class="govuk-table__row" key={invitation.id} data-invitation-id={invitation.id}>
                  <td class="govuk-table__cell">{invitation.displayName}</td>
                  <PersonCells lang={lang} person={invitation} unitName={props.unitName} />
                  <td class="govuk-table__cell" data-expired={isExpired ? 'yes' : 'no'}>
                    {isExpired ? text(lang, 'invitationExpired', { date: expires }) : expires}
                  </td>
                  <td class="govuk-table__cell">
                    <div class="govuk-button-group">
                      {invitationButtons.map(({ action, label, style }) => (
                        <form
                          key={action}
                          method="post"
                          action={localePath(lang, staffAdminPaths.invitationAction(invitation.id, action))}
                          novalidate
                        >
                          <CsrfField token={props.csrfToken} />
                          <Button {...style}>
                            {text(lang, label)}
                            <span class="govuk-visually-hidden">: {invitation.email}</span>
                          </Button>
                        </form>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

import type { AuditAction, StaffArea } from '../composition/app-module.ts';
import {
  Banner,
  Button,
  type Choice,
  ErrorSummary,
  Fieldset,
  Select,
  TextInput,
} from '../web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../web/components/form-page.tsx';
import type { FormProblems } from '../web/components/form-problems.ts';
import { LinkParagraph } from '../web/components/link-paragraph.tsx';
import { Pagination } from '../web/components/pagination.tsx';
import { SummaryRow } from '../web/components/summary-list.tsx';
import { TableHead } from '../web/components/table.tsx';
import { formatPageDate, formatTaipeiDateTime } from '../web/format-date.ts';
import { type Lang, localePath } from '../web/i18n.ts';
import { auditActionLabel } from './audit-actions.ts';
import {
  type AuditFilterValues,
  auditAreas,
  auditCsvPath,
  auditFilterQuery,
  detailParts,
} from './audit-filters.ts';
import { type AuditLogPage, auditExportMaxRows } from './audit-log.ts';
import { authText, roleName } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import type { StaffPrincipal } from './principal.ts';
import { codeForm, signInForm } from './sign-in-form.ts';

/**
 * The pages of staff sign-in, two-factor, staff home and the audit log: the forms kit's controls and
 * problems, GOV.UK Frontend markup, no logic beyond showing what the route hands over.
 */

/** A notice above the form (a session that ended, a setting saved): a labelled region, not an alert. */
function Notice(props: { lang: Lang; id: string; kind: 'success' | 'important'; text: string }) {
  return (
    <Banner
      lang={props.lang}
      id={props.id}
      kind={props.kind}
      title={props.kind === 'important' ? authText(props.lang, 'noticeTitle') : undefined}
      isAlert={false}
    >
      <p class="govuk-notification-banner__heading">{props.text}</p>
    </Banner>
  );
}

/** Where to go after signing in, carried through the steps. */
function ReturnField({ returnPath }: { returnPath: string | null }) {
  return returnPath === null ? null : <input type="hidden" name="return" value={returnPath} />;
}

export interface SignInView {
  lang: Lang;
  csrfToken: string;
  email: string;
  returnPath: string | null;
  problems: FormProblems;
  notice: 'expired' | 'signed-out' | null;
}

export function SignInPage(view: SignInView) {
  const { lang, problems } = view;
  const control = textControls(signInForm, { lang, values: { email: view.email }, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={authText(lang, 'signInTitle')}
      lead={authText(lang, 'signInIntro')}
      notice={
        view.notice === 'expired' && !problems.hasAny ? (
          <Notice lang={lang} id="session-notice" kind="important" text={authText(lang, 'sessionExpired')} />
        ) : view.notice === 'signed-out' && !problems.hasAny ? (
          <Notice lang={lang} id="session-notice" kind="success" text={authText(lang, 'signedOut')} />
        ) : null
      }
    >
      <PostForm
        action={localePath(lang, staffPaths.signIn)}
        csrfToken={view.csrfToken}
        submit={authText(lang, 'signInButton')}
      >
        <ReturnField returnPath={view.returnPath} />
        <TextInput {...control('email')} type="email" autocomplete="username" inputMode="email" />
        <TextInput {...control('password')} type="password" autocomplete="current-password" />
      </PostForm>
    </FormPage>
  );
}

export interface CodeView {
  lang: Lang;
  csrfToken: string;
  returnPath: string | null;
  problems: FormProblems;
}

export function VerifyCodePage(view: CodeView) {
  const { lang, problems } = view;
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={authText(lang, 'verifyTitle')}
      lead={authText(lang, 'verifyIntro')}
    >
      <PostForm
        action={localePath(lang, staffPaths.verify)}
        csrfToken={view.csrfToken}
        submit={authText(lang, 'verifyButton')}
      >
        <ReturnField returnPath={view.returnPath} />
        <CodeField lang={lang} problems={problems} />
      </PostForm>
      <LinkParagraph href={localePath(lang, staffPaths.signIn)}>{authText(lang, 'startAgain')}</LinkParagraph>
    </FormPage>
  );
}

function CodeField({ lang, problems }: { lang: Lang; problems: FormProblems }) {
  return (
    <TextInput
      {...textControls(codeForm, { lang, values: {}, problems })('code')}
      hint={authText(lang, 'codeHint')}
      autocomplete="one-time-code"
      inputMode="numeric"
      widthClass="govuk-input--width-10"
      problems={problems}
    />
  );
}

export type TwoFactorView =
  | { lang: Lang; kind: 'enabled'; enabledAt: Date; justEnabled: boolean }
  | {
      lang: Lang;
      kind: 'pending';
      csrfToken: string;
      email: string;
      groupedSecret: string;
      qrCodeSvg: string;
      isRequiredNow: boolean;
      problems: FormProblems;
    };

export function TwoFactorPage(view: TwoFactorView) {
  const { lang } = view;
  if (view.kind === 'enabled') {
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {view.justEnabled ? (
            <Notice
              lang={lang}
              id="two-factor-notice"
              kind="success"
              text={authText(lang, 'twoFactorDone')}
            />
          ) : null}
          <h1 class="govuk-heading-l">{authText(lang, 'twoFactorTitle')}</h1>
          <p class="govuk-body">
            {authText(lang, 'twoFactorEnabled', {
              date: formatPageDate(lang, formatTaipeiDateTime(view.enabledAt).slice(0, 10)),
            })}
          </p>
          <p class="govuk-body">{authText(lang, 'twoFactorChangeHelp')}</p>
          <LinkParagraph href={localePath(lang, staffPaths.home)}>
            {authText(lang, 'staffHomeTitle')}
          </LinkParagraph>
        </div>
      </div>
    );
  }
  return (
    <FormPage lang={lang} problems={view.problems} title={authText(lang, 'twoFactorTitle')}>
      <div class="govuk-inset-text">
        {authText(lang, view.isRequiredNow ? 'twoFactorRequiredNotice' : 'twoFactorOfferedNotice')}
      </div>
      <ol class="govuk-list govuk-list--number">
        <li>{authText(lang, 'twoFactorStep1')}</li>
        <li>
          {authText(lang, 'twoFactorStep2')}
          {/* The SVG is generated by the qrcode package from our own URI; it carries no script or style. */}
          <div class="app-qr-code-frame" dangerouslySetInnerHTML={{ __html: view.qrCodeSvg }} />
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{authText(lang, 'twoFactorManualHeading')}</span>
            </summary>
            <div class="govuk-details__text">
              <p class="govuk-body">{authText(lang, 'twoFactorManualHelp', { email: view.email })}</p>
              <p class="govuk-body">
                <code class="app-setup-key" lang="en">
                  {view.groupedSecret}
                </code>
              </p>
            </div>
          </details>
        </li>
        <li>{authText(lang, 'twoFactorStep3')}</li>
      </ol>
      <PostForm
        action={localePath(lang, staffPaths.twoFactor)}
        csrfToken={view.csrfToken}
        submit={authText(lang, 'twoFactorConfirmButton')}
      >
        <CodeField lang={lang} problems={view.problems} />
      </PostForm>
      {view.isRequiredNow ? null : (
        // Optional for every role but admin: offered (after accepting an invitation too), never forced.
        <LinkParagraph href={localePath(lang, staffPaths.home)}>
          {authText(lang, 'twoFactorSkip')}
        </LinkParagraph>
      )}
    </FormPage>
  );
}

export interface StaffHomeView {
  lang: Lang;
  staff: StaffPrincipal;
  unitName: string | null;
  areas: StaffArea[];
}

export function StaffHomePage(view: StaffHomeView) {
  const { lang, staff } = view;
  return (
    <>
      <h1 class="govuk-heading-l">{authText(lang, 'staffHomeTitle')}</h1>
      <p class="govuk-body-l">{authText(lang, 'signedInAs', { name: staff.displayName })}</p>
      <dl class="govuk-summary-list">
        <SummaryRow label={authText(lang, 'roleLabel')}>{roleName(lang, staff.role)}</SummaryRow>
        <SummaryRow label={authText(lang, 'unitLabel')}>
          {view.unitName ?? authText(lang, 'noUnit')}
        </SummaryRow>
        <SummaryRow label={authText(lang, 'emailRow')}>{staff.email}</SummaryRow>
        <SummaryRow label={authText(lang, 'twoFactorRow')}>
          {authText(lang, staff.hasTotp ? 'twoFactorOn' : 'twoFactorOff')}{' '}
          <a class="govuk-link" href={localePath(lang, staffPaths.twoFactor)}>
            {authText(lang, 'twoFactorLink')}
          </a>
        </SummaryRow>
      </dl>
      <h2 class="govuk-heading-m">{authText(lang, 'areasHeading')}</h2>
      <ul class="govuk-list govuk-list--spaced">
        {view.areas.map((area) => (
          <li key={area.id} data-area={area.id}>
            {area.path === null ? (
              <>
                {area.label[lang]}{' '}
                <strong class="govuk-tag govuk-tag--grey">{authText(lang, 'comingSoon')}</strong>
              </>
            ) : (
              <a class="govuk-link" href={localePath(lang, area.path)}>
                {area.label[lang]}
              </a>
            )}
          </li>
        ))}
      </ul>
      <p class="govuk-body">{authText(lang, 'areasComingNote')}</p>
    </>
  );
}

export interface AuditLogView {
  lang: Lang;
  result: AuditLogPage;
  /** The filters as typed, shown again. */
  values: AuditFilterValues;
  problems: FormProblems;
  /** Every action the platform and the modules record, with its label (the registry's). */
  actions: readonly AuditAction[];
}

/** The filter's choices: every known action by its label (its code beside it), and the one asked for. */
function actionChoices(lang: Lang, actions: readonly AuditAction[], asked: string): Choice[] {
  const choices = actions.map((known) => ({
    value: known.action,
    label: authText(lang, 'auditActionChoice', { label: known.label[lang], action: known.action }),
  }));
  // An action no module lists any more (an older release's) can still be asked for by its code.
  if (asked !== '' && !actions.some((known) => known.action === asked))
    choices.push({ value: asked, label: asked });
  return choices;
}

/** A row's details: a change's fields before and after, then anything else as compact JSON. */
function AuditDetails({ lang, details }: { lang: Lang; details: Record<string, unknown> }) {
  const { changes, rest } = detailParts(details);
  return (
    <>
      {changes.length === 0 ? null : (
        <dl class="govuk-body-s">
          {changes.map((change) => (
            <div key={change.key}>
              <dt>
                <code>{change.key}</code>
              </dt>
              <dd>
                {authText(lang, 'auditDetailBefore')}: <code>{change.before}</code>
                <br />
                {authText(lang, 'auditDetailAfter')}: <code>{change.after}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {rest === '' ? null : <code>{rest}</code>}
    </>
  );
}

export function AuditLogPageView(view: AuditLogView) {
  const { lang, result, values, problems } = view;
  const filterQuery = auditFilterQuery(values);
  const pageLink = (page: number) => {
    const query = new URLSearchParams(filterQuery);
    query.set('page', String(page));
    return `${localePath(lang, staffPaths.audit)}?${query.toString()}`;
  };
  const exportLink = `${localePath(lang, auditCsvPath)}${filterQuery.size > 0 ? `?${filterQuery.toString()}` : ''}`;
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <h1 class="govuk-heading-l">{authText(lang, 'auditTitle')}</h1>
      <form method="get" action={localePath(lang, staffPaths.audit)}>
        <Fieldset lang={lang} name="filters" legend={authText(lang, 'auditFilterHeading')}>
          <Select
            lang={lang}
            name="action"
            label={authText(lang, 'auditActionLabel')}
            value={values.action}
            blank={authText(lang, 'auditAnyAction')}
            choices={actionChoices(lang, view.actions, values.action)}
            problems={problems}
          />
          <Select
            lang={lang}
            name="area"
            label={authText(lang, 'auditAreaLabel')}
            value={values.area}
            blank={authText(lang, 'auditAnyArea')}
            choices={auditAreas(view.actions).map((area) => ({ value: area, label: area }))}
            problems={problems}
          />
          <TextInput
            lang={lang}
            name="actor"
            label={authText(lang, 'auditActorLabel')}
            hint={authText(lang, 'auditActorHint')}
            value={values.actor}
            widthClass="govuk-input--width-20"
            problems={problems}
          />
          <TextInput
            lang={lang}
            name="from"
            label={authText(lang, 'auditFromLabel')}
            hint={authText(lang, 'auditDateHint')}
            value={values.from}
            widthClass="govuk-input--width-10"
            problems={problems}
          />
          <TextInput
            lang={lang}
            name="to"
            label={authText(lang, 'auditToLabel')}
            hint={authText(lang, 'auditDateHint')}
            value={values.to}
            widthClass="govuk-input--width-10"
            problems={problems}
          />
        </Fieldset>
        <div class="govuk-button-group">
          <Button isSecondary>{authText(lang, 'auditFilterButton')}</Button>
          <a class="govuk-link" href={localePath(lang, staffPaths.audit)}>
            {authText(lang, 'auditClearFilters')}
          </a>
        </div>
      </form>
      {problems.hasAny ? null : (
        <LinkParagraph href={exportLink}>
          {authText(lang, 'auditExportLink', { max: auditExportMaxRows })}
        </LinkParagraph>
      )}
      {result.rows.length === 0 ? (
        <p class="govuk-body">{authText(lang, 'auditEmpty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            {authText(lang, 'auditPageLabel', { page: result.page })}
          </caption>
          <TableHead
            columns={(
              [
                'auditColumnTime',
                'auditColumnActor',
                'auditColumnAction',
                'auditColumnTarget',
                'auditColumnIp',
                'auditColumnDetails',
              ] as const
            ).map((key) => authText(lang, key))}
          />
          <tbody class="govuk-table__body">
            {result.rows.map((row) => {
              const label = auditActionLabel(view.actions, row.action, lang);
              return (
                <tr class="govuk-table__row" key={row.id}>
                  <td class="govuk-table__cell">{formatTaipeiDateTime(row.occurredAt)}</td>
                  <td class="govuk-table__cell">{row.actorLabel}</td>
                  <td class="govuk-table__cell" data-action={row.action}>
                    {label === null ? null : (
                      <>
                        {label}
                        <br />
                      </>
                    )}
                    <code>{row.action}</code>
                  </td>
                  <td class="govuk-table__cell">
                    {row.targetType ? `${row.targetType} ${row.targetId ?? ''}` : ''}
                  </td>
                  <td class="govuk-table__cell">{row.ip ?? ''}</td>
                  <td class="govuk-table__cell">
                    <AuditDetails lang={lang} details={row.details} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination lang={lang} page={result.page} hasNextPage={result.hasNextPage} href={pageLink} />
    </>
  );
}

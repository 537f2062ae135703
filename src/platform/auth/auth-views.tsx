import type { ComponentChildren } from 'preact';
import { csrfFieldName } from '../http/csrf.ts';
import type { StaffArea } from '../modules/app-module.ts';
import { ErrorMessage, Hint, ErrorSummary as SharedErrorSummary } from '../web/components/form-parts.tsx';
import { Pagination } from '../web/components/pagination.tsx';
import { formatPageDate } from '../web/format-date.ts';
import { type Lang, localePath } from '../web/i18n.ts';
import type { AuditLogPage } from './audit-log.ts';
import { type AuthTextKey, authText, roleName } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import type { StaffPrincipal } from './principal.ts';

/**
 * The pages of staff sign-in, two-factor, staff home and the audit log: GOV.UK Frontend markup, no
 * logic beyond showing what the route hands over.
 */

export interface FieldError {
  /** The input's id, which the error summary links to. */
  field: string;
  message: string;
}

function ErrorSummary({ lang, errors }: { lang: Lang; errors: FieldError[] }) {
  return (
    <SharedErrorSummary
      title={authText(lang, 'errorSummaryTitle')}
      problems={errors.map((error) => ({ target: error.field, message: error.message }))}
    />
  );
}

function Notice({
  id,
  title,
  text,
  isSuccess = false,
}: {
  id: string;
  title: string;
  text: string;
  isSuccess?: boolean;
}) {
  return (
    <section
      class={`govuk-notification-banner${isSuccess ? ' govuk-notification-banner--success' : ''}`}
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{text}</p>
      </div>
    </section>
  );
}

interface TextFieldProps {
  lang: Lang;
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  hint?: string;
  error?: string | undefined;
  autocomplete: string;
  inputMode?: 'numeric' | 'email';
  widthClass?: string;
}

function TextField(props: TextFieldProps) {
  const describedBy = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} prefix={authText(props.lang, 'errorPrefix')} message={props.error} />
      <input
        class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${props.error ? ' govuk-input--error' : ''}`}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        spellcheck={false}
        inputMode={props.inputMode}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
    </div>
  );
}

function HiddenFields({ csrfToken, returnPath }: { csrfToken: string; returnPath: string | null }) {
  return (
    <>
      <input type="hidden" name={csrfFieldName} value={csrfToken} />
      {returnPath === null ? null : <input type="hidden" name="return" value={returnPath} />}
    </>
  );
}

function fieldError(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

export interface SignInView {
  lang: Lang;
  csrfToken: string;
  email: string;
  returnPath: string | null;
  errors: FieldError[];
  notice: 'expired' | 'signed-out' | null;
}

export function SignInPage(view: SignInView) {
  const { lang, errors } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} errors={errors} />
        {view.notice === 'expired' && errors.length === 0 ? (
          <Notice
            id="session-notice"
            title={authText(lang, 'noticeTitle')}
            text={authText(lang, 'sessionExpired')}
          />
        ) : null}
        {view.notice === 'signed-out' && errors.length === 0 ? (
          <Notice
            id="session-notice"
            title={authText(lang, 'successTitle')}
            text={authText(lang, 'signedOut')}
            isSuccess
          />
        ) : null}
        <h1 class="govuk-heading-l">{authText(lang, 'signInTitle')}</h1>
        <p class="govuk-body">{authText(lang, 'signInIntro')}</p>
        <form method="post" action={localePath(lang, staffPaths.signIn)} novalidate>
          <HiddenFields csrfToken={view.csrfToken} returnPath={view.returnPath} />
          <TextField
            lang={lang}
            id="email"
            label={authText(lang, 'emailLabel')}
            type="email"
            value={view.email}
            error={fieldError(errors, 'email')}
            autocomplete="username"
            inputMode="email"
          />
          <TextField
            lang={lang}
            id="password"
            label={authText(lang, 'passwordLabel')}
            type="password"
            error={fieldError(errors, 'password')}
            autocomplete="current-password"
          />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {authText(lang, 'signInButton')}
          </button>
        </form>
      </div>
    </div>
  );
}

export interface CodeView {
  lang: Lang;
  csrfToken: string;
  returnPath: string | null;
  errors: FieldError[];
}

export function VerifyCodePage(view: CodeView) {
  const { lang, errors } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} errors={errors} />
        <h1 class="govuk-heading-l">{authText(lang, 'verifyTitle')}</h1>
        <p class="govuk-body">{authText(lang, 'verifyIntro')}</p>
        <form method="post" action={localePath(lang, staffPaths.verify)} novalidate>
          <HiddenFields csrfToken={view.csrfToken} returnPath={view.returnPath} />
          <CodeField lang={lang} error={fieldError(errors, 'code')} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {authText(lang, 'verifyButton')}
          </button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, staffPaths.signIn)}>
            {authText(lang, 'startAgain')}
          </a>
        </p>
      </div>
    </div>
  );
}

function CodeField({ lang, error }: { lang: Lang; error: string | undefined }) {
  return (
    <TextField
      lang={lang}
      id="code"
      label={authText(lang, 'codeLabel')}
      hint={authText(lang, 'codeHint')}
      error={error}
      autocomplete="one-time-code"
      inputMode="numeric"
      widthClass="govuk-input--width-10"
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
      errors: FieldError[];
    };

export function TwoFactorPage(view: TwoFactorView) {
  const { lang } = view;
  if (view.kind === 'enabled') {
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {view.justEnabled ? (
            <Notice
              id="two-factor-notice"
              title={authText(lang, 'successTitle')}
              text={authText(lang, 'twoFactorDone')}
              isSuccess
            />
          ) : null}
          <h1 class="govuk-heading-l">{authText(lang, 'twoFactorTitle')}</h1>
          <p class="govuk-body">
            {authText(lang, 'twoFactorEnabled', {
              date: formatPageDate(lang, formatTaipeiDateTime(view.enabledAt).slice(0, 10)),
            })}
          </p>
          <p class="govuk-body">{authText(lang, 'twoFactorChangeHelp')}</p>
          <p class="govuk-body">
            <a class="govuk-link" href={localePath(lang, staffPaths.home)}>
              {authText(lang, 'staffHomeTitle')}
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} errors={view.errors} />
        <h1 class="govuk-heading-l">{authText(lang, 'twoFactorTitle')}</h1>
        {view.isRequiredNow ? (
          <div class="govuk-inset-text">{authText(lang, 'twoFactorRequiredNotice')}</div>
        ) : null}
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
        <form method="post" action={localePath(lang, staffPaths.twoFactor)} novalidate>
          <HiddenFields csrfToken={view.csrfToken} returnPath={null} />
          <CodeField lang={lang} error={fieldError(view.errors, 'code')} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {authText(lang, 'twoFactorConfirmButton')}
          </button>
        </form>
      </div>
    </div>
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

function SummaryRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export interface AuditLogView {
  lang: Lang;
  result: AuditLogPage;
  action: string;
  actor: string;
}

export function AuditLogPageView(view: AuditLogView) {
  const { lang, result } = view;
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    if (view.action) query.set('action', view.action);
    if (view.actor) query.set('actor', view.actor);
    query.set('page', String(page));
    return `${localePath(lang, staffPaths.audit)}?${query.toString()}`;
  };
  const column = (key: AuthTextKey) => (
    <th scope="col" class="govuk-table__header">
      {authText(lang, key)}
    </th>
  );
  return (
    <>
      <h1 class="govuk-heading-l">{authText(lang, 'auditTitle')}</h1>
      <form method="get" action={localePath(lang, staffPaths.audit)}>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            {authText(lang, 'auditFilterHeading')}
          </legend>
          <TextField
            lang={lang}
            id="action"
            label={authText(lang, 'auditActionLabel')}
            hint={authText(lang, 'auditActionHint')}
            value={view.action}
            autocomplete="off"
            widthClass="govuk-input--width-20"
          />
          <TextField
            lang={lang}
            id="actor"
            label={authText(lang, 'auditActorLabel')}
            hint={authText(lang, 'auditActorHint')}
            value={view.actor}
            autocomplete="off"
            widthClass="govuk-input--width-20"
          />
        </fieldset>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {authText(lang, 'auditFilterButton')}
          </button>
          <a class="govuk-link" href={localePath(lang, staffPaths.audit)}>
            {authText(lang, 'auditClearFilters')}
          </a>
        </div>
      </form>
      {result.rows.length === 0 ? (
        <p class="govuk-body">{authText(lang, 'auditEmpty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            {authText(lang, 'auditPageLabel', { page: result.page })}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              {column('auditColumnTime')}
              {column('auditColumnActor')}
              {column('auditColumnAction')}
              {column('auditColumnTarget')}
              {column('auditColumnIp')}
              {column('auditColumnDetails')}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {result.rows.map((row) => (
              <tr class="govuk-table__row" key={row.id}>
                <td class="govuk-table__cell">{formatTaipeiDateTime(row.occurredAt)}</td>
                <td class="govuk-table__cell">{row.actorLabel}</td>
                <td class="govuk-table__cell">
                  <code>{row.action}</code>
                </td>
                <td class="govuk-table__cell">
                  {row.targetType ? `${row.targetType} ${row.targetId ?? ''}` : ''}
                </td>
                <td class="govuk-table__cell">{row.ip ?? ''}</td>
                <td class="govuk-table__cell">
                  <code>{Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination lang={lang} page={result.page} hasNextPage={result.hasNextPage} href={pageLink} />
    </>
  );
}

const taipeiDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 西元 date and time in Asia/Taipei, ISO-like ('2026-03-02 10:00:00'): the staff console's format. */
export function formatTaipeiDateTime(date: Date): string {
  return taipeiDateTime.format(date);
}

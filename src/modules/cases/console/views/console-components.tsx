import type { ComponentChildren } from 'preact';
import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { csrfFieldName } from '../../../../platform/http/csrf.ts';
import {
  ErrorMessage,
  Hint,
  ErrorSummary as SharedErrorSummary,
} from '../../../../platform/web/components/form-parts.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { type DeadlineStatus, deadlineStatusLabels } from '../../core/case-deadline.ts';
import { casePaths } from '../../core/case-paths.ts';
import { type CaseState, stateLabels } from '../../core/case-workflow.ts';
import { consoleText as text } from '../console-messages.ts';

/**
 * GOV.UK Frontend pieces shared by the console's pages: banners, the error summary, tags that say their
 * meaning in words as well as colour, form controls tied to their hints and errors, pagination.
 */

/** A problem shown in the error summary, linking to the input it is about. */
export interface ShownProblem {
  /** The id of the input (or section) the summary links to. */
  target: string;
  message: string;
}

export function ErrorSummary({ lang, problems }: { lang: Lang; problems: readonly ShownProblem[] }) {
  return <SharedErrorSummary title={text(lang, 'errorSummaryTitle')} problems={problems} />;
}

export function Banner({
  id,
  title,
  kind,
  isAlert = kind === 'success',
  children,
}: {
  id: string;
  title: string;
  kind: 'success' | 'important';
  /** Announced at once (a result or a conflict); otherwise a labelled region. */
  isAlert?: boolean;
  children: ComponentChildren;
}) {
  const className = `govuk-notification-banner${kind === 'success' ? ' govuk-notification-banner--success' : ''}`;
  const content = (
    <>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">{children}</div>
    </>
  );
  return isAlert ? (
    <div
      class={className}
      role="alert"
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
      id={id}
    >
      {content}
    </div>
  ) : (
    <section
      class={className}
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
      id={id}
    >
      {content}
    </section>
  );
}

const statusColours: Readonly<Record<DeadlineStatus, string>> = {
  on_track: 'govuk-tag--green',
  at_risk: 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
  paused: 'govuk-tag--grey',
  finished: 'govuk-tag--blue',
};

/** The deadline status: colour and words, never colour alone. */
export function StatusTag({ lang, status }: { lang: Lang; status: DeadlineStatus }) {
  const label = deadlineStatusLabels[status];
  return (
    <strong class={`govuk-tag ${statusColours[status]}`} data-status={status}>
      {lang === 'en' ? label.en : label.zh}
    </strong>
  );
}

export function stateName(lang: Lang, state: CaseState): string {
  return lang === 'en' ? stateLabels[state].en : stateLabels[state].zh;
}

export function SummaryRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={csrfFieldName} value={token} />;
}

interface ControlProps {
  lang: Lang;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  isOptional?: boolean;
  labelClass?: string;
}

function describedBy(props: ControlProps): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(
    (part) => part !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Label(props: ControlProps) {
  return (
    <label class={`govuk-label${props.labelClass ? ` ${props.labelClass}` : ''}`} for={props.id}>
      {props.isOptional ? `${props.label}${text(props.lang, 'optional')}` : props.label}
    </label>
  );
}

function HintAndError(props: ControlProps) {
  return (
    <>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} prefix={text(props.lang, 'errorPrefix')} message={props.error} />
    </>
  );
}

function groupClass(error: string | undefined): string {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

export function TextInput(
  props: ControlProps & {
    value: string;
    widthClass?: string;
    inputMode?: 'numeric' | 'tel';
    type?: 'text' | 'search' | 'tel';
  },
) {
  return (
    <div class={groupClass(props.error)}>
      <Label {...props} />
      <HintAndError {...props} />
      <input
        class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${props.error ? ' govuk-input--error' : ''}`}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        inputMode={props.inputMode}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={describedBy(props)}
      />
    </div>
  );
}

export function TextArea(props: ControlProps & { value: string; rows?: number }) {
  return (
    <div class={groupClass(props.error)}>
      <Label {...props} />
      <HintAndError {...props} />
      <textarea
        class={`govuk-textarea${props.error ? ' govuk-textarea--error' : ''}`}
        id={props.id}
        name={props.name}
        rows={props.rows ?? 3}
        aria-describedby={describedBy(props)}
      >
        {props.value}
      </textarea>
    </div>
  );
}

export interface Choice {
  value: string;
  text: string;
}

export function Select(props: ControlProps & { value: string; choices: readonly Choice[]; blank?: string }) {
  return (
    <div class={groupClass(props.error)}>
      <Label {...props} />
      <HintAndError {...props} />
      <select
        class={`govuk-select${props.error ? ' govuk-select--error' : ''}`}
        id={props.id}
        name={props.name}
        aria-describedby={describedBy(props)}
      >
        {props.blank === undefined ? null : (
          <option value="" selected={props.value === ''}>
            {props.blank}
          </option>
        )}
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={choice.value === props.value}>
            {choice.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Links between the console's pages that this role may open; the current one is marked. */
export function ConsoleNav({ lang, role, current }: { lang: Lang; role: StaffRole; current: string }) {
  const links: { path: string; label: string }[] = [];
  if (role === 'handler') links.push({ path: casePaths.myQueue, label: text(lang, 'myQueueLink') });
  if (role === 'handler' || role === 'supervisor' || role === 'secretariat')
    links.push({ path: casePaths.unitQueue, label: text(lang, 'unitQueueLink') });
  if (role === 'supervisor' || role === 'secretariat')
    links.push({ path: casePaths.supervision, label: text(lang, 'supervisionLink') });
  if (role !== 'admin' && role !== 'web_editor')
    links.push({ path: casePaths.lookup, label: text(lang, 'lookupLink') });
  if (links.length === 0) return null;
  return (
    <nav aria-label={text(lang, 'queueNavLabel')} class="govuk-!-margin-bottom-6">
      <ul class="govuk-list govuk-!-margin-bottom-0">
        {links.map((link) => (
          <li key={link.path} class="govuk-!-display-inline-block govuk-!-margin-right-4">
            <a
              class="govuk-link"
              href={localePath(lang, link.path)}
              aria-current={link.path === current ? 'page' : undefined}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

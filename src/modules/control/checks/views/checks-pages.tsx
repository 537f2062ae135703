import { withCsrfQuery } from '../../../../platform/http/csrf.ts';
import { Hint } from '../../../../platform/web/components/form-parts.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { formatDateTime, type UnitName } from '../../shared/control-format.ts';
import {
  type Choice,
  Choices,
  CsrfField,
  ErrorSummary,
  EvidenceRemovalLink,
  type ProblemsByInput,
  problemsByInput,
  ScopedField,
  type ShownProblem,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../shared/evidence-removal.tsx';
import { checksText as text } from '../checks-messages.ts';
import { actionAnchor, checksPaths } from '../checks-paths.ts';
import type { CheckFieldChange } from '../checks-schema.ts';
import {
  type ActionState,
  actionRows,
  type CheckAction,
  type CheckFilter,
  type CheckForm,
  type CheckRevision,
  type CheckView,
  checkKinds,
  type FollowUpForm,
} from '../checks-service.ts';

/** The pages of 陸、管制查考: the list of checks, one check, the new-check form and a unit's own page. */

type UnitNames = ReadonlyMap<string, UnitName>;

export function unitLabel(unitNames: UnitNames, code: string, lang: Lang): string {
  const unit = unitNames.get(code);
  if (!unit) return code;
  return lang === 'en' ? unit.nameEn : unit.nameZh;
}

export function checkTitle(lang: Lang, check: CheckView, unitNames: UnitNames): string {
  return text(lang, 'checkTitle', {
    kind: text(lang, `kind_${check.kind}`),
    unit: unitLabel(unitNames, check.unitCode, lang),
    date: formatPageDate(lang, check.checkDate),
  });
}

const stateTagClass: Record<ActionState, string> = {
  open: 'govuk-tag govuk-tag--blue',
  done: 'govuk-tag govuk-tag--green',
  overdue: 'govuk-tag govuk-tag--red',
};

function StateTag({ lang, state }: { lang: Lang; state: ActionState }) {
  return <strong class={stateTagClass[state]}>{text(lang, `state_${state}`)}</strong>;
}

function Select(props: {
  lang: Lang;
  name: string;
  label: string;
  hint?: string;
  value: string;
  options: readonly Choice[];
  problems: ProblemsByInput;
}) {
  const messages = props.problems.get(props.name) ?? [];
  const hasError = messages.length > 0;
  const described = [props.hint ? `${props.name}-hint` : null, hasError ? `${props.name}-error` : null]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div class={`govuk-form-group${hasError ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={props.name}>
        {props.label}
      </label>
      <Hint id={props.name} hint={props.hint} />
      {hasError ? (
        <p id={`${props.name}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">{props.lang === 'en' ? 'Error:' : '錯誤：'}</span>{' '}
          {messages.join(' ')}
        </p>
      ) : null}
      <select
        class={`govuk-select${hasError ? ' govuk-select--error' : ''}`}
        id={props.name}
        name={props.name}
        aria-describedby={described === '' ? undefined : described}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function unitChoices(unitNames: UnitNames, lang: Lang): Choice[] {
  return [...unitNames.values()].map((unit) => ({
    value: unit.code,
    label: lang === 'en' ? unit.nameEn : unit.nameZh,
  }));
}

function kindChoices(lang: Lang): Choice[] {
  return checkKinds.map((kind) => ({ value: kind, label: text(lang, `kind_${kind}`) }));
}

function actionsSummary(lang: Lang, check: CheckView): string {
  if (check.actions.length === 0) return text(lang, 'noActions');
  return text(lang, 'actionsSummary', {
    total: check.actions.length,
    open: check.actions.filter((action) => action.state !== 'done').length,
    overdue: check.actions.filter((action) => action.state === 'overdue').length,
  });
}

/** The table of checks, shared by the secretariat's list and a unit's page. */
function ChecksTable({ lang, checks, unitNames }: { lang: Lang; checks: CheckView[]; unitNames: UnitNames }) {
  if (checks.length === 0) return <p class="govuk-body">{text(lang, 'listEmpty')}</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{text(lang, 'listCaption')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {(
            ['colDate', 'colUnit', 'colOrigin', 'colKind', 'colSubject', 'colScore', 'colActions'] as const
          ).map((key) => (
            <th key={key} scope="col" class="govuk-table__header">
              {text(lang, key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {checks.map((check) => (
          <tr key={check.id} class="govuk-table__row">
            <td class="govuk-table__cell">
              <a class="govuk-link" href={localePath(lang, checksPaths.check(check.id))}>
                {formatPageDate(lang, check.checkDate)}
              </a>
            </td>
            <td class="govuk-table__cell">{unitLabel(unitNames, check.unitCode, lang)}</td>
            <td class="govuk-table__cell">
              {text(lang, `origin_${check.origin}`)}
              {check.status === 'draft' ? `（${text(lang, 'status_draft')}）` : ''}
            </td>
            <td class="govuk-table__cell">{text(lang, `kind_${check.kind}`)}</td>
            <td class="govuk-table__cell">{check.subject}</td>
            <td class="govuk-table__cell">{check.score === null ? text(lang, 'noScore') : check.score}</td>
            <td class="govuk-table__cell">{actionsSummary(lang, check)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ListFilterForm {
  year: string;
  unitCode: string;
  kind: string;
  actions: string;
}

export function ChecksListPage(props: {
  lang: Lang;
  checks: CheckView[];
  unitNames: UnitNames;
  filter: ListFilterForm;
  years: number[];
  mayRecord: boolean;
}) {
  const { lang, filter } = props;
  const none = new Map<string, readonly string[]>();
  const all = { value: '', label: text(lang, 'filterAll') };
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      {props.mayRecord ? (
        <p class="govuk-body">
          <a class="govuk-button" href={localePath(lang, checksPaths.newCheck)}>
            {text(lang, 'newCheckLink')}
          </a>
        </p>
      ) : null}
      <form method="get" action={localePath(lang, checksPaths.list)} class="ow-checks-filter">
        <h2 class="govuk-heading-m">{text(lang, 'filterHeading')}</h2>
        <Select
          lang={lang}
          name="year"
          label={text(lang, 'filterYear')}
          value={filter.year}
          options={[all, ...props.years.map((year) => ({ value: String(year), label: String(year) }))]}
          problems={none}
        />
        <Select
          lang={lang}
          name="unit"
          label={text(lang, 'filterUnit')}
          value={filter.unitCode}
          options={[all, ...unitChoices(props.unitNames, lang)]}
          problems={none}
        />
        <Select
          lang={lang}
          name="kind"
          label={text(lang, 'filterKind')}
          value={filter.kind}
          options={[all, ...kindChoices(lang)]}
          problems={none}
        />
        <Select
          lang={lang}
          name="actions"
          label={text(lang, 'filterActions')}
          value={filter.actions}
          options={[
            all,
            { value: 'open', label: text(lang, 'filterOpen') },
            { value: 'overdue', label: text(lang, 'filterOverdue') },
          ]}
          problems={none}
        />
        <button type="submit" class="govuk-button govuk-button--secondary">
          {text(lang, 'filterSubmit')}
        </button>
      </form>
      <ChecksTable lang={lang} checks={props.checks} unitNames={props.unitNames} />
    </>
  );
}

/** Which forms the signed-in member sees on a check's page. */
export interface CheckPermissions {
  confirm: boolean;
  revise: boolean;
  followUp: ReadonlySet<string>;
  close: ReadonlySet<string>;
  /** Actions whose follow-up evidence the reader may remove. */
  removeEvidence: ReadonlySet<string>;
}

function ActionSection(props: {
  lang: Lang;
  check: CheckView;
  action: CheckAction;
  unitNames: UnitNames;
  csrfToken: string;
  permissions: CheckPermissions;
  followUpForm: { actionId: string; form: FollowUpForm; problems: ShownProblem[] } | null;
}) {
  const { lang, check, action } = props;
  const n = action.ordinal;
  const mine = props.followUpForm?.actionId === action.id ? props.followUpForm : null;
  const problems = problemsByInput(mine?.problems ?? []);
  return (
    <section id={actionAnchor(action.id)} class="govuk-!-margin-bottom-8">
      <h3 class="govuk-heading-s">{text(lang, 'actionHeading', { n })}</h3>
      <p class="govuk-body">{action.description}</p>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'actionDeadline')}</dt>
          <dd class="govuk-summary-list__value">{formatPageDate(lang, action.deadline)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'actionUnit')}</dt>
          <dd class="govuk-summary-list__value">{unitLabel(props.unitNames, action.unitCode, lang)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'actionState')}</dt>
          <dd class="govuk-summary-list__value">
            <StateTag lang={lang} state={action.state} />
            {action.closedAt !== null ? (
              <>
                {' '}
                {text(lang, 'closedOn', {
                  date: formatDateTime(lang, action.closedAt),
                  name: action.closedByName ?? '',
                })}
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {action.followUps.length === 0 ? (
        <p class="govuk-body">{text(lang, 'followUpsEmpty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            {text(lang, 'followUpsCaption', { n })}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colFollowUpDate')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colFollowUpNote')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colFollowUpEvidence')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colFollowUpBy')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {action.followUps.map((entry) => (
              <tr key={entry.id} class="govuk-table__row">
                <td class="govuk-table__cell">{formatPageDate(lang, entry.entryDate)}</td>
                <td class="govuk-table__cell">{entry.note}</td>
                <td class="govuk-table__cell">
                  {entry.evidence.length === 0 ? (
                    text(lang, 'noEvidence')
                  ) : (
                    <ul class="govuk-list">
                      {entry.evidence.map((file) => (
                        <li key={file.id}>
                          <a
                            class="govuk-link"
                            href={localePath(lang, checksPaths.evidence(check.id, file.id))}
                          >
                            {file.fileName}
                          </a>
                          {props.permissions.removeEvidence.has(action.id) ? (
                            <>
                              {' '}
                              <EvidenceRemovalLink
                                lang={lang}
                                href={localePath(lang, checksPaths.removeEvidence(check.id, file.id))}
                                name={file.fileName ?? ''}
                              />
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td class="govuk-table__cell">{entry.createdByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.permissions.followUp.has(action.id) ? (
        <form
          method="post"
          action={withCsrfQuery(
            localePath(lang, checksPaths.followUps(check.id, action.id)),
            props.csrfToken,
          )}
          enctype="multipart/form-data"
          novalidate
        >
          <CsrfField token={props.csrfToken} />
          <h4 class="govuk-heading-s">{text(lang, 'followUpFormHeading', { n })}</h4>
          <ScopedField
            lang={lang}
            kind="input"
            name="entryDate"
            id={`entryDate-${action.id}`}
            label={text(lang, 'followUpDateLabel')}
            hint={text(lang, 'dateHint')}
            value={mine?.form.entryDate ?? ''}
            problems={problems}
          />
          <ScopedField
            lang={lang}
            kind="textarea"
            name="note"
            id={`note-${action.id}`}
            label={text(lang, 'followUpNoteLabel')}
            value={mine?.form.note ?? ''}
            problems={problems}
          />
          <ScopedField
            lang={lang}
            kind="file"
            name="evidence"
            id={`evidence-${action.id}`}
            label={text(lang, 'evidenceLabel')}
            hint={text(lang, 'evidenceHint')}
            value=""
            problems={problems}
          />
          <button type="submit" class="govuk-button govuk-button--secondary">
            {text(lang, 'followUpSubmit')}
          </button>
        </form>
      ) : null}
      {props.permissions.close.has(action.id) ? (
        <form method="post" action={localePath(lang, checksPaths.close(check.id, action.id))}>
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="govuk-button govuk-button--warning">
            {text(lang, 'closeButton', { n })}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function CheckPage(props: {
  lang: Lang;
  check: CheckView;
  unitNames: UnitNames;
  csrfToken: string;
  permissions: CheckPermissions;
  notice: string | null;
  problems: ShownProblem[];
  followUpForm: { actionId: string; form: FollowUpForm } | null;
  revisions: readonly CheckRevision[];
}) {
  const { lang, check } = props;
  const row = (label: string, value: string | number) => (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <>
      {props.problems.length > 0 ? <ErrorSummary lang={lang} problems={props.problems} /> : null}
      <SuccessBanner lang={lang} message={props.notice} />
      <span class="govuk-caption-l">{text(lang, `origin_${check.origin}`)}</span>
      <h1 class="govuk-heading-l">{checkTitle(lang, check, props.unitNames)}</h1>
      <dl class="govuk-summary-list">
        {row(text(lang, 'checkDateLabel'), formatPageDate(lang, check.checkDate))}
        {row(text(lang, 'unitLabel'), unitLabel(props.unitNames, check.unitCode, lang))}
        {row(text(lang, 'kindLabel'), text(lang, `kind_${check.kind}`))}
        {row(text(lang, 'subjectLabel'), check.subject)}
        {row(text(lang, 'colScore'), check.score === null ? text(lang, 'noScore') : check.score)}
        {row(text(lang, 'actionState'), text(lang, `status_${check.status}`))}
        {row(text(lang, 'recordedBy'), `${check.createdByName}（${formatDateTime(lang, check.createdAt)}）`)}
        {check.confirmedAt !== null
          ? row(
              text(lang, 'confirmedBy'),
              `${check.confirmedByName ?? ''}（${formatDateTime(lang, check.confirmedAt)}）`,
            )
          : null}
      </dl>
      {props.permissions.revise ? (
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, checksPaths.edit(check.id))}>
            {text(lang, 'editLink')}
          </a>
        </p>
      ) : null}
      <h2 class="govuk-heading-m">{text(lang, 'findingsLabel')}</h2>
      {check.findings.split('\n').map((line, index) => (
        <p key={index} class="govuk-body">
          {line}
        </p>
      ))}
      {props.permissions.confirm ? (
        <form method="post" action={localePath(lang, checksPaths.confirm(check.id))}>
          <CsrfField token={props.csrfToken} />
          <h2 class="govuk-heading-m">{text(lang, 'confirmHeading')}</h2>
          <button type="submit" class="govuk-button">
            {text(lang, 'confirmButton')}
          </button>
        </form>
      ) : null}
      <h2 class="govuk-heading-m">{text(lang, 'actionsHeading')}</h2>
      {check.actions.length === 0 ? <p class="govuk-body">{text(lang, 'noActions')}</p> : null}
      {check.actions.map((action) => (
        <ActionSection
          key={action.id}
          lang={lang}
          check={check}
          action={action}
          unitNames={props.unitNames}
          csrfToken={props.csrfToken}
          permissions={props.permissions}
          followUpForm={props.followUpForm ? { ...props.followUpForm, problems: props.problems } : null}
        />
      ))}
      {props.revisions.length > 0 ? (
        <RevisionsTable lang={lang} revisions={props.revisions} unitNames={props.unitNames} />
      ) : null}
    </>
  );
}

/** Each correction: when, by whom, why, and each field before → after (values as the page shows them). */
function RevisionsTable(props: { lang: Lang; revisions: readonly CheckRevision[]; unitNames: UnitNames }) {
  const { lang } = props;
  const fieldLabel = (field: CheckFieldChange['field']) =>
    field === 'actions'
      ? text(lang, 'changeActions')
      : text(lang, field === 'score' ? 'colScore' : checkFieldLabels[field]);
  const shownValue = (field: CheckFieldChange['field'], value: string) => {
    if (value === '') return text(lang, 'emptyValue');
    if (field === 'checkDate') return formatPageDate(lang, value);
    if (field === 'unitCode') return unitLabel(props.unitNames, value, lang);
    if (field === 'kind' && (checkKinds as readonly string[]).includes(value))
      return text(lang, `kind_${value as CheckView['kind']}`);
    return value;
  };
  return (
    <>
      <h2 class="govuk-heading-m" id="revisions">
        {text(lang, 'revisionsHeading')}
      </h2>
      <table class="govuk-table" aria-labelledby="revisions">
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colRevisedAt')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colRevisedBy')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colReason')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colChanges')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.revisions.map((revision) => (
            <tr key={revision.version} class="govuk-table__row" data-revision={revision.version}>
              <td class="govuk-table__cell">{formatDateTime(lang, revision.revisedAt)}</td>
              <td class="govuk-table__cell">{revision.revisedByName}</td>
              <td class="govuk-table__cell">
                {revision.reason === '' ? text(lang, 'noReason') : revision.reason}
              </td>
              <td class="govuk-table__cell">
                <ul class="govuk-list">
                  {revision.changes.map((change) => (
                    <li key={change.field}>
                      {change.field === 'actions'
                        ? `${fieldLabel('actions')}${lang === 'en' ? ': ' : '：'}${change.after.split('\n').join(lang === 'en' ? '; ' : '；')}`
                        : text(lang, 'changeArrow', {
                            field: fieldLabel(change.field),
                            before: shownValue(change.field, change.before),
                            after: shownValue(change.field, change.after),
                          })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const checkFieldLabels = {
  checkDate: 'checkDateLabel',
  unitCode: 'unitLabel',
  kind: 'kindLabel',
  subject: 'subjectLabel',
  findings: 'findingsLabel',
} as const;

export function emptyCheckForm(unitCode = ''): CheckForm {
  return {
    checkDate: '',
    unitCode,
    kind: 'phone_courtesy',
    subject: '',
    score: '',
    findings: '',
    actions: Array.from({ length: actionRows }, () => ({ description: '', deadline: '', unitCode: '' })),
  };
}

/** The new check's (or self-assessment's) form; `unitFixed` is a self-assessment's own unit. */
export function CheckFormPage(props: {
  lang: Lang;
  title: string;
  action: string;
  csrfToken: string;
  form: CheckForm;
  problems: ShownProblem[];
  unitNames: UnitNames;
  unitFixed: string | null;
  submitLabel: string;
  /** Correcting a recorded check: its version, the reason, and the actions it already has. */
  revision?: {
    version: number;
    reason: string;
    reasonRequired: boolean;
    existingActions: readonly CheckAction[];
  };
}) {
  const { lang, form, revision } = props;
  const problems = problemsByInput(props.problems);
  const units = unitChoices(props.unitNames, lang);
  return (
    <>
      {props.problems.length > 0 ? <ErrorSummary lang={lang} problems={props.problems} /> : null}
      <h1 class="govuk-heading-l">{props.title}</h1>
      <form method="post" action={localePath(lang, props.action)} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextInput
          lang={lang}
          name="checkDate"
          label={text(lang, 'checkDateLabel')}
          hint={text(lang, 'dateHint')}
          value={form.checkDate}
          widthClass="govuk-input--width-10"
          problems={problems}
        />
        {props.unitFixed === null ? (
          <Select
            lang={lang}
            name="unitCode"
            label={text(lang, 'unitLabel')}
            value={form.unitCode}
            options={[{ value: '', label: text(lang, 'chooseUnit') }, ...units]}
            problems={problems}
          />
        ) : (
          <p class="govuk-body">
            <strong>{text(lang, 'unitLabel')}</strong>：{unitLabel(props.unitNames, props.unitFixed, lang)}
          </p>
        )}
        <Choices
          lang={lang}
          type="radio"
          name="kind"
          label={text(lang, 'kindLabel')}
          choices={kindChoices(lang)}
          checked={new Set([form.kind])}
          problems={problems}
        />
        <TextInput
          lang={lang}
          name="subject"
          label={text(lang, 'subjectLabel')}
          hint={text(lang, 'subjectHint')}
          value={form.subject}
          problems={problems}
        />
        <TextInput
          lang={lang}
          name="score"
          label={text(lang, 'scoreLabel')}
          hint={text(lang, 'scoreHint')}
          value={form.score}
          widthClass="govuk-input--width-3"
          inputMode="numeric"
          problems={problems}
        />
        <TextArea
          lang={lang}
          name="findings"
          label={text(lang, 'findingsLabel')}
          value={form.findings}
          rows={5}
          problems={problems}
        />
        {revision ? (
          <>
            <input type="hidden" name="version" value={String(revision.version)} />
            <TextArea
              lang={lang}
              name="reason"
              label={text(lang, 'reasonLabel')}
              hint={text(lang, revision.reasonRequired ? 'reasonHint' : 'reasonOptionalHint')}
              value={revision.reason}
              rows={2}
              problems={problems}
            />
            {revision.existingActions.length > 0 ? (
              <>
                <h2 class="govuk-heading-m">{text(lang, 'existingActionsHeading')}</h2>
                <p class="govuk-body">{text(lang, 'existingActionsHint')}</p>
                <ol class="govuk-list govuk-list--number">
                  {revision.existingActions.map((action) => (
                    <li key={action.id}>
                      {action.description}（{formatPageDate(lang, action.deadline)}）
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            <h2 class="govuk-heading-m">{text(lang, 'newActionsHeading')}</h2>
          </>
        ) : (
          <h2 class="govuk-heading-m">{text(lang, 'actionsHeading')}</h2>
        )}
        <p class="govuk-body">{text(lang, 'actionsHint')}</p>
        {form.actions.map((row, index) => {
          const n = index + 1;
          return (
            <fieldset key={n} class="govuk-fieldset govuk-!-margin-bottom-6">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {text(lang, 'actionLegend', { n })}
              </legend>
              <TextArea
                lang={lang}
                name={`action${n}Description`}
                label={text(lang, 'actionDescriptionLabel', { n })}
                value={row.description}
                rows={2}
                problems={problems}
              />
              <TextInput
                lang={lang}
                name={`action${n}Deadline`}
                label={text(lang, 'actionDeadlineLabel', { n })}
                hint={text(lang, 'dateHint')}
                value={row.deadline}
                widthClass="govuk-input--width-10"
                problems={problems}
              />
              <Select
                lang={lang}
                name={`action${n}Unit`}
                label={text(lang, 'actionUnitLabel', { n })}
                value={row.unitCode}
                options={[{ value: '', label: text(lang, 'sameUnit') }, ...units]}
                problems={problems}
              />
            </fieldset>
          );
        })}
        <button type="submit" class="govuk-button">
          {props.submitLabel}
        </button>
      </form>
    </>
  );
}

export function UnitChecksPage(props: {
  lang: Lang;
  unitCode: string;
  checks: CheckView[];
  unitNames: UnitNames;
}) {
  const { lang } = props;
  return (
    <>
      <h1 class="govuk-heading-l">
        {text(lang, 'unitTitle', { unit: unitLabel(props.unitNames, props.unitCode, lang) })}
      </h1>
      <p class="govuk-body">{text(lang, 'unitLead')}</p>
      <p class="govuk-body">
        <a class="govuk-button" href={localePath(lang, checksPaths.newSelfAssessment)}>
          {text(lang, 'newSelfLink')}
        </a>
      </p>
      <ChecksTable lang={lang} checks={props.checks} unitNames={props.unitNames} />
    </>
  );
}

export type { CheckFilter };

import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { formatDate, formatDateTime } from '../../shared/control-format.ts';
import {
  Choices,
  CsrfField,
  ErrorSummary,
  problemsByInput,
  type ShownProblem,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../shared/evidence-removal.tsx';
import { workPlanText as text, type WorkPlanTextKey } from '../work-plan-messages.ts';
import { type WorkPlanActionSlug, workPlanPaths } from '../work-plan-paths.ts';
import type { WorkPlanState } from '../work-plan-schema.ts';
import {
  type CarriedPractice,
  minTargetSlots,
  type RowForm,
  type TargetForm,
  targetField,
  type WorkPlanRow,
  type WorkPlanSummary,
  type WorkPlanView,
} from '../work-plan-service.ts';

/** The staff and public pages of the units' work plans (issue 4 §2): plain forms, no script needed. */

/** A target's inputs, in order; the numbers (and their unit) get a narrow input. */
const targetInputs: readonly {
  part: keyof TargetForm;
  label: WorkPlanTextKey;
  widthClass?: string;
  inputMode?: 'numeric';
}[] = [
  { part: 'indicator', label: 'indicatorLabel' },
  { part: 'unitOfMeasure', label: 'measureUnitLabel', widthClass: 'govuk-input--width-10' },
  { part: 'baseline', label: 'baselineLabel', widthClass: 'govuk-input--width-10', inputMode: 'numeric' },
  { part: 'target', label: 'targetLabel', widthClass: 'govuk-input--width-10', inputMode: 'numeric' },
  { part: 'measurement', label: 'measurementLabel' },
];

export interface UnitLabel {
  code: string;
  nameZh: string;
  nameEn: string;
}

const unitName = (lang: Lang, unit: { nameZh: string; nameEn: string }) =>
  lang === 'en' ? unit.nameEn : unit.nameZh;

export function stateText(lang: Lang, state: WorkPlanState | null): string {
  return state === null ? text(lang, 'stateNone') : text(lang, `state_${state}`);
}

export function workPlanTitle(
  lang: Lang,
  plan: Pick<WorkPlanView, 'unitNameZh' | 'unitNameEn' | 'year' | 'rocYear'>,
) {
  return text(lang, 'planTitle', {
    unit: lang === 'en' ? plan.unitNameEn : plan.unitNameZh,
    rocYear: plan.rocYear,
    year: plan.year,
  });
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

// ---------------------------------------------------------------------------------------------------
// The overview

export function WorkPlanListPage(props: {
  lang: Lang;
  csrfToken: string;
  years: readonly number[];
  year: number | null;
  units: readonly UnitLabel[];
  summaries: readonly WorkPlanSummary[];
  /** List only the units whose work plan this reader may see (everyone but the secretariat and admins). */
  publishedOnly: boolean;
  /** The reader's own unit, when they may start its work plan and it has none yet. */
  startUnit: UnitLabel | null;
  problems: ShownProblem[];
}) {
  const { lang, year } = props;
  const byUnit = new Map(props.summaries.map((summary) => [summary.unitCode, summary]));
  const shownUnits = props.publishedOnly ? props.units.filter((unit) => byUnit.has(unit.code)) : props.units;
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      <form method="get" action={localePath(lang, workPlanPaths.staffList)} class="ow-inline-form">
        <div class="govuk-form-group">
          <label class="govuk-label" for="year">
            {text(lang, 'yearLabel')}
          </label>
          <select class="govuk-select" id="year" name="year">
            {props.years.map((option) => (
              <option key={option} value={String(option)} selected={option === year}>
                {text(lang, 'yearOption', { year: option, rocYear: option - 1911 })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {text(lang, 'showYear')}
        </button>
      </form>
      {year !== null && props.startUnit ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'startHeading')}</h2>
          <p class="govuk-body">{text(lang, 'startLead', { unit: unitName(lang, props.startUnit), year })}</p>
          <form method="post" action={localePath(lang, workPlanPaths.staffCreate(year))} novalidate>
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {text(lang, 'startButton')}
            </button>
          </form>
        </>
      ) : null}
      {year === null ? null : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {text(lang, 'yearCaption', { title: text(lang, 'listTitle'), year, rocYear: year - 1911 })}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colUnit')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colState')}
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                {text(lang, 'colMethods')}
              </th>
              <th scope="col" class="govuk-table__header">
                {text(lang, 'colUpdated')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {shownUnits.map((unit) => {
              const summary = byUnit.get(unit.code);
              return (
                <tr key={unit.code} class="govuk-table__row" data-unit={unit.code}>
                  <th scope="row" class="govuk-table__header">
                    {summary ? (
                      <a class="govuk-link" href={localePath(lang, workPlanPaths.staffPlan(year, unit.code))}>
                        {unitName(lang, unit)}
                      </a>
                    ) : (
                      unitName(lang, unit)
                    )}
                  </th>
                  <td class="govuk-table__cell" data-state={summary?.state ?? 'none'}>
                    {stateText(lang, summary?.state ?? null)}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {summary ? summary.methods : '—'}
                  </td>
                  <td class="govuk-table__cell">{summary ? formatDateTime(lang, summary.updatedAt) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// The rows table (staff and public)

function TargetList({ lang, row }: { lang: Lang; row: WorkPlanRow }) {
  return (
    <ul class="govuk-list">
      {row.targets.map((target, index) => (
        <li key={String(index)} class="ow-workplan-target">
          {text(lang, 'targetLine', {
            indicator: target.indicator,
            baseline: formatNumber(target.baseline),
            target: formatNumber(target.target),
            measure: target.unitOfMeasure,
            measurement: target.measurement,
          })}
        </li>
      ))}
    </ul>
  );
}

function RowsTable(props: {
  lang: Lang;
  rows: readonly WorkPlanRow[];
  practiceRefs: ReadonlyMap<string, string>;
  editLink: ((row: WorkPlanRow) => string) | null;
}) {
  const { lang } = props;
  if (props.rows.length === 0) return <p class="govuk-body">{text(lang, 'noRowsYet')}</p>;
  return (
    <table class="govuk-table ow-workplan-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{text(lang, 'tableCaption')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            {text(lang, 'colItem')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'colFocus')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'colMethod')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'colPractices')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'colTargets')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'colRemarks')}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {props.rows.map((row) => (
          <tr key={row.id} class="govuk-table__row ow-workplan-row" id={`row-${row.id}`}>
            <td class="govuk-table__cell">{row.itemText}</td>
            <td class="govuk-table__cell">{row.focusText}</td>
            <th scope="row" class="govuk-table__header">
              {row.methodText}
              {props.editLink ? (
                <>
                  {' '}
                  <a class="govuk-link" href={props.editLink(row)}>
                    {text(lang, 'editRow')}
                    <span class="govuk-visually-hidden">
                      {lang === 'en' ? ': ' : '：'}
                      {row.methodText}
                    </span>
                  </a>
                </>
              ) : null}
            </th>
            <td class="govuk-table__cell">
              {row.practiceIds.map((id) => props.practiceRefs.get(id) ?? '?').join('、')}
            </td>
            <td class="govuk-table__cell">
              <TargetList lang={lang} row={row} />
            </td>
            <td class="govuk-table__cell">{row.remarks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------------
// A work plan's staff page

export interface WorkPlanPermissions {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  review: boolean;
  publish: boolean;
}

function ActionForm(props: {
  lang: Lang;
  csrfToken: string;
  plan: WorkPlanView;
  action: WorkPlanActionSlug;
  button: string;
  secondary?: boolean;
  children?: ComponentChildren;
}) {
  const { lang, plan } = props;
  return (
    <form
      method="post"
      action={localePath(lang, workPlanPaths.staffAction(plan.year, plan.unitCode, props.action))}
      novalidate
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="version" value={String(plan.version)} />
      {props.children}
      <button
        type="submit"
        class={`govuk-button${props.secondary ? ' govuk-button--warning' : ''}`}
        data-module="govuk-button"
      >
        {props.button}
      </button>
    </form>
  );
}

export function WorkPlanPage(props: {
  lang: Lang;
  csrfToken: string;
  plan: WorkPlanView;
  practiceRefs: ReadonlyMap<string, string>;
  may: WorkPlanPermissions;
  notice: string | null;
  problems: ShownProblem[];
  /** Comments typed into the review forms, kept when they come back with problems. */
  typed: ReadonlyMap<string, string>;
}) {
  const { lang, plan, may } = props;
  const problems = problemsByInput(props.problems);
  const editLink = may.edit
    ? (row: WorkPlanRow) => localePath(lang, workPlanPaths.staffRow(plan.year, plan.unitCode, row.id))
    : null;
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{workPlanTitle(lang, plan)}</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'stateLabel')}</dt>
          <dd class="govuk-summary-list__value" id="work-plan-state" data-state={plan.state}>
            {stateText(lang, plan.state)}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'versionLabel')}</dt>
          <dd class="govuk-summary-list__value">{plan.version}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'colUpdated')}</dt>
          <dd class="govuk-summary-list__value">
            {text(lang, 'updatedByAt', { when: formatDateTime(lang, plan.updatedAt), who: plan.updatedBy })}
          </dd>
        </div>
      </dl>
      {plan.state === 'published' ? (
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, workPlanPaths.publicPlan(plan.year, plan.unitCode))}>
            {text(lang, 'viewPublic')}
          </a>
        </p>
      ) : null}

      <h2 class="govuk-heading-m">{text(lang, 'rowsHeading')}</h2>
      <RowsTable lang={lang} rows={plan.rows} practiceRefs={props.practiceRefs} editLink={editLink} />
      {may.edit ? (
        <p class="govuk-body">
          <a
            class="govuk-button govuk-button--secondary"
            href={localePath(lang, workPlanPaths.staffNewRow(plan.year, plan.unitCode))}
          >
            {text(lang, 'addRow')}
          </a>
        </p>
      ) : null}

      {may.submit ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'submitHeading')}</h2>
          <ActionForm
            lang={lang}
            csrfToken={props.csrfToken}
            plan={plan}
            action="submit"
            button={text(lang, 'submitButton')}
          />
        </>
      ) : null}

      {may.approve ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'approveHeading')}</h2>
          <ActionForm
            lang={lang}
            csrfToken={props.csrfToken}
            plan={plan}
            action="approve"
            button={text(lang, 'approveButton')}
          />
          <h2 class="govuk-heading-m">{text(lang, 'sendBackHeading')}</h2>
          <ActionForm
            lang={lang}
            csrfToken={props.csrfToken}
            plan={plan}
            action="send-back"
            button={text(lang, 'sendBackButton')}
            secondary
          >
            <TextArea
              lang={lang}
              name="comment-plan"
              label={text(lang, 'sendBackLabel')}
              problems={problems}
              value={props.typed.get('comment-plan') ?? ''}
              rows={4}
            />
          </ActionForm>
        </>
      ) : null}

      {may.review ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'reviewHeading')}</h2>
          <p class="govuk-body">{text(lang, 'reviewLead')}</p>
          <ActionForm
            lang={lang}
            csrfToken={props.csrfToken}
            plan={plan}
            action="accept"
            button={text(lang, 'acceptButton')}
          />
          <ActionForm
            lang={lang}
            csrfToken={props.csrfToken}
            plan={plan}
            action="return"
            button={text(lang, 'returnButton')}
            secondary
          >
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {text(lang, 'returnLegend')}
              </legend>
              <TextArea
                lang={lang}
                name="comment-plan"
                label={text(lang, 'commentWhole')}
                problems={problems}
                value={props.typed.get('comment-plan') ?? ''}
                rows={3}
              />
              {plan.rows.map((row) => (
                <TextArea
                  key={row.id}
                  lang={lang}
                  name={`comment-${row.id}`}
                  label={text(lang, 'commentOnRow', { method: row.methodText })}
                  problems={problems}
                  value={props.typed.get(`comment-${row.id}`) ?? ''}
                  rows={3}
                />
              ))}
            </fieldset>
          </ActionForm>
        </>
      ) : null}

      {may.publish ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'publishHeading')}</h2>
          <ActionForm
            lang={lang}
            csrfToken={props.csrfToken}
            plan={plan}
            action="publish"
            button={text(lang, 'publishButton')}
          />
        </>
      ) : null}

      <h2 class="govuk-heading-m">{text(lang, 'commentsHeading')}</h2>
      {plan.comments.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noComments')}</p>
      ) : (
        <ul class="govuk-list ow-workplan-comments">
          {plan.comments.map((comment, index) => (
            <li key={String(index)} class="ow-workplan-comment">
              <p class="govuk-body govuk-!-margin-bottom-1">
                <strong>
                  {comment.rowLabel === null
                    ? text(lang, 'onWhole')
                    : text(lang, 'onRow', { method: comment.rowLabel })}
                </strong>
                {' — '}
                {text(lang, 'commentBy', {
                  who: comment.author,
                  when: formatDateTime(lang, comment.createdAt),
                  stage: text(lang, comment.stage === 'head' ? 'stageHead' : 'stageSecretariat'),
                })}
              </p>
              <p class="govuk-body ow-workplan-comment-text">{comment.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// A method's form

export function RowFormPage(props: {
  lang: Lang;
  csrfToken: string;
  plan: WorkPlanView;
  rowId: string | null;
  version: number;
  form: RowForm;
  practices: readonly CarriedPractice[];
  problems: ShownProblem[];
}) {
  const { lang, plan, form } = props;
  const problems = problemsByInput(props.problems);
  const action =
    props.rowId === null
      ? workPlanPaths.staffNewRow(plan.year, plan.unitCode)
      : workPlanPaths.staffRow(plan.year, plan.unitCode, props.rowId);
  const slots = Math.max(minTargetSlots, form.targets.length + 1);
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, props.rowId === null ? 'newRowTitle' : 'editRowTitle')}</h1>
      <p class="govuk-body">{workPlanTitle(lang, plan)}</p>
      <form method="post" action={localePath(lang, action)} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        <TextInput
          lang={lang}
          name="itemText"
          label={text(lang, 'itemLabel')}
          hint={text(lang, 'itemHint')}
          problems={problems}
          value={form.itemText}
        />
        <TextArea
          lang={lang}
          name="focusText"
          label={text(lang, 'focusLabel')}
          problems={problems}
          value={form.focusText}
          rows={2}
        />
        <TextArea
          lang={lang}
          name="methodText"
          label={text(lang, 'methodLabel')}
          problems={problems}
          value={form.methodText}
          rows={3}
        />
        <Choices
          lang={lang}
          type="checkbox"
          name="practiceIds"
          label={text(lang, 'practicesLegend')}
          hint={text(lang, 'practicesHint', { year: plan.year })}
          problems={problems}
          choices={props.practices.map((practice) => ({
            value: practice.id,
            label: `${practice.ref} ${practice.text}`,
          }))}
          checked={new Set(form.practiceIds)}
        />
        {Array.from({ length: slots }, (_, index) => {
          const n = index + 1;
          const target = form.targets[index];
          return (
            <fieldset key={String(n)} class="govuk-fieldset ow-workplan-target-fields">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {text(lang, 'targetLegend', { n })}
              </legend>
              {n === 1 ? <p class="govuk-hint">{text(lang, 'targetHint')}</p> : null}
              {targetInputs.map((input) => (
                <TextInput
                  key={input.part}
                  lang={lang}
                  name={targetField(n, input.part)}
                  label={text(lang, input.label)}
                  problems={problems}
                  value={target?.[input.part] ?? ''}
                  widthClass={input.widthClass}
                  inputMode={input.inputMode}
                />
              ))}
            </fieldset>
          );
        })}
        <TextArea
          lang={lang}
          name="remarks"
          label={text(lang, 'remarksLabel')}
          problems={problems}
          value={form.remarks}
          rows={2}
        />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {text(lang, 'saveButton')}
        </button>
      </form>
      {props.rowId === null ? null : (
        <form
          method="post"
          action={localePath(lang, workPlanPaths.staffRemoveRow(plan.year, plan.unitCode, props.rowId))}
          novalidate
        >
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="version" value={String(props.version)} />
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {text(lang, 'removeRow')}
          </button>
        </form>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, workPlanPaths.staffPlan(plan.year, plan.unitCode))}>
          {text(lang, 'backToWorkPlan')}
        </a>
      </p>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// Public pages

export function PublicWorkPlanListPage(props: {
  lang: Lang;
  year: number;
  plans: readonly { unitCode: string; nameZh: string; nameEn: string; publishedAt: Date }[];
}) {
  const { lang, year } = props;
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'publicListTitle', { year, rocYear: year - 1911 })}</h1>
      <p class="govuk-body">{text(lang, 'publicLead', { year, rocYear: year - 1911 })}</p>
      {props.plans.length === 0 ? (
        <p class="govuk-body">{text(lang, 'publicEmpty')}</p>
      ) : (
        <ul class="govuk-list">
          {props.plans.map((plan) => (
            <li key={plan.unitCode}>
              <a class="govuk-link" href={localePath(lang, workPlanPaths.publicPlan(year, plan.unitCode))}>
                {unitName(lang, plan)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PublicWorkPlanPage(props: {
  lang: Lang;
  plan: WorkPlanView;
  practiceRefs: ReadonlyMap<string, string>;
  planHref: string;
}) {
  const { lang, plan } = props;
  return (
    <>
      <h1 class="govuk-heading-l">{workPlanTitle(lang, plan)}</h1>
      <p class="govuk-body">
        {plan.publishedAt ? text(lang, 'publishedOn', { date: formatDate(lang, plan.publishedAt) }) : null}
      </p>
      <p class="govuk-body">
        {text(lang, 'basisLine', { year: plan.year, rocYear: plan.rocYear })}{' '}
        <a class="govuk-link" href={props.planHref}>
          {text(lang, 'planLink')}
        </a>
      </p>
      <h2 class="govuk-heading-m">{text(lang, 'rowsHeading')}</h2>
      {plan.rows.map((row) => (
        <section key={row.id} class="ow-workplan-method">
          <h3 class="govuk-heading-s">{row.methodText}</h3>
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'colItem')}</dt>
              <dd class="govuk-summary-list__value">{row.itemText}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'colFocus')}</dt>
              <dd class="govuk-summary-list__value">{row.focusText}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'colPractices')}</dt>
              <dd class="govuk-summary-list__value">
                {row.practiceIds.map((id) => props.practiceRefs.get(id) ?? '?').join('、')}
              </dd>
            </div>
            {row.remarks === '' ? null : (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{text(lang, 'colRemarks')}</dt>
                <dd class="govuk-summary-list__value">{row.remarks}</dd>
              </div>
            )}
          </dl>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">
              {text(lang, 'targetsCaption', { method: row.methodText })}
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'colIndicator')}
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  {text(lang, 'colBaseline')}
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  {text(lang, 'colTarget')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'colMeasurement')}
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {row.targets.map((target, index) => (
                <tr key={String(index)} class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {target.indicator}
                  </th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {formatNumber(target.baseline)} {target.unitOfMeasure}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {formatNumber(target.target)} {target.unitOfMeasure}
                  </td>
                  <td class="govuk-table__cell">{target.measurement}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

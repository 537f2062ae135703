import { withCsrfQuery } from '../../../../platform/http/csrf.ts';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText, formatDateTime, type UnitName } from '../../shared/control-format.ts';
import {
  Choices,
  CsrfField,
  ErrorSummary,
  EvidenceRemovalLink,
  problemsByInput,
  ScopedField,
  type ShownProblem,
  SuccessBanner,
  TextInput,
} from '../../shared/evidence-removal.tsx';
import { progressText as text } from '../progress-messages.ts';
import { progressPaths } from '../progress-paths.ts';
import { progressStatuses } from '../progress-schema.ts';
import type {
  CarriedPractice,
  Completion,
  EntryView,
  OverviewView,
  ProgressForm,
  TargetView,
} from '../progress-service.ts';

/** 管制查考 §3 pages: a unit's progress for a period, and the secretariat's overview with charts. */

type UnitNames = ReadonlyMap<string, UnitName>;

export function unitName(unitNames: UnitNames, code: string, lang: Lang): string {
  const unit = unitNames.get(code);
  if (!unit) return code;
  return lang === 'en' ? unit.nameEn : unit.nameZh;
}

function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 1000) / 10;
}

// --- Charts ---------------------------------------------------------------------------------------------

export interface BarRow {
  label: string;
  value: number;
  /** The value as the bar's end and the table show it ("42.5%", "3"). */
  shown: string;
}

/**
 * A horizontal bar chart as inline SVG: no script, no external file. The svg is one image to assistive
 * technology (role="img", named by the visible caption); the same figures follow in a table.
 */
export function BarChart(props: {
  id: string;
  caption: string;
  rows: readonly BarRow[];
  max: number;
  lang: Lang;
  headers: readonly [string, string];
}) {
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 360;
  const height = Math.max(1, props.rows.length) * rowHeight + 8;
  const captionId = `${props.id}-caption`;
  const clip = (label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);
  return (
    <figure class="ow-chart" id={props.id}>
      <figcaption id={captionId} class="govuk-heading-s">
        {props.caption}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={captionId}
        viewBox={`0 0 ${labelWidth + barWidth + 80} ${height}`}
        width="100%"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{props.caption}</title>
        {props.rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const width = props.max === 0 ? 0 : Math.max(0, (row.value / props.max) * barWidth);
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={y + 17} text-anchor="end" font-size="13" fill="#0b0c0c">
                {clip(row.label)}
              </text>
              <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 8} fill="#f3f2f1" />
              <rect x={labelWidth} y={y} width={width} height={rowHeight - 8} fill="#1d70b8" />
              <text x={labelWidth + barWidth + 6} y={y + 17} font-size="13" fill="#0b0c0c">
                {row.shown}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function CompletionSection(props: {
  id: string;
  title: string;
  rows: readonly Completion[];
  lang: Lang;
  head: string;
}) {
  const { lang } = props;
  const bars = props.rows.map((row) => {
    const value = percent(row.done, row.total);
    return { label: row.label, value, shown: text(lang, 'percentValue', { value }) };
  });
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      <BarChart
        id={`${props.id}-chart`}
        caption={props.title}
        rows={bars}
        max={100}
        lang={lang}
        headers={[props.head, text(lang, 'percent')]}
      />
      <table class="govuk-table" id={`${props.id}-table`}>
        <caption class="govuk-table__caption govuk-visually-hidden">{props.title}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {props.head}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {text(lang, 'done')}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {text(lang, 'total')}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {text(lang, 'percent')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.rows.map((row) => (
            <tr class="govuk-table__row" key={row.key} data-key={row.key}>
              <th scope="row" class="govuk-table__header">
                {row.label}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric" data-field="done">
                {row.done}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" data-field="total">
                {row.total}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                {text(lang, 'percentValue', { value: percent(row.done, row.total) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface SettingsFormState {
  cadence: string;
  dueDay: string;
}

function SettingsForm(props: {
  lang: Lang;
  action: string;
  csrfToken: string;
  form: SettingsFormState;
  problems: readonly ShownProblem[];
}) {
  const { lang } = props;
  const problems = problemsByInput(props.problems);
  return (
    <details class="govuk-details" open={props.problems.length > 0}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{text(lang, 'settingsHeading')}</span>
      </summary>
      <div class="govuk-details__text">
        <form method="post" action={props.action} novalidate>
          <CsrfField token={props.csrfToken} />
          <Choices
            lang={lang}
            name="cadence"
            label={text(lang, 'cadenceLabel')}
            problems={problems}
            type="radio"
            choices={[
              { value: 'monthly', label: text(lang, 'cadence_monthly') },
              { value: 'quarterly', label: text(lang, 'cadence_quarterly') },
            ]}
            checked={new Set([props.form.cadence])}
          />
          <TextInput
            lang={lang}
            name="dueDay"
            label={text(lang, 'dueDayLabel')}
            problems={problems}
            value={props.form.dueDay}
            widthClass="govuk-input--width-2"
            inputMode="numeric"
          />
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {text(lang, 'saveSettings')}
          </button>
        </form>
      </div>
    </details>
  );
}

export function OverviewPage(props: {
  lang: Lang;
  overview: OverviewView;
  unitNames: UnitNames;
  today: string;
  csrfToken: string;
  settingsForm: SettingsFormState;
  problems: readonly ShownProblem[];
  notice: string | null;
}) {
  const { lang, overview, unitNames } = props;
  const named = (rows: readonly Completion[]) =>
    rows.map((row) => ({ ...row, label: unitName(unitNames, row.key, lang) }));
  const missingBars = overview.missing.map((row) => ({
    label: unitName(unitNames, row.unitCode, lang),
    value: row.missing,
    shown: String(row.missing),
  }));
  const maxMissing = Math.max(1, ...overview.missing.map((row) => row.missing));
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{text(lang, 'overviewTitle', { year: overview.plan.year })}</h1>
      <SettingsForm
        lang={lang}
        action={localePath(lang, progressPaths.settings(overview.plan.year))}
        csrfToken={props.csrfToken}
        form={props.settingsForm}
        problems={props.problems}
      />
      <p class="govuk-body">
        {text(lang, 'asOf', { date: formatPageDate(lang, props.today), count: overview.pastPeriods.length })}{' '}
        {text(lang, 'chartNote')}
      </p>
      <CompletionSection
        id="by-item"
        title={text(lang, 'completionByItem')}
        rows={overview.byItem}
        lang={lang}
        head={text(lang, 'item')}
      />
      <CompletionSection
        id="by-strategy"
        title={text(lang, 'completionByStrategy')}
        rows={overview.byStrategy}
        lang={lang}
        head={text(lang, 'strategy')}
      />
      <CompletionSection
        id="by-unit"
        title={text(lang, 'completionByUnit')}
        rows={named(overview.byUnit)}
        lang={lang}
        head={text(lang, 'unit')}
      />

      <section aria-labelledby="missing-heading">
        <h2 class="govuk-heading-m" id="missing-heading">
          {text(lang, 'missingByUnit')}
        </h2>
        {overview.missing.length === 0 ? (
          <p class="govuk-body">{text(lang, 'none')}</p>
        ) : (
          <>
            <BarChart
              id="missing-chart"
              caption={text(lang, 'missingByUnit')}
              rows={missingBars}
              max={maxMissing}
              lang={lang}
              headers={[text(lang, 'unit'), text(lang, 'missing')]}
            />
            <table class="govuk-table" id="missing-table">
              <caption class="govuk-table__caption govuk-visually-hidden">
                {text(lang, 'missingByUnit')}
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'unit')}
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    {text(lang, 'missing')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'periods')}
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {overview.missing.map((row) => (
                  <tr class="govuk-table__row" key={row.unitCode} data-key={row.unitCode}>
                    <th scope="row" class="govuk-table__header">
                      {unitName(unitNames, row.unitCode, lang)}
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric" data-field="missing">
                      {row.missing}
                    </td>
                    <td class="govuk-table__cell">{row.periods.join(lang === 'en' ? ', ' : '、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="deadline-heading">
        <h2 class="govuk-heading-m" id="deadline-heading">
          {text(lang, 'pastDeadline')}
        </h2>
        {overview.pastDeadline.length === 0 ? (
          <p class="govuk-body">{text(lang, 'none')}</p>
        ) : (
          <table class="govuk-table" id="deadline-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{text(lang, 'pastDeadline')}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'practice')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'deadline')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'unitsNotDone')}
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {overview.pastDeadline.map((row) => (
                <tr class="govuk-table__row" key={row.ref} data-key={row.ref}>
                  <th scope="row" class="govuk-table__header">
                    {row.ref} <span lang="zh-TW">{row.text}</span>
                  </th>
                  <td class="govuk-table__cell">{deadlineText(row.deadline, lang)}</td>
                  <td class="govuk-table__cell">
                    {row.unitsNotDone
                      .map((code) => unitName(unitNames, code, lang))
                      .join(lang === 'en' ? ', ' : '、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="short-heading">
        <h2 class="govuk-heading-m" id="short-heading">
          {text(lang, 'shortOfTarget')}
        </h2>
        {overview.shortOfTarget.length === 0 ? (
          <p class="govuk-body">{text(lang, 'none')}</p>
        ) : (
          <table class="govuk-table" id="short-table">
            <caption class="govuk-table__caption govuk-visually-hidden">
              {text(lang, 'shortOfTarget')}
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'unit')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'indicator')}
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  {text(lang, 'target')}
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  {text(lang, 'latest')}
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {overview.shortOfTarget.map((row, index) => (
                <tr class="govuk-table__row" key={`${row.unitCode}-${index}`} data-key={row.indicator}>
                  <td class="govuk-table__cell">{unitName(unitNames, row.unitCode, lang)}</td>
                  <td class="govuk-table__cell">{row.indicator}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric" data-field="target">
                    {row.target} {row.unitOfMeasure}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric" data-field="latest">
                    {row.latest === null ? '—' : `${row.latest} ${row.unitOfMeasure}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

// --- A unit's page ------------------------------------------------------------------------------------

export interface UnitPracticeRow {
  carried: CarriedPractice;
  targets: readonly TargetView[];
  entry: EntryView | null;
}

export interface FailedForm {
  practiceId: string;
  form: ProgressForm;
  problems: readonly ShownProblem[];
}

/** The id of an input of the n-th practice's form. */
export function inputId(index: number, field: string): string {
  return `p${index + 1}-${field}`;
}

function FieldError({ lang, id, messages }: { lang: Lang; id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p class="govuk-error-message" id={`${id}-error`}>
      <span class="govuk-visually-hidden">{lang === 'en' ? 'Error:' : '錯誤：'}</span> {messages.join(' ')}
    </p>
  );
}

function PracticeForm(props: {
  lang: Lang;
  index: number;
  row: UnitPracticeRow;
  action: string;
  csrfToken: string;
  failed: FailedForm | null;
}) {
  const { lang, index, row } = props;
  const id = (field: string) => inputId(index, field);
  const failed = props.failed?.practiceId === row.carried.practice.id ? props.failed : null;
  const problems = problemsByInput(failed?.problems ?? []);
  const messagesOf = (field: string) => problems.get(id(field)) ?? [];
  const status = failed?.form.status ?? row.entry?.status ?? '';
  const narrative = failed?.form.narrative ?? row.entry?.narrative ?? '';
  const group = (field: string) =>
    `govuk-form-group${messagesOf(field).length > 0 ? ' govuk-form-group--error' : ''}`;
  const described = (field: string) => (messagesOf(field).length > 0 ? `${id(field)}-error` : undefined);
  return (
    <form
      method="post"
      action={withCsrfQuery(props.action, props.csrfToken)}
      enctype="multipart/form-data"
      novalidate
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="practiceId" value={row.carried.practice.id} />
      <div class={group('status')}>
        <fieldset class="govuk-fieldset" aria-describedby={described('status')}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            {text(lang, 'statusLabel')}
          </legend>
          <FieldError lang={lang} id={id('status')} messages={messagesOf('status')} />
          <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
            {progressStatuses.map((value, n) => {
              const radioId = n === 0 ? id('status') : `${id('status')}-${value}`;
              return (
                <div class="govuk-radios__item" key={value}>
                  <input
                    class="govuk-radios__input"
                    id={radioId}
                    name="status"
                    type="radio"
                    value={value}
                    checked={status === value}
                  />
                  <label class="govuk-label govuk-radios__label" for={radioId}>
                    {text(lang, `status_${value}`)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <ScopedField
        lang={lang}
        kind="textarea"
        name="narrative"
        id={id('narrative')}
        label={text(lang, 'narrativeLabel')}
        value={narrative}
        problems={problems}
      />
      {row.targets.map((target) => {
        const previous = row.entry?.values.get(target.id);
        return (
          <ScopedField
            key={target.id}
            lang={lang}
            kind="input"
            inputMode="decimal"
            name={`value-${target.id}`}
            id={id(`value-${target.id}`)}
            label={text(lang, 'valueLabel', {
              indicator: target.indicator,
              unit: target.unitOfMeasure,
              target: target.target,
            })}
            value={
              failed ? (failed.form.values[target.id] ?? '') : previous === undefined ? '' : String(previous)
            }
            problems={problems}
          />
        );
      })}
      <ScopedField
        lang={lang}
        kind="file"
        name="evidence"
        id={id('evidence')}
        label={text(lang, 'filesLabel')}
        value=""
        problems={problems}
      />
      <ScopedField
        lang={lang}
        kind="textarea"
        rows={2}
        name="links"
        id={id('links')}
        label={text(lang, 'linksLabel')}
        value={failed?.form.links ?? ''}
        problems={problems}
      />
      <button type="submit" class="govuk-button" data-module="govuk-button">
        {text(lang, 'save')}
        <span class="govuk-visually-hidden"> {row.carried.ref}</span>
      </button>
    </form>
  );
}

export function UnitProgressPage(props: {
  lang: Lang;
  /** The page's heading (the same as its title). */
  title: string;
  year: number;
  unitCode: string;
  period: string;
  periods: readonly string[];
  dueDate: string;
  rows: readonly UnitPracticeRow[];
  csrfToken: string;
  notice: string | null;
  problems: readonly ShownProblem[];
  failed: FailedForm | null;
}) {
  const { lang } = props;
  const action = localePath(lang, progressPaths.entries(props.year, props.unitCode, props.period));
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{props.title}</h1>
      <form
        method="get"
        action={localePath(lang, progressPaths.unit(props.year, props.unitCode))}
        class="govuk-!-margin-bottom-6"
      >
        <div class="govuk-form-group">
          <label class="govuk-label" for="period">
            {text(lang, 'periodLabel')}
          </label>
          <select class="govuk-select" id="period" name="period">
            {props.periods.map((period) => (
              <option key={period} value={period} selected={period === props.period}>
                {period}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            {lang === 'en' ? 'Show' : '顯示'}
          </button>
        </div>
      </form>
      <p class="govuk-body" id="practices">
        {text(lang, 'dueOn', { date: formatPageDate(lang, props.dueDate) })}
      </p>
      {props.rows.length === 0 ? <p class="govuk-body">{text(lang, 'noPractices')}</p> : null}
      {props.rows.map((row, index) => (
        <section
          key={row.carried.practice.id}
          class="govuk-!-margin-bottom-8"
          aria-labelledby={`${inputId(index, 'heading')}`}
          data-practice={row.carried.ref}
        >
          <h2 class="govuk-heading-s" id={inputId(index, 'heading')}>
            {row.carried.ref} <span lang="zh-TW">{row.carried.practice.text}</span>
          </h2>
          {row.entry ? (
            <div class="govuk-inset-text" data-entry={row.entry.id}>
              <p class="govuk-body">
                <strong>{text(lang, `status_${row.entry.status}`)}</strong>
                {row.entry.isLate ? (
                  <>
                    {' '}
                    <strong class="govuk-tag govuk-tag--red" data-late="true">
                      {text(lang, 'late')}
                    </strong>
                  </>
                ) : null}{' '}
                {text(lang, 'enteredBy', {
                  name: row.entry.enteredBy,
                  date: formatDateTime(lang, row.entry.enteredAt),
                })}
              </p>
              {row.entry.evidence.length > 0 ? (
                <ul class="govuk-list govuk-list--bullet">
                  {row.entry.evidence.map((item) => (
                    <li key={item.id} data-evidence={item.id}>
                      {item.kind === 'file' ? (
                        <a class="govuk-link" href={localePath(lang, progressPaths.evidence(item.id))}>
                          {item.fileName}
                        </a>
                      ) : (
                        <a class="govuk-link" href={item.url ?? '#'} rel="noopener noreferrer">
                          {item.url}
                        </a>
                      )}{' '}
                      <EvidenceRemovalLink
                        lang={lang}
                        href={localePath(lang, progressPaths.removeEvidence(item.id))}
                        name={item.fileName ?? item.url ?? ''}
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p class="govuk-body">{text(lang, 'notEntered')}</p>
          )}
          <PracticeForm
            lang={lang}
            index={index}
            row={row}
            action={action}
            csrfToken={props.csrfToken}
            failed={props.failed}
          />
        </section>
      ))}
    </>
  );
}

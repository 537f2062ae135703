import type { ComponentChildren } from 'preact';
import { ErrorSummary, Radios, SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type TableColumn, TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText, listText } from '../../shared/control-format.ts';
import { textFields, YearChoice } from '../../shared/page-parts.tsx';
import { type UnitNames, unitNameIn } from '../../shared/unit-names.ts';
import { progressText as text } from '../progress-messages.ts';
import type { Completion, OverviewView } from '../progress-overview.ts';
import { progressPaths } from '../progress-paths.ts';

/** 管制查考 §3, the secretariat's overview of a year: completion, gaps and indicators as charts with tables. */

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

/** A section of the overview: its heading, then a table of its rows (after a chart, if any), or 「無」 when it has none. */
function TableSection(props: {
  id: string;
  title: string;
  lang: Lang;
  columns: readonly TableColumn[];
  isEmpty?: boolean;
  chart?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      {props.isEmpty ? (
        <p class="govuk-body">{text(props.lang, 'none')}</p>
      ) : (
        <>
          {props.chart}
          <table class="govuk-table" id={`${props.id}-table`}>
            <caption class="govuk-table__caption govuk-visually-hidden">{props.title}</caption>
            <TableHead columns={props.columns} />
            <tbody class="govuk-table__body">{props.children}</tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A row's label in the reader's language: the English where there is one, else the Chinese marked as such. */
function labelIn(lang: Lang, row: Completion): { text: string; isChinese: boolean } {
  if (lang === 'en' && row.labelEn !== null) return { text: row.labelEn, isChinese: false };
  return { text: row.label, isChinese: lang === 'en' };
}

function CompletionSection(props: {
  id: string;
  title: string;
  rows: readonly (Completion & { href?: string })[];
  lang: Lang;
  head: string;
}) {
  const { lang } = props;
  const bars = props.rows.map((row) => {
    const value = percent(row.done, row.total);
    return { label: labelIn(lang, row).text, value, shown: text(lang, 'percentValue', { value }) };
  });
  return (
    <TableSection
      id={props.id}
      title={props.title}
      lang={lang}
      chart={
        <BarChart
          id={`${props.id}-chart`}
          caption={props.title}
          rows={bars}
          max={100}
          lang={lang}
          headers={[props.head, text(lang, 'percent')]}
        />
      }
      columns={[
        props.head,
        { label: text(lang, 'done'), isNumeric: true },
        { label: text(lang, 'total'), isNumeric: true },
        { label: text(lang, 'percent'), isNumeric: true },
      ]}
    >
      {props.rows.map((row) => (
        <tr class="govuk-table__row" key={row.key} data-key={row.key}>
          <th scope="row" class="govuk-table__header">
            <RowLabel lang={lang} row={row} />
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
    </TableSection>
  );
}

function RowLabel(props: { lang: Lang; row: Completion & { href?: string } }) {
  const label = labelIn(props.lang, props.row);
  const shown = label.isChinese ? <span lang="zh-TW">{label.text}</span> : label.text;
  return props.row.href ? (
    <a class="govuk-link" href={props.row.href}>
      {shown}
    </a>
  ) : (
    shown
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
  problems: FormProblems;
}) {
  const { lang, problems } = props;
  return (
    <details class="govuk-details" open={problems.hasAny}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{text(lang, 'settingsHeading')}</span>
      </summary>
      <div class="govuk-details__text">
        <PostForm
          action={props.action}
          csrfToken={props.csrfToken}
          submit={text(lang, 'saveSettings')}
          isSecondary
        >
          <Radios
            lang={lang}
            name="cadence"
            legend={text(lang, 'cadenceLabel')}
            problems={problems}
            choices={[
              { value: 'monthly', label: text(lang, 'cadence_monthly') },
              { value: 'quarterly', label: text(lang, 'cadence_quarterly') },
            ]}
            value={props.form.cadence}
          />
          {textFields(lang, props.form, problems).input('dueDay', text(lang, 'dueDayLabel'), {
            widthClass: 'govuk-input--width-2',
            inputMode: 'numeric',
          })}
        </PostForm>
      </div>
    </details>
  );
}

export function OverviewPage(props: {
  lang: Lang;
  overview: OverviewView;
  unitNames: UnitNames;
  /** The published years, for the choice of year. */
  years: readonly number[];
  today: string;
  csrfToken: string;
  settingsForm: SettingsFormState;
  problems: FormProblems;
  notice: string | null;
}) {
  const { lang, overview, unitNames } = props;
  const year = overview.plan.year;
  // Each unit's name links to its entries (issue 14 §13: the overview was a dead end).
  const named = (rows: readonly Completion[]) =>
    rows.map((row) => ({
      ...row,
      label: unitNameIn(unitNames, row.key, lang),
      labelEn: unitNameIn(unitNames, row.key, 'en'),
      href: localePath(lang, progressPaths.unit(year, row.key)),
    }));
  const missingBars = overview.missing.map((row) => ({
    label: unitNameIn(unitNames, row.unitCode, lang),
    value: row.missing,
    shown: String(row.missing),
  }));
  const maxMissing = Math.max(1, ...overview.missing.map((row) => row.missing));
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{text(lang, 'overviewTitle', { year: overview.plan.year })}</h1>
      <YearChoice
        lang={lang}
        action={progressPaths.home}
        years={props.years}
        year={overview.plan.year}
        label={text(lang, 'yearLabel')}
        optionLabel={(year) => text(lang, 'yearOption', { year, rocYear: year - 1911 })}
        button={text(lang, 'showYear')}
        formClass="govuk-!-margin-bottom-6"
      />
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
      {(
        [
          ['by-item', 'completionByItem', overview.byItem, 'item'],
          ['by-strategy', 'completionByStrategy', overview.byStrategy, 'strategy'],
          ['by-unit', 'completionByUnit', named(overview.byUnit), 'unit'],
        ] as const
      ).map(([id, title, rows, head]) => (
        <CompletionSection
          key={id}
          id={id}
          title={text(lang, title)}
          rows={rows}
          lang={lang}
          head={text(lang, head)}
        />
      ))}

      <TableSection
        id="missing"
        title={text(lang, 'missingByUnit')}
        lang={lang}
        isEmpty={overview.missing.length === 0}
        chart={
          <BarChart
            id="missing-chart"
            caption={text(lang, 'missingByUnit')}
            rows={missingBars}
            max={maxMissing}
            lang={lang}
            headers={[text(lang, 'unit'), text(lang, 'missing')]}
          />
        }
        columns={[
          text(lang, 'unit'),
          { label: text(lang, 'missing'), isNumeric: true },
          text(lang, 'periods'),
        ]}
      >
        {overview.missing.map((row) => (
          <tr class="govuk-table__row" key={row.unitCode} data-key={row.unitCode}>
            <th scope="row" class="govuk-table__header">
              <a
                class="govuk-link"
                href={`${localePath(lang, progressPaths.unit(year, row.unitCode))}?period=${encodeURIComponent(row.periods[0] ?? '')}`}
              >
                {unitNameIn(unitNames, row.unitCode, lang)}
              </a>
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric" data-field="missing">
              {row.missing}
            </td>
            <td class="govuk-table__cell">{listText(lang, row.periods)}</td>
          </tr>
        ))}
      </TableSection>

      <TableSection
        id="deadline"
        title={text(lang, 'pastDeadline')}
        lang={lang}
        isEmpty={overview.pastDeadline.length === 0}
        columns={[text(lang, 'practice'), text(lang, 'deadline'), text(lang, 'unitsNotDone')]}
      >
        {overview.pastDeadline.map((row) => (
          <tr class="govuk-table__row" key={row.ref} data-key={row.ref}>
            <th scope="row" class="govuk-table__header">
              {row.ref} <span lang="zh-TW">{row.text}</span>
            </th>
            <td class="govuk-table__cell">{deadlineText(row.deadline, lang)}</td>
            <td class="govuk-table__cell">
              {listText(
                lang,
                row.unitsNotDone.map((code) => unitNameIn(unitNames, code, lang)),
              )}
            </td>
          </tr>
        ))}
      </TableSection>

      <TableSection
        id="short"
        title={text(lang, 'shortOfTarget')}
        lang={lang}
        isEmpty={overview.shortOfTarget.length === 0}
        columns={[
          text(lang, 'unit'),
          text(lang, 'indicator'),
          { label: text(lang, 'target'), isNumeric: true },
          { label: text(lang, 'latest'), isNumeric: true },
        ]}
      >
        {overview.shortOfTarget.map((row, index) => (
          <tr class="govuk-table__row" key={`${row.unitCode}-${index}`} data-key={row.indicator}>
            <td class="govuk-table__cell">{unitNameIn(unitNames, row.unitCode, lang)}</td>
            <td class="govuk-table__cell">{row.indicator}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric" data-field="target">
              {row.target} {row.unitOfMeasure}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric" data-field="latest">
              {row.latest === null ? '—' : `${row.latest} ${row.unitOfMeasure}`}
            </td>
          </tr>
        ))}
      </TableSection>
    </>
  );
}

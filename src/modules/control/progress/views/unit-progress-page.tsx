import { Button, Select, SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { progressText as text } from '../progress-messages.ts';
import { progressPaths } from '../progress-paths.ts';
import {
  type CarriedPractice,
  type EntryState,
  entryStateOf,
  type ProgressStatus,
} from '../progress-rules.ts';

/**
 * 管制查考 §3, a unit's progress for a period: the list of the practices it carries, each with where it stands
 * (due, overdue, entered — and done, entered late) and a link to its own page and form
 * (practice-progress-page.tsx). A small page: no form but the choice of period.
 */

export interface PracticeListRow {
  carried: CarriedPractice;
  /** The English of the practice's strategy, for the English page (practices have no English text). */
  strategyEn: string | null;
  entry: { status: ProgressStatus; isLate: boolean } | null;
}

function tagClass(state: EntryState, status: ProgressStatus | undefined): string {
  if (state === 'overdue') return 'govuk-tag--red';
  if (state === 'due') return 'govuk-tag--grey';
  return status === 'done' ? 'govuk-tag--green' : 'govuk-tag--blue';
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
  today: string;
  rows: readonly PracticeListRow[];
  notice: string | null;
}) {
  const { lang, year, unitCode, period } = props;
  const states = props.rows.map((row) => entryStateOf(row.entry !== null, props.dueDate, props.today));
  const count = (state: EntryState) => states.filter((value) => value === state).length;
  return (
    <>
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{props.title}</h1>
      <form
        method="get"
        action={localePath(lang, progressPaths.unit(year, unitCode))}
        class="govuk-!-margin-bottom-6"
      >
        <Select
          lang={lang}
          name="period"
          label={text(lang, 'periodLabel')}
          value={period}
          choices={props.periods.map((value) => ({ value, label: value }))}
        />
        <Button isSecondary>{text(lang, 'show')}</Button>
      </form>
      <p class="govuk-body" id="practices">
        {text(lang, 'dueOn', { date: formatPageDate(lang, props.dueDate) })}
      </p>
      {props.rows.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noPractices')}</p>
      ) : (
        <>
          <p class="govuk-body" data-counts="">
            {text(lang, 'countsLine', {
              total: props.rows.length,
              entered: count('entered'),
              done: props.rows.filter((row) => row.entry?.status === 'done').length,
              due: count('due'),
              overdue: count('overdue'),
              late: props.rows.filter((row) => row.entry?.isLate).length,
            })}
          </p>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">
              {text(lang, 'practicesCaption', { period })}
            </caption>
            <TableHead columns={[text(lang, 'practice'), text(lang, 'entryColumn')]} />
            <tbody class="govuk-table__body">
              {props.rows.map((row, index) => {
                const state = states[index] ?? 'due';
                return (
                  <tr
                    key={row.carried.practice.id}
                    class="govuk-table__row"
                    data-practice={row.carried.ref}
                    data-state={state}
                    data-status={row.entry?.status ?? ''}
                  >
                    <th scope="row" class="govuk-table__header">
                      <a
                        class="govuk-link"
                        href={localePath(
                          lang,
                          progressPaths.practice(year, unitCode, period, row.carried.practice.id),
                        )}
                      >
                        {row.carried.ref} <span lang="zh-TW">{row.carried.practice.text}</span>
                      </a>
                      {lang === 'en' && row.strategyEn ? (
                        <span class="govuk-hint govuk-!-margin-bottom-0">{row.strategyEn}</span>
                      ) : null}
                    </th>
                    <td class="govuk-table__cell">
                      <strong class={`govuk-tag ${tagClass(state, row.entry?.status)}`}>
                        {row.entry ? text(lang, `status_${row.entry.status}`) : text(lang, `state_${state}`)}
                      </strong>
                      {row.entry?.isLate ? (
                        <>
                          {' '}
                          <strong class="govuk-tag govuk-tag--red" data-late="true">
                            {text(lang, 'late')}
                          </strong>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

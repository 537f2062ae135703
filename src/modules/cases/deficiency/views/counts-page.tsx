import { Button, ErrorSummary, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { deficiencyPaths } from '../deficiency-paths.ts';
import type { NoticeCounts } from '../deficiency-queries.ts';

/** Deficiency notices of a year per service and per unit (first, second, supplemented online/counter, lapsed). */

export interface CountsPageView {
  lang: Lang;
  year: number;
  typedYear: string;
  problems: FormProblems;
  byService: readonly (NoticeCounts & { name: string })[];
  byUnit: readonly (NoticeCounts & { name: string })[];
}

function CountsTable(props: { lang: Lang; id: string; caption: string; rows: CountsPageView['byService'] }) {
  const { lang } = props;
  const numeric = (label: string) => ({ label, isNumeric: true });
  return (
    <table class="govuk-table" id={props.id}>
      <caption class="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
      <TableHead
        columns={[
          text(lang, 'colName'),
          numeric(text(lang, 'colFirst')),
          numeric(text(lang, 'colSecond')),
          numeric(text(lang, 'colOnline')),
          numeric(text(lang, 'colCounter')),
          numeric(text(lang, 'colLapsed')),
        ]}
      />
      <tbody class="govuk-table__body">
        {props.rows.map((row) => (
          <tr key={row.code} class="govuk-table__row" data-code={row.code}>
            <th scope="row" class="govuk-table__header">
              {row.name}
            </th>
            {[row.first, row.second, row.online, row.counter, row.lapsed].map((value, index) => (
              <td key={index} class="govuk-table__cell govuk-table__cell--numeric">
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CountsPage(view: CountsPageView) {
  const { lang } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary lang={lang} problems={view.problems} />
        <h1 class="govuk-heading-l">{text(lang, 'countsTitle')}</h1>
        <form method="get" action={localePath(lang, deficiencyPaths.counts)} novalidate>
          <TextInput
            lang={lang}
            name="year"
            label={text(lang, 'yearLabel')}
            value={view.typedYear}
            problems={view.problems}
            inputMode="numeric"
            widthClass="govuk-input--width-4"
          />
          <Button isSecondary>{text(lang, 'showButton')}</Button>
        </form>
        <p class="govuk-body">{text(lang, 'countsLead', { year: view.year })}</p>
        {view.byService.length === 0 ? (
          <p class="govuk-body" data-no-counts>
            {text(lang, 'noCounts')}
          </p>
        ) : (
          <>
            <CountsTable
              lang={lang}
              id="by-service"
              caption={text(lang, 'byService')}
              rows={view.byService}
            />
            <CountsTable lang={lang} id="by-unit" caption={text(lang, 'byUnit')} rows={view.byUnit} />
          </>
        )}
      </div>
    </div>
  );
}

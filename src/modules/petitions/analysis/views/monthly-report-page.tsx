import { Button, ErrorSummary, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { AnalysisNames } from '../analysis-figures.ts';
import { analysisText as text } from '../analysis-messages.ts';
import { analysisPaths } from '../analysis-paths.ts';
import type { AnalysisFilter, AnalysisTables } from '../analysis-queries.ts';
import type { GroupFigures } from '../analysis-rules.ts';
import { Definitions, filterQuery, RefreshedLine } from './analysis-page.tsx';
import { BreakdownTables, FiguresTable } from './analysis-tables.tsx';

export interface MonthlyReportProps {
  lang: Lang;
  refreshedAt: Date | null;
  typed: string;
  problems: FormProblems;
  /** The month's filter (its unit, for a viewer limited to one) and tables; the year to date. */
  month: { filter: AnalysisFilter; tables: AnalysisTables };
  yearToDate: { filter: AnalysisFilter; total: GroupFigures };
  names: AnalysisNames;
  isUnitScoped: boolean;
  annualReportsPath: string | null;
}

/**
 * The Secretariat's monthly report: the month's petitions (total, by type, by unit), the year to date, and how
 * these figures feed management control's annual performance report. Printable as it is.
 */
export function MonthlyReportPage(props: MonthlyReportProps) {
  const { lang, names, month, yearToDate } = props;
  const monthName = names.month(month.filter.from);
  const query = filterQuery(month.filter, { withUnit: !props.isUnitScoped });
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'monthlyTitle')}</h1>
      <p class="govuk-body">{text(lang, 'monthlyLead', { month: monthName })}</p>
      <RefreshedLine lang={lang} refreshedAt={props.refreshedAt} />
      <form method="get" action={localePath(lang, analysisPaths.monthly)} novalidate>
        <TextInput
          lang={lang}
          name="month"
          label={text(lang, 'monthLabel')}
          hint={text(lang, 'monthHint')}
          value={props.typed}
          problems={props.problems}
          inputMode="numeric"
          widthClass="govuk-input--width-5"
          maxLength={12}
        />
        <Button isSecondary>{text(lang, 'show')}</Button>
      </form>

      <h2 class="govuk-heading-m" data-month={month.filter.from}>
        {text(lang, 'monthHeading', { month: monthName })}
      </h2>
      {month.tables.total.received === 0 ? (
        <p class="govuk-body" data-table="none">
          {text(lang, 'none')}
        </p>
      ) : null}
      <FiguresTable
        lang={lang}
        id="month-total"
        caption={text(lang, 'totalHeading')}
        nameHeading={text(lang, 'colName')}
        groups={[
          { code: 'month', figures: month.tables.total },
          { code: 'year', figures: yearToDate.total },
        ]}
        nameOf={(code) =>
          code === 'month'
            ? monthName
            : text(lang, 'yearToDate', {
                from: names.month(yearToDate.filter.from),
                to: names.month(yearToDate.filter.to),
              })
        }
      />
      <BreakdownTables lang={lang} tables={month.tables} names={names} only={['type', 'unit']} />
      <p class="govuk-body">
        {text(lang, 'monthDownloads')}{' '}
        <a class="govuk-link" href={`${localePath(lang, analysisPaths.csv)}?${query}`} download>
          CSV
        </a>
        {' · '}
        <a class="govuk-link" href={`${localePath(lang, analysisPaths.ods)}?${query}`} download>
          ODS
        </a>
      </p>
      <Definitions lang={lang} />

      <h2 class="govuk-heading-m">{text(lang, 'annualHeading')}</h2>
      <p class="govuk-body">{text(lang, 'annualText')}</p>
      <p class="govuk-body">{text(lang, 'annualCaveat')}</p>
      {props.annualReportsPath === null ? null : (
        <LinkParagraph href={localePath(lang, props.annualReportsPath)}>
          {text(lang, 'annualLink')}
        </LinkParagraph>
      )}
      <LinkParagraph href={`${localePath(lang, analysisPaths.page)}?${query}`}>
        {text(lang, 'backToAnalysis')}
      </LinkParagraph>
    </>
  );
}

import { ErrorSummary } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { formatDateTime } from '../../shared/control-format.ts';
import { ListPagination, YearChoice } from '../../shared/page-parts.tsx';
import type { UnitName } from '../../shared/unit-names.ts';
import { stateText } from '../work-plan-format.ts';
import { workPlanText as text } from '../work-plan-messages.ts';
import { workPlanPaths } from '../work-plan-paths.ts';
import type { WorkPlanSummary } from '../work-plan-reads.ts';

/** The lists of work plans: every unit's for the staff (a page at a time), the published ones for the public. */

const nameOf = (lang: Lang, unit: Pick<UnitName, 'nameZh' | 'nameEn'>) =>
  lang === 'en' ? unit.nameEn : unit.nameZh;

export function WorkPlanListPage(props: {
  lang: Lang;
  csrfToken: string;
  years: readonly number[];
  year: number | null;
  /** One page of the units the reader may see, each with its work plan's summary (none yet: null). */
  units: readonly { unit: UnitName; summary: WorkPlanSummary | null }[];
  page: number;
  hasNextPage: boolean;
  /** The reader's own unit, when they may start its work plan and it has none yet. */
  startUnit: UnitName | null;
  problems: FormProblems;
}) {
  const { lang, year } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      {year === null ? null : (
        <YearChoice
          lang={lang}
          action={workPlanPaths.staffList}
          years={props.years}
          year={year}
          label={text(lang, 'yearLabel')}
          optionLabel={(option) => text(lang, 'yearOption', { year: option, rocYear: option - 1911 })}
          button={text(lang, 'showYear')}
          formClass="ow-inline-form"
        />
      )}
      {year !== null && props.startUnit ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'startHeading')}</h2>
          <p class="govuk-body">{text(lang, 'startLead', { unit: nameOf(lang, props.startUnit), year })}</p>
          <PostForm
            action={localePath(lang, workPlanPaths.staffCreate(year))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'startButton')}
          />
        </>
      ) : null}
      {year === null ? null : (
        <>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">
              {text(lang, 'yearCaption', { title: text(lang, 'listTitle'), year, rocYear: year - 1911 })}
            </caption>
            <TableHead
              columns={[
                text(lang, 'colUnit'),
                text(lang, 'colState'),
                { label: text(lang, 'colMethods'), isNumeric: true },
                text(lang, 'colUpdated'),
              ]}
            />
            <tbody class="govuk-table__body">
              {props.units.map(({ unit, summary }) => (
                <tr key={unit.code} class="govuk-table__row" data-unit={unit.code}>
                  <th scope="row" class="govuk-table__header">
                    {summary ? (
                      <a class="govuk-link" href={localePath(lang, workPlanPaths.staffPlan(year, unit.code))}>
                        {nameOf(lang, unit)}
                      </a>
                    ) : (
                      nameOf(lang, unit)
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
              ))}
            </tbody>
          </table>
          <ListPagination
            lang={lang}
            path={workPlanPaths.staffYear(year)}
            page={props.page}
            hasNextPage={props.hasNextPage}
          />
        </>
      )}
    </>
  );
}

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
                {nameOf(lang, plan)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/work-plans`: the years with a published plan, each linking to its units' published work plans. */
export function PublicWorkPlanYearsPage(props: {
  lang: Lang;
  title: string;
  lead: string;
  years: readonly { year: number; label: string }[];
  empty: string;
  page: number;
  hasNextPage: boolean;
}) {
  const { lang } = props;
  return (
    <>
      <h1 class="govuk-heading-xl">{props.title}</h1>
      <p class="govuk-body-l">{props.lead}</p>
      {props.years.length === 0 ? (
        <p class="govuk-body">{props.empty}</p>
      ) : (
        <ul class="govuk-list">
          {props.years.map((entry) => (
            <li key={entry.year}>
              <a class="govuk-link" href={localePath(lang, workPlanPaths.publicYear(entry.year))}>
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ListPagination
        lang={lang}
        path={workPlanPaths.publicYears}
        page={props.page}
        hasNextPage={props.hasNextPage}
      />
    </>
  );
}

import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { Button, ErrorSummary, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate, taipeiIsoDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { ConsoleNav } from '../../console/views/console-nav.tsx';
import { satisfactionText as text } from '../satisfaction-messages.ts';
import { satisfactionPaths } from '../satisfaction-paths.ts';
import type { DateRange, SatisfactionSummary } from '../satisfaction-rules.ts';
import type { GroupResult, SatisfactionComment } from '../satisfaction-service.ts';

export interface SatisfactionResultsView {
  lang: Lang;
  role: StaffRole;
  lead: string;
  /** The period as typed (kept when it has a problem). */
  filter: { from: string; to: string };
  /** The period applied (none while the typed one has a problem). */
  range: DateRange;
  problems: FormProblems;
  results: { byService: GroupResult[]; byUnit: GroupResult[]; all: SatisfactionSummary };
  comments: { rows: SatisfactionComment[]; hasNextPage: boolean };
  page: number;
  unitName: (code: string) => string;
  serviceName: (code: string) => string;
}

function taipeiDate(at: Date): string {
  return taipeiIsoDate(at);
}

function scoreWords(lang: Lang, score: number): string {
  const words = text(lang, `score${Math.min(5, Math.max(1, score)) as 1 | 2 | 3 | 4 | 5}`);
  return lang === 'en' ? `(${words})` : `（${words}）`;
}

function ResultsTable(props: {
  lang: Lang;
  id: string;
  caption: string;
  nameHeading: string;
  groups: readonly GroupResult[];
  nameOf: (code: string) => string;
}) {
  const { lang } = props;
  if (props.groups.length === 0) return null;
  const numeric = (label: string) => ({ label, isNumeric: true });
  return (
    <table class="govuk-table" data-results={props.id}>
      <caption class="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
      <TableHead
        columns={[
          props.nameHeading,
          numeric(text(lang, 'count')),
          numeric(text(lang, 'average')),
          ...(['1', '2', '3', '4', '5'] as const).map((score) =>
            numeric(`${score} ${text(lang, `score${score}`)}`),
          ),
        ]}
      />
      <tbody class="govuk-table__body">
        {props.groups.map((group) => (
          <tr key={group.code} class="govuk-table__row" data-code={group.code}>
            <th scope="row" class="govuk-table__header">
              {props.nameOf(group.code)}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric" data-count>
              {group.summary.count}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric" data-average>
              {group.summary.average === null ? '—' : group.summary.average.toFixed(1)}
            </td>
            {group.summary.distribution.map((count, index) => (
              <td key={index} class="govuk-table__cell govuk-table__cell--numeric" data-score={index + 1}>
                {count}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per service and per unit: count, average and distribution; then the comments, with no one named. */
export function SatisfactionResultsPage(props: SatisfactionResultsView) {
  const { lang, problems } = props;
  const path = localePath(lang, satisfactionPaths.results);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (props.range.from !== null) query.set('from', props.range.from);
    if (props.range.to !== null) query.set('to', props.range.to);
    query.set('page', String(page));
    return `${path}?${query.toString()}`;
  };
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <ConsoleNav lang={lang} role={props.role} current={satisfactionPaths.results} />
      <h1 class="govuk-heading-l">{text(lang, 'resultsTitle')}</h1>
      <p class="govuk-body">{props.lead}</p>

      <form method="get" action={path} novalidate>
        <h2 class="govuk-heading-m">{text(lang, 'filterHeading')}</h2>
        <TextInput
          lang={lang}
          name="from"
          label={text(lang, 'from')}
          hint={text(lang, 'dateHint')}
          isOptional
          value={props.filter.from}
          problems={problems}
          widthClass="govuk-input--width-10"
        />
        <TextInput
          lang={lang}
          name="to"
          label={text(lang, 'to')}
          hint={text(lang, 'dateHint')}
          isOptional
          value={props.filter.to}
          problems={problems}
          widthClass="govuk-input--width-10"
        />
        <Button isSecondary>{text(lang, 'filter')}</Button>
      </form>

      {props.results.all.count === 0 ? (
        <p class="govuk-body" data-results="none">
          {text(lang, 'none')}
        </p>
      ) : null}
      <ResultsTable
        lang={lang}
        id="service"
        caption={text(lang, 'byService')}
        nameHeading={text(lang, 'service')}
        groups={props.results.byService}
        nameOf={props.serviceName}
      />
      <ResultsTable
        lang={lang}
        id="unit"
        caption={text(lang, 'byUnit')}
        nameHeading={text(lang, 'unit')}
        groups={props.results.byUnit}
        nameOf={props.unitName}
      />

      <h2 class="govuk-heading-m">{text(lang, 'commentsHeading')}</h2>
      <p class="govuk-hint">{text(lang, 'commentsHint')}</p>
      {props.comments.rows.length === 0 ? (
        <p class="govuk-body">{text(lang, 'commentsNone')}</p>
      ) : (
        <ul class="govuk-list" data-comments>
          {props.comments.rows.map((row, index) => (
            <li key={index} class="govuk-!-margin-bottom-4">
              <blockquote class="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-1">
                {row.comment}
              </blockquote>
              <p class="govuk-body-s">
                {[
                  `${text(lang, 'scoreLabel')} ${row.score} ${scoreWords(lang, row.score)}`,
                  props.serviceName(row.serviceCode),
                  props.unitName(row.unitCode),
                  formatPageDate(lang, taipeiDate(row.answeredAt)),
                ].join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination lang={lang} page={props.page} href={pageHref} hasNextPage={props.comments.hasNextPage} />
    </>
  );
}

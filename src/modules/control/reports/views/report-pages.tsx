import { ErrorSummary, SuccessBanner, TextArea } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { formatDateTime } from '../../shared/control-format.ts';
import { ListPagination, textFields, YearChoice } from '../../shared/page-parts.tsx';
import type { ReportData } from '../report-build.ts';
import {
  type Cell,
  checksTable,
  evidenceTable,
  indicatorTable,
  petitionTable,
  practiceTable,
  type ReportTable,
  reportTitle,
  statusLines,
} from '../report-document.ts';
import { reportText as text } from '../report-messages.ts';
import { reportPaths } from '../report-paths.ts';
import { bureauSubject, itemField } from '../report-rules.ts';
import type { ReportState } from '../report-schema.ts';

/** The annual performance reports' staff pages: the year's list and one report (printable, A4). */

export interface ReportListEntry {
  subject: string;
  name: string;
  state: ReportState | 'none';
  dueDate: string;
  issuedAt: Date | null;
  overdue: boolean;
}

export function ReportListPage(props: {
  lang: Lang;
  years: readonly number[];
  year: number | null;
  /** One page of the year's reports. */
  entries: readonly ReportListEntry[];
  page: number;
  hasNextPage: boolean;
  /** A dashboard warning: the due date is near or past and reports are not issued. */
  warning: string | null;
}) {
  const { lang, year } = props;
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      {props.warning === null ? null : (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">{props.warning}</strong>
        </div>
      )}
      {year === null ? (
        <p class="govuk-body">{text(lang, 'noPlans')}</p>
      ) : (
        <>
          <YearChoice
            lang={lang}
            action={reportPaths.list}
            years={props.years}
            year={year}
            label={text(lang, 'yearLabel')}
            optionLabel={(option) => text(lang, 'yearOption', { year: option, rocYear: option - 1911 })}
            button={text(lang, 'show')}
          />
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">
              {text(lang, 'yearOption', { year, rocYear: year - 1911 })}
            </caption>
            <TableHead
              columns={[
                text(lang, 'colSubject'),
                text(lang, 'colState'),
                text(lang, 'colDue'),
                text(lang, 'colIssued'),
              ]}
            />
            <tbody class="govuk-table__body">
              {props.entries.map((entry) => (
                <tr key={entry.subject} class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    <a class="govuk-link" href={localePath(lang, reportPaths.report(year, entry.subject))}>
                      {entry.name}
                    </a>
                  </th>
                  <td class="govuk-table__cell">
                    {text(lang, `state_${entry.state}`)}
                    {entry.overdue ? (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--red">{text(lang, 'overdue')}</strong>
                      </>
                    ) : null}
                  </td>
                  <td class="govuk-table__cell">{formatPageDate(lang, entry.dueDate)}</td>
                  <td class="govuk-table__cell">
                    {entry.issuedAt === null ? '—' : formatDateTime(lang, entry.issuedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ListPagination
            lang={lang}
            path={reportPaths.listYear(year)}
            page={props.page}
            hasNextPage={props.hasNextPage}
          />
        </>
      )}
    </>
  );
}

function CellText({ value }: { value: Cell }) {
  if (value === null) return <>—</>;
  if (typeof value === 'number') return <>{value.toLocaleString('en-US', { maximumFractionDigits: 6 })}</>;
  const lines = value.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** A table with its caption, header row and (first column) row headers. */
function Table({ table }: { table: ReportTable }) {
  return (
    <div class="ow-table-scroll">
      <table class="govuk-table ow-report-table" id={table.id}>
        <caption class="govuk-table__caption govuk-table__caption--s">{table.caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {table.header.map((heading, index) => (
              <th
                key={heading}
                scope="col"
                class={`govuk-table__header${table.numeric.has(index) ? ' govuk-table__header--numeric' : ''}`}
              >
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex} class="govuk-table__row">
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" class="govuk-table__header">
                    <CellText value={cell} />
                  </th>
                ) : (
                  <td
                    key={index}
                    class={`govuk-table__cell${table.numeric.has(index) ? ' govuk-table__cell--numeric' : ''}`}
                  >
                    <CellText value={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportPage(props: {
  lang: Lang;
  csrfToken: string;
  data: ReportData;
  mayEdit: boolean;
  notice: string | null;
  problems: FormProblems;
  /** What the form showed when it was refused. */
  typed: { narrative: string; items: ReadonlyMap<string, string> } | null;
}) {
  const { lang, data } = props;
  const subject = data.unitCode ?? bureauSubject;
  const { problems } = props;
  const editable = props.mayEdit && data.record.state !== 'issued';
  const narrative = props.typed?.narrative ?? data.record.narrative;
  const itemValue = (id: string) => props.typed?.items.get(id) ?? data.record.itemNarratives.get(id) ?? '';
  return (
    <div class="ow-report">
      <ErrorSummary lang={lang} problems={problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <span class="govuk-caption-l">{data.planTitle}</span>
      <h1 class="govuk-heading-l">{reportTitle(data, lang)}</h1>
      <ul class="govuk-list">
        {statusLines(data, lang).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="ow-report__actions">
        <h2 class="govuk-heading-s">{text(lang, 'downloads')}</h2>
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={localePath(lang, reportPaths.odt(data.year, subject))}>
              {text(lang, 'downloadOdt')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={localePath(lang, reportPaths.ods(data.year, subject))}>
              {text(lang, 'downloadOds')}
            </a>
          </li>
        </ul>
        <p class="govuk-body-s">{text(lang, 'printHint')}</p>
      </div>

      <h2 class="govuk-heading-m">{text(lang, 'sectionNarrative')}</h2>
      {data.record.narrative === '' ? (
        <p class="govuk-body">{text(lang, 'narrativeEmpty')}</p>
      ) : (
        <p class="govuk-body ow-report__narrative">
          <CellText value={data.record.narrative} />
        </p>
      )}

      <h2 class="govuk-heading-m">{text(lang, 'sectionPractices')}</h2>
      {data.hasProgress ? null : <p class="govuk-body">{text(lang, 'progressNone')}</p>}
      {data.items.map((item) => {
        const itemNarrative = data.record.itemNarratives.get(item.id);
        return (
          <section key={item.id} aria-labelledby={`heading-${item.id}`}>
            <h3 class="govuk-heading-s" id={`heading-${item.id}`}>
              {item.label}
              {item.title}
            </h3>
            {itemNarrative ? (
              <p class="govuk-body">
                <CellText value={itemNarrative} />
              </p>
            ) : null}
            <Table table={practiceTable(data, item, lang)} />
          </section>
        );
      })}

      <h2 class="govuk-heading-m">{text(lang, 'sectionIndicators')}</h2>
      {data.indicators.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noIndicators')}</p>
      ) : (
        <Table table={indicatorTable(data, lang)} />
      )}

      <h2 class="govuk-heading-m">{text(lang, 'sectionEvidence')}</h2>
      {data.evidence.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noEvidence')}</p>
      ) : (
        <Table table={evidenceTable(data, lang)} />
      )}

      <h2 class="govuk-heading-m">{text(lang, 'sectionChecks')}</h2>
      {data.checks.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noChecks')}</p>
      ) : (
        <Table table={checksTable(data, lang)} />
      )}

      <h2 class="govuk-heading-m">{text(lang, 'sectionPetitions')}</h2>
      <p class="govuk-body">{text(lang, 'petitionsLead')}</p>
      <Table table={petitionTable(data, lang)} />

      {editable ? (
        <div class="ow-report__actions">
          <h2 class="govuk-heading-m">{text(lang, 'narrativeFormTitle')}</h2>
          <PostForm
            action={localePath(lang, reportPaths.narrative(data.year, subject))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'save')}
          >
            <input type="hidden" name="version" value={String(data.record.version)} />
            {textFields(lang, { narrative }, problems).area('narrative', text(lang, 'narrativeLabel'), {
              hint: text(lang, 'narrativeHint'),
              rows: 8,
            })}
            {data.items.map((item) => (
              <TextArea
                key={item.id}
                lang={lang}
                name={itemField(item.id)}
                label={text(lang, 'itemNarrativeLabel', { item: `${item.label}${item.title}` })}
                problems={problems}
                value={itemValue(item.id)}
                rows={3}
              />
            ))}
          </PostForm>
          <h2 class="govuk-heading-m">{text(lang, 'issueTitle')}</h2>
          <p class="govuk-body">{text(lang, 'issueHint')}</p>
          <PostForm
            action={localePath(lang, reportPaths.issue(data.year, subject))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'issue')}
            isWarning
          >
            <input type="hidden" name="version" value={String(data.record.version)} />
          </PostForm>
        </div>
      ) : null}
    </div>
  );
}

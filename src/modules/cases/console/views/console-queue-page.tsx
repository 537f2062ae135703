import type { StaffRole } from '../../../../platform/auth/principal.ts';
import type { FieldProblem } from '../../../../platform/http/errors.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { casePaths } from '../../core/case-paths.ts';
import type { UnitHandler } from '../../core/case-staff-repo.ts';
import { caseStates, stateLabels } from '../../core/case-workflow.ts';
import { openStateList, type QueueItem } from '../../core/cases-service.ts';
import type { QueueSelection } from '../console-filters.ts';
import { selectionQuery } from '../console-filters.ts';
import { consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import {
  Banner,
  type Choice,
  ConsoleNav,
  CsrfField,
  ErrorSummary,
  Select,
  type ShownProblem,
  StatusTag,
  stateName,
} from './console-components.tsx';
import { formatDate } from './console-format.ts';

export interface NamedCode {
  code: string;
  name: string;
}

export interface QueuePageProps {
  lang: Lang;
  role: StaffRole;
  csrfToken: string;
  kind: 'mine' | 'unit' | 'all';
  title: string;
  lead: string;
  /** The bare path of this queue (my queue or the unit queue). */
  path: string;
  selection: QueueSelection;
  notices: readonly FieldProblem[];
  items: readonly QueueItem[];
  total: number;
  page: number;
  pageSize: number;
  services: readonly NamedCode[];
  districts: readonly NamedCode[];
  /** The secretariat's unit choice; empty for everyone else. */
  units: readonly NamedCode[];
  /** The shown unit's case officers (filter and bulk assignment); empty when no single unit is shown. */
  handlers: readonly UnitHandler[];
  canBulkAssign: boolean;
  /** After a bulk assignment: its problems (400), or what was ticked and chosen, to keep them. */
  problems: readonly ShownProblem[];
  tickedIds: readonly string[];
  chosenHandlerId: string;
  successMessage: string | null;
}

/** A handler's or a unit's open cases by deadline, with filters in the URL and (supervisors) bulk assignment. */
export function QueuePage(props: QueuePageProps) {
  const { lang, selection, items, total, page, pageSize } = props;
  const path = localePath(lang, props.path);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const districtNames = new Map(props.districts.map((district) => [district.code, district.name]));
  const unitNames = new Map(props.units.map((unit) => [unit.code, unit.name]));
  const pageHref = (number: number) => {
    const query = selectionQuery(selection, number).toString();
    return query === '' ? path : `${path}?${query}`;
  };
  const hasFilters =
    selection.state !== '' ||
    selection.service !== '' ||
    selection.district !== '' ||
    selection.due !== '' ||
    selection.unassigned ||
    selection.handler !== '' ||
    selection.unit !== '';
  const states: Choice[] = caseStates
    .filter((state) => openStateList.includes(state))
    .map((state) => ({ value: state, text: lang === 'en' ? stateLabels[state].en : stateLabels[state].zh }));
  const showUnitColumn = props.kind === 'all' && selection.unit === '';
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const ticked = new Set(props.tickedIds);

  const table = (
    <table class="govuk-table govuk-!-font-size-16" id="caseIds" data-queue-total={total}>
      <caption class="govuk-table__caption govuk-table__caption--m">
        {items.length === 0
          ? text(lang, 'queueCount', { total })
          : text(lang, 'queueRange', { from: first, to: last, total })}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {props.canBulkAssign ? (
            <th scope="col" class="govuk-table__header">
              {text(lang, 'columnSelect')}
            </th>
          ) : null}
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnCaseNumber')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnSubject')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnService')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnDistrict')}
          </th>
          {showUnitColumn ? (
            <th scope="col" class="govuk-table__header">
              {text(lang, 'columnUnit')}
            </th>
          ) : null}
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnHandler')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnReceived')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnExpected')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnState')}
          </th>
          <th scope="col" class="govuk-table__header">
            {text(lang, 'columnDeadline')}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {items.map((item) => (
          <tr class="govuk-table__row" key={item.id} data-case-number={item.caseNumber}>
            {props.canBulkAssign ? (
              <td class="govuk-table__cell">
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id={`case-${item.id}`}
                      name="caseIds"
                      type="checkbox"
                      value={item.id}
                      checked={ticked.has(item.id)}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for={`case-${item.id}`}>
                      <span class="govuk-visually-hidden">
                        {text(lang, 'selectCase', { caseNumber: item.caseNumber })}
                      </span>
                    </label>
                  </div>
                </div>
              </td>
            ) : null}
            <td class="govuk-table__cell">
              <a class="govuk-link" href={localePath(lang, casePaths.casePage(item.caseNumber))}>
                {item.caseNumber}
              </a>
            </td>
            <td class="govuk-table__cell">{item.subject}</td>
            <td class="govuk-table__cell">{lang === 'en' ? item.serviceNameEn : item.serviceNameZh}</td>
            <td class="govuk-table__cell">
              {item.districtCode === null ? '' : (districtNames.get(item.districtCode) ?? item.districtCode)}
            </td>
            {showUnitColumn ? (
              <td class="govuk-table__cell">{unitNames.get(item.unitCode) ?? item.unitCode}</td>
            ) : null}
            <td class="govuk-table__cell">{item.handlerName ?? text(lang, 'unassigned')}</td>
            <td class="govuk-table__cell">{formatDate(lang, item.receivedAt)}</td>
            <td class="govuk-table__cell">
              {item.expectedCompletionDate === null ? '' : formatDate(lang, item.expectedCompletionDate)}
            </td>
            <td class="govuk-table__cell">{stateName(lang, item.state)}</td>
            <td class="govuk-table__cell">
              <StatusTag lang={lang} status={item.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <>
      <ConsoleNav lang={lang} role={props.role} current={props.path} />
      <ErrorSummary lang={lang} problems={props.problems} />
      {props.successMessage === null ? null : (
        <Banner id="queue-success" kind="success" title={text(lang, 'successTitle')}>
          <p class="govuk-notification-banner__heading">{props.successMessage}</p>
        </Banner>
      )}
      <h1 class="govuk-heading-l">{props.title}</h1>
      <p class="govuk-body">{props.lead}</p>
      {props.notices.map((notice) => (
        <div key={notice.field} class="govuk-inset-text" data-notice={notice.field}>
          {notice.message}
        </div>
      ))}
      <details class="govuk-details" open={hasFilters || props.notices.length > 0}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{text(lang, 'filtersHeading')}</span>
        </summary>
        <div class="govuk-details__text">
          <form method="get" action={path} novalidate>
            <div class="govuk-grid-row">
              {props.units.length > 0 ? (
                <div class="govuk-grid-column-one-third">
                  <Select
                    lang={lang}
                    id="filter-unit"
                    name="unit"
                    label={text(lang, 'filterUnit')}
                    value={selection.unit}
                    blank={text(lang, 'all')}
                    choices={props.units.map((unit) => ({ value: unit.code, text: unit.name }))}
                  />
                </div>
              ) : null}
              <div class="govuk-grid-column-one-third">
                <Select
                  lang={lang}
                  id="filter-state"
                  name="state"
                  label={text(lang, 'filterState')}
                  value={selection.state}
                  blank={text(lang, 'all')}
                  choices={states}
                />
              </div>
              <div class="govuk-grid-column-one-third">
                <Select
                  lang={lang}
                  id="filter-due"
                  name="due"
                  label={text(lang, 'filterDue')}
                  value={selection.due}
                  blank={text(lang, 'all')}
                  choices={[
                    { value: 'soon', text: text(lang, 'filterDueSoon') },
                    { value: 'overdue', text: text(lang, 'filterDueOverdue') },
                  ]}
                />
              </div>
              <div class="govuk-grid-column-one-third">
                <Select
                  lang={lang}
                  id="filter-service"
                  name="service"
                  label={text(lang, 'filterService')}
                  value={selection.service}
                  blank={text(lang, 'all')}
                  choices={props.services.map((service) => ({ value: service.code, text: service.name }))}
                />
              </div>
              <div class="govuk-grid-column-one-third">
                <Select
                  lang={lang}
                  id="filter-district"
                  name="district"
                  label={text(lang, 'filterDistrict')}
                  value={selection.district}
                  blank={text(lang, 'all')}
                  choices={props.districts.map((district) => ({ value: district.code, text: district.name }))}
                />
              </div>
              {props.kind !== 'mine' && props.handlers.length > 0 ? (
                <div class="govuk-grid-column-one-third">
                  <Select
                    lang={lang}
                    id="filter-handler"
                    name="handler"
                    label={text(lang, 'filterHandler')}
                    value={selection.handler}
                    blank={text(lang, 'all')}
                    choices={props.handlers.map((handler) => ({
                      value: handler.id,
                      text: handler.displayName,
                    }))}
                  />
                </div>
              ) : null}
            </div>
            {props.kind !== 'mine' ? (
              <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id="filter-unassigned"
                      name="unassigned"
                      type="checkbox"
                      value="yes"
                      checked={selection.unassigned}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="filter-unassigned">
                      {text(lang, 'filterUnassigned')}
                    </label>
                  </div>
                </div>
              </div>
            ) : null}
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {text(lang, 'applyFilters')}
              </button>
              {hasFilters ? (
                <a class="govuk-link" href={path}>
                  {text(lang, 'clearFilters')}
                </a>
              ) : null}
            </div>
          </form>
        </div>
      </details>
      {items.length === 0 ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'queueCount', { total })}</h2>
          <p class="govuk-body" data-queue-empty="true">
            {total > 0
              ? text(lang, 'pageBeyond', { last: lastPage })
              : text(lang, props.kind === 'mine' && !hasFilters ? 'queueEmptyMine' : 'queueEmpty')}
          </p>
        </>
      ) : props.canBulkAssign ? (
        <form method="post" action={localePath(lang, consolePaths.bulkAssign)} novalidate>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="returnQuery" value={selectionQuery(selection, page).toString()} />
          <div class="ow-table-scroll">{table}</div>
          <h2 class="govuk-heading-s">{text(lang, 'bulkAssignHeading')}</h2>
          <Select
            lang={lang}
            id="handlerId"
            name="handlerId"
            label={text(lang, 'bulkAssignHandler')}
            value={props.chosenHandlerId}
            blank={text(lang, 'chooseHandler')}
            error={props.problems.find((problem) => problem.target === 'handlerId')?.message}
            choices={props.handlers.map((handler) => ({ value: handler.id, text: handler.displayName }))}
          />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {text(lang, 'bulkAssignButton')}
          </button>
        </form>
      ) : (
        <div class="ow-table-scroll">{table}</div>
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'paginationLabel')}
        page={page}
        pageCount={lastPage}
        href={pageHref}
      />
    </>
  );
}

import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { pageCountOf } from '../../../../platform/db/paging.ts';
import type { FieldProblem } from '../../../../platform/http/errors.ts';
import {
  Banner,
  Button,
  ErrorSummary,
  Select,
  SingleCheckbox,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { QueueItem } from '../../core/case-queries.ts';
import type { UnitHandler } from '../../core/case-staff-repo.ts';
import { subjectIn } from '../../core/case-subject.ts';
import { openStates } from '../../core/workflows.ts';
import { bulkAssignForm } from '../case-forms.ts';
import { type QueueSelection, selectionQuery } from '../console-filters.ts';
import { consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import { formatDate } from './console-format.ts';
import { ConsoleNav } from './console-nav.tsx';
import { CaseLink, StatusTag, stateName } from './console-parts.tsx';

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
  /** "My cases": how many of the unit's cases wait unassigned in the unit queue (null elsewhere). */
  unitWaiting: { count: number; unitName: string } | null;
  /** The unit queue: how many of its cases have an extension waiting for a decision (null elsewhere). */
  pendingExtensions: number | null;
  /** After a bulk assignment: its problems (400), or what was ticked and chosen, to keep them. */
  problems: FormProblems;
  tickedIds: readonly string[];
  chosenHandlerId: string;
  successMessage: string | null;
}

const choicesOf = (named: readonly NamedCode[]) =>
  named.map((item) => ({ value: item.code, label: item.name }));

function hasFilters(selection: QueueSelection): boolean {
  return Object.values(selection).some((value) => value !== '' && value !== false);
}

/** The filters, in the URL: a GET form that works without JavaScript. */
function QueueFilters(props: QueuePageProps) {
  const { lang, selection } = props;
  const path = localePath(lang, props.path);
  const all = text(lang, 'all');
  const filter = (name: keyof QueueSelection, label: string, choices: { value: string; label: string }[]) => (
    <div class="govuk-grid-column-one-third">
      <Select
        lang={lang}
        id={`filter-${name}`}
        name={name}
        label={label}
        value={String(selection[name])}
        blank={all}
        choices={choices}
      />
    </div>
  );
  return (
    <details class="govuk-details" open={hasFilters(selection) || props.notices.length > 0}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{text(lang, 'filtersHeading')}</span>
      </summary>
      <div class="govuk-details__text">
        <form method="get" action={path} novalidate>
          <div class="govuk-grid-row">
            {props.units.length > 0 ? filter('unit', text(lang, 'filterUnit'), choicesOf(props.units)) : null}
            {filter(
              'state',
              text(lang, 'filterState'),
              openStates.map((state) => ({ value: state, label: stateName(lang, state) })),
            )}
            {filter('due', text(lang, 'filterDue'), [
              { value: 'soon', label: text(lang, 'filterDueSoon') },
              { value: 'overdue', label: text(lang, 'filterDueOverdue') },
            ])}
            {filter('service', text(lang, 'filterService'), choicesOf(props.services))}
            {filter('district', text(lang, 'filterDistrict'), choicesOf(props.districts))}
            {props.kind !== 'mine' && props.handlers.length > 0
              ? filter(
                  'handler',
                  text(lang, 'filterHandler'),
                  props.handlers.map((handler) => ({ value: handler.id, label: handler.displayName })),
                )
              : null}
          </div>
          {props.kind !== 'mine' ? (
            <>
              <SingleCheckbox
                lang={lang}
                id="filter-unassigned"
                name="unassigned"
                label={text(lang, 'filterUnassigned')}
                value="yes"
                isChecked={selection.unassigned}
              />
              <SingleCheckbox
                lang={lang}
                id="filter-extension"
                name="extension"
                label={text(lang, 'filterPendingExtension')}
                value="pending"
                isChecked={selection.extension === 'pending'}
              />
            </>
          ) : null}
          <div class="govuk-button-group">
            <Button isSecondary>{text(lang, 'applyFilters')}</Button>
            {hasFilters(selection) ? (
              <a class="govuk-link" href={path}>
                {text(lang, 'clearFilters')}
              </a>
            ) : null}
          </div>
        </form>
      </div>
    </details>
  );
}

function QueueTable(props: QueuePageProps) {
  const { lang, items, total, page, pageSize } = props;
  const districtNames = new Map(props.districts.map((district) => [district.code, district.name]));
  const unitNames = new Map(props.units.map((unit) => [unit.code, unit.name]));
  const showUnitColumn = props.kind === 'all' && props.selection.unit === '';
  const ticked = new Set(props.tickedIds);
  const columns = [
    ...(props.canBulkAssign ? [text(lang, 'columnSelect')] : []),
    text(lang, 'columnCaseNumber'),
    text(lang, 'columnSubject'),
    text(lang, 'columnService'),
    text(lang, 'columnDistrict'),
    ...(showUnitColumn ? [text(lang, 'columnUnit')] : []),
    text(lang, 'columnHandler'),
    text(lang, 'columnReceived'),
    text(lang, 'columnExpected'),
    text(lang, 'columnState'),
    text(lang, 'columnDeadline'),
  ];
  return (
    <table class="govuk-table govuk-!-font-size-16" id="caseIds" data-queue-total={total}>
      <caption class="govuk-table__caption govuk-table__caption--m">
        {items.length === 0
          ? text(lang, 'queueCount', { total })
          : text(lang, 'queueRange', {
              from: (page - 1) * pageSize + 1,
              to: Math.min(total, page * pageSize),
              total,
            })}
      </caption>
      <TableHead columns={columns} />
      <tbody class="govuk-table__body">
        {items.map((item) => (
          <tr class="govuk-table__row" key={item.id} data-case-number={item.caseNumber}>
            {props.canBulkAssign ? (
              <td class="govuk-table__cell">
                <SingleCheckbox
                  lang={lang}
                  id={`case-${item.id}`}
                  name="caseIds"
                  label={
                    <span class="govuk-visually-hidden">
                      {text(lang, 'selectCase', { caseNumber: item.caseNumber })}
                    </span>
                  }
                  value={item.id}
                  isChecked={ticked.has(item.id)}
                />
              </td>
            ) : null}
            <td class="govuk-table__cell">
              <CaseLink lang={lang} caseNumber={item.caseNumber} />
            </td>
            <td class="govuk-table__cell">{subjectIn(lang, item)}</td>
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
}

/** Under "my cases": the unit's unassigned cases, where a new handler's work waits, with a link and a count. */
function UnitWaiting({ lang, waiting }: { lang: Lang; waiting: { count: number; unitName: string } }) {
  const unitQueue = localePath(lang, consolePaths.unitQueue);
  return (
    <div class="govuk-inset-text" id="unit-waiting" data-unit-waiting={waiting.count}>
      <h2 class="govuk-heading-s govuk-!-margin-bottom-2">{text(lang, 'unitWaitingHeading')}</h2>
      {waiting.count > 0 ? (
        <>
          <p class="govuk-body">
            {text(lang, 'unitWaiting', { unit: waiting.unitName, count: waiting.count })}
          </p>
          <p class="govuk-body govuk-!-margin-bottom-0">
            <a class="govuk-link" href={`${unitQueue}?unassigned=yes`}>
              {text(lang, 'unitWaitingLink', { count: waiting.count })}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="govuk-body">{text(lang, 'unitWaitingNone', { unit: waiting.unitName })}</p>
          <p class="govuk-body govuk-!-margin-bottom-0">
            <a class="govuk-link" href={unitQueue}>
              {text(lang, 'unitWaitingQueueLink')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}

/** Above the unit queue: how many of its cases wait for a decision on an extension, with a link to them. */
function PendingExtensionsNotice(props: QueuePageProps & { count: number }) {
  const { lang, count } = props;
  const query = new URLSearchParams();
  if (props.selection.unit !== '') query.set('unit', props.selection.unit);
  query.set('extension', 'pending');
  return (
    <div class="govuk-inset-text" id="pending-extensions" data-pending-extensions={count}>
      <p class="govuk-body">{text(lang, 'pendingExtensionsNotice', { count })}</p>
      {props.selection.extension === 'pending' ? null : (
        <p class="govuk-body govuk-!-margin-bottom-0">
          <a class="govuk-link" href={`${localePath(lang, props.path)}?${query.toString()}`}>
            {text(lang, 'pendingExtensionsLink', { count })}
          </a>
        </p>
      )}
    </div>
  );
}

/** A handler's or a unit's open cases by deadline, with filters in the URL and (supervisors) bulk assignment. */
export function QueuePage(props: QueuePageProps) {
  const { lang, selection, items, total, page, pageSize } = props;
  const path = localePath(lang, props.path);
  const lastPage = pageCountOf(total, pageSize);
  const pageHref = (number: number) => {
    const query = selectionQuery(selection, number).toString();
    return query === '' ? path : `${path}?${query}`;
  };
  return (
    <>
      <ConsoleNav lang={lang} role={props.role} current={props.path} />
      <ErrorSummary lang={lang} problems={props.problems} />
      {props.successMessage === null ? null : (
        <Banner lang={lang} id="queue-success" kind="success">
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
      {props.unitWaiting === null ? null : <UnitWaiting lang={lang} waiting={props.unitWaiting} />}
      {props.pendingExtensions === null || props.pendingExtensions === 0 ? null : (
        <PendingExtensionsNotice {...props} count={props.pendingExtensions} />
      )}
      <QueueFilters {...props} />
      {items.length === 0 ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'queueCount', { total })}</h2>
          <p class="govuk-body" data-queue-empty="true">
            {total > 0
              ? text(lang, 'pageBeyond', { last: lastPage })
              : text(lang, props.kind === 'mine' && !hasFilters(selection) ? 'queueEmptyMine' : 'queueEmpty')}
          </p>
        </>
      ) : props.canBulkAssign ? (
        <PostForm
          action={localePath(lang, consolePaths.bulkAssign)}
          csrfToken={props.csrfToken}
          submit={text(lang, 'bulkAssignButton')}
        >
          <input type="hidden" name="returnQuery" value={selectionQuery(selection, page).toString()} />
          <div class="ow-table-scroll">
            <QueueTable {...props} />
          </div>
          <h2 class="govuk-heading-s">{text(lang, 'bulkAssignHeading')}</h2>
          <Select
            {...textControls(bulkAssignForm, {
              lang,
              values: { handlerId: props.chosenHandlerId },
              problems: props.problems,
            })('handlerId')}
            blank={text(lang, 'chooseHandler')}
            choices={props.handlers.map((handler) => ({ value: handler.id, label: handler.displayName }))}
          />
        </PostForm>
      ) : (
        <div class="ow-table-scroll">
          <QueueTable {...props} />
        </div>
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

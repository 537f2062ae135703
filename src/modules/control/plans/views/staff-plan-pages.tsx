import { ErrorMessage } from '../../../../platform/web/components/form-parts.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText, formatDateTime, type UnitName, unitsText } from '../../shared/control-format.ts';
import {
  CsrfField,
  ErrorSummary,
  problemsByInput,
  type ShownProblem,
  SuccessBanner,
  TextInput,
} from '../../shared/evidence-removal.tsx';
import { type ControlTextKey, controlText as text } from '../plan-messages.ts';
import { anchorOf, controlPaths } from '../plan-paths.ts';
import type { PlanChangeEntry, PlanListEntry, PlanVersionEntry, PlanView } from '../plan-reads.ts';
import { type PlanChangeAction, practiceRef, rocYearOf, strategyRef } from '../plan-types.ts';

function StatusTag({ lang, status }: { lang: Lang; status: 'draft' | 'published' }) {
  return status === 'published' ? (
    <strong class="govuk-tag govuk-tag--green">{text(lang, 'statusPublished')}</strong>
  ) : (
    <strong class="govuk-tag govuk-tag--grey">{text(lang, 'statusDraft')}</strong>
  );
}

export interface StaffPlanListPageProps {
  lang: Lang;
  csrfToken: string;
  plans: readonly PlanListEntry[];
  form: { fromYear: string; toYear: string };
  problems: readonly ShownProblem[];
  notice: string | null;
}

/** `/staff/plans`: every year's plan, and the form that copies a published one to a new year. */
export function StaffPlanListPage(props: StaffPlanListPageProps) {
  const { lang } = props;
  const published = props.plans.filter((plan) => plan.status === 'published');
  const problems = problemsByInput(props.problems);
  const fromYearErrors = problems.get('fromYear') ?? [];
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-xl">{text(lang, 'staffListTitle')}</h1>
      <p class="govuk-body">{text(lang, 'staffListLead')}</p>
      <table class="govuk-table">
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colYear')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colTitle')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colStatus')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colVersion')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'colUpdated')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.plans.map((plan) => (
            <tr key={plan.year} class="govuk-table__row" data-plan-year={plan.year}>
              <td class="govuk-table__cell">
                {text(lang, 'planYear', { year: plan.year, rocYear: plan.rocYear })}
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={localePath(lang, controlPaths.staffPlan(plan.year))}>
                  {plan.title}
                </a>
              </td>
              <td class="govuk-table__cell">
                <StatusTag lang={lang} status={plan.status} />
              </td>
              <td class="govuk-table__cell">{plan.publishedVersion ?? text(lang, 'noVersion')}</td>
              <td class="govuk-table__cell">{formatDateTime(lang, plan.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="govuk-heading-l" id="copy">
        {text(lang, 'copyHeading')}
      </h2>
      <p class="govuk-body">{text(lang, 'copyLead')}</p>
      <form method="post" action={localePath(lang, controlPaths.staffCopy)} novalidate>
        <CsrfField token={props.csrfToken} />
        <div class={`govuk-form-group${fromYearErrors.length > 0 ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="fromYear">
            {text(lang, 'fromYearLabel')}
          </label>
          <ErrorMessage
            id="fromYear"
            prefix={text(lang, 'errorPrefix')}
            message={fromYearErrors.length > 0 ? fromYearErrors.join(' ') : undefined}
          />
          <select
            class={`govuk-select${fromYearErrors.length > 0 ? ' govuk-select--error' : ''}`}
            id="fromYear"
            name="fromYear"
            aria-describedby={fromYearErrors.length > 0 ? 'fromYear-error' : undefined}
          >
            {published.map((plan) => (
              <option
                key={plan.year}
                value={String(plan.year)}
                selected={String(plan.year) === props.form.fromYear}
              >
                {text(lang, 'planYear', { year: plan.year, rocYear: plan.rocYear })}
              </option>
            ))}
          </select>
        </div>
        <TextInput
          lang={lang}
          name="toYear"
          label={text(lang, 'toYearLabel')}
          hint={text(lang, 'toYearHint')}
          value={props.form.toYear}
          widthClass="govuk-input--width-4"
          inputMode="numeric"
          problems={problems}
        />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {text(lang, 'copyButton')}
        </button>
      </form>
    </>
  );
}

const actionKeys: Record<PlanChangeAction, ControlTextKey> = {
  header_saved: 'actionHeaderSaved',
  item_added: 'actionItemAdded',
  item_saved: 'actionItemSaved',
  item_removed: 'actionItemRemoved',
  strategy_added: 'actionStrategyAdded',
  strategy_saved: 'actionStrategySaved',
  strategy_removed: 'actionStrategyRemoved',
  practice_added: 'actionPracticeAdded',
  practice_saved: 'actionPracticeSaved',
  practice_removed: 'actionPracticeRemoved',
};

export function changeActionText(lang: Lang, change: Pick<PlanChangeEntry, 'action' | 'target'>): string {
  return text(lang, actionKeys[change.action], { target: change.target });
}

export interface StaffPlanPageProps {
  lang: Lang;
  csrfToken: string;
  plan: PlanView;
  versions: readonly PlanVersionEntry[];
  changes: readonly PlanChangeEntry[];
  unitNames: ReadonlyMap<string, UnitName>;
  problems: readonly ShownProblem[];
  notice: string | null;
}

/**
 * `/staff/plans/:year`: the plan's state, the publish button of a draft, and the whole structure with a
 * link to edit or add at every level; for a published plan its versions and change log.
 */
export function StaffPlanPage(props: StaffPlanPageProps) {
  const { lang, plan } = props;
  const year = plan.year;
  const link = (path: string, label: string) => (
    <a class="govuk-link" href={localePath(lang, path)}>
      {label}
    </a>
  );
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <span class="govuk-caption-l">{text(lang, 'planYear', { year, rocYear: plan.rocYear })}</span>
      <h1 class="govuk-heading-xl">{plan.title}</h1>
      {plan.status === 'draft' ? (
        <div class="govuk-inset-text">
          <p class="govuk-body">{text(lang, 'draftNotice')}</p>
          {plan.copiedFromYear === null ? null : (
            <p class="govuk-body">
              {text(lang, 'copyNotice', { fromYear: plan.copiedFromYear, years: year - plan.copiedFromYear })}
            </p>
          )}
        </div>
      ) : (
        <div class="govuk-inset-text">{text(lang, 'publishedNotice')}</div>
      )}
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'overviewStatus')}</dt>
          <dd class="govuk-summary-list__value">
            <StatusTag lang={lang} status={plan.status} />
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'overviewVersion')}</dt>
          <dd class="govuk-summary-list__value">{plan.publishedVersion ?? text(lang, 'noVersion')}</dd>
        </div>
        {plan.copiedFromYear === null ? null : (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{text(lang, 'overviewCopiedFrom')}</dt>
            <dd class="govuk-summary-list__value">
              {text(lang, 'planYear', { year: plan.copiedFromYear, rocYear: rocYearOf(plan.copiedFromYear) })}
            </dd>
          </div>
        )}
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'overviewUpdated')}</dt>
          <dd class="govuk-summary-list__value">
            {text(lang, 'updatedByAt', { date: formatDateTime(lang, plan.updatedAt), who: plan.updatedBy })}
          </dd>
        </div>
      </dl>
      {plan.status === 'draft' ? (
        <>
          <h2 class="govuk-heading-l">{text(lang, 'publishHeading')}</h2>
          <p class="govuk-body">{text(lang, 'publishLead')}</p>
          <form method="post" action={localePath(lang, controlPaths.staffPublish(year))} novalidate>
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {text(lang, 'publishButton')}
            </button>
          </form>
        </>
      ) : (
        <p class="govuk-body">{link(controlPaths.plan(year), text(lang, 'viewPublic'))}</p>
      )}

      <h2 class="govuk-heading-l">{text(lang, 'textsHeading')}</h2>
      <p class="govuk-body">{link(controlPaths.staffHeader(year), text(lang, 'editHeader'))}</p>

      <h2 class="govuk-heading-l" id="items" tabindex={-1}>
        {text(lang, 'structureHeading')}
      </h2>
      <p class="govuk-body">{link(controlPaths.staffNewItem(year), text(lang, 'addItem'))}</p>
      {plan.items.map((item) => (
        <section key={item.id} aria-labelledby={anchorOf.item(item.id)}>
          <h3 class="govuk-heading-m" id={anchorOf.item(item.id)} tabindex={-1}>
            {item.label}
            {item.title}
          </h3>
          <ul class="govuk-list ow-plan-actions">
            <li>
              {link(controlPaths.staffItem(year, item.id), text(lang, 'editItem', { ref: item.label }))}
            </li>
            <li>
              {link(
                controlPaths.staffNewStrategy(year, item.id),
                text(lang, 'addStrategy', { ref: item.label }),
              )}
            </li>
          </ul>
          {item.strategies.length === 0 ? <p class="govuk-body">{text(lang, 'noStrategiesYet')}</p> : null}
          {item.strategies.map((strategy) => {
            const ref = strategyRef(item.ordinal, strategy.ordinal);
            return (
              <div key={strategy.id} class="ow-plan-strategy">
                <h4 class="govuk-heading-s" id={anchorOf.strategy(strategy.id)} tabindex={-1}>
                  {strategy.label}
                  {strategy.text}
                </h4>
                <ul class="govuk-list ow-plan-actions">
                  <li>
                    {link(controlPaths.staffStrategy(year, strategy.id), text(lang, 'editStrategy', { ref }))}
                  </li>
                  <li>
                    {link(
                      controlPaths.staffNewPractice(year, strategy.id),
                      text(lang, 'addPractice', { ref }),
                    )}
                  </li>
                </ul>
                {strategy.practices.length === 0 ? (
                  <p class="govuk-body">{text(lang, 'noPracticesYet')}</p>
                ) : (
                  <ul class="govuk-list ow-plan-practices">
                    {strategy.practices.map((practice) => (
                      <li key={practice.id} class="ow-plan-practice" id={anchorOf.practice(practice.id)}>
                        <p class="govuk-body govuk-!-margin-bottom-1">
                          {practice.label === '' ? null : (
                            <span class="ow-plan-number">{practice.label} </span>
                          )}
                          {practice.text}
                          {practice.parts.map((part) => ` ${part.label}${part.text}`).join('')}
                        </p>
                        <p class="govuk-body-s govuk-!-margin-bottom-1">
                          {text(lang, 'deadlineLabel')}：{deadlineText(practice.deadline, lang)}；
                          {text(lang, 'unitsLabel')}：{unitsText(practice, props.unitNames, lang)}
                        </p>
                        <p class="govuk-body-s">
                          {link(
                            controlPaths.staffPractice(year, practice.id),
                            text(lang, 'editPractice', {
                              ref: practiceRef(item.ordinal, strategy.ordinal, practice),
                            }),
                          )}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </section>
      ))}

      {plan.status === 'published' ? (
        <>
          <h2 class="govuk-heading-l">{text(lang, 'versionsHeading')}</h2>
          <table class="govuk-table">
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'historyVersion')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'historyDate')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'colPublishedBy')}
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {props.versions.map((version) => (
                <tr key={version.version} class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a
                      class="govuk-link"
                      href={`${localePath(lang, controlPaths.plan(year))}?version=${version.version}`}
                      aria-label={text(lang, 'historyShow', { version: version.version })}
                    >
                      {version.version}
                    </a>
                  </td>
                  <td class="govuk-table__cell">{formatDateTime(lang, version.publishedAt)}</td>
                  <td class="govuk-table__cell">{version.publishedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 class="govuk-heading-l" id="changes">
            {text(lang, 'changesHeading')}
          </h2>
          {props.changes.length === 0 ? (
            <p class="govuk-body">{text(lang, 'noChanges')}</p>
          ) : (
            <table class="govuk-table" data-change-log="">
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'historyVersion')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'colWhen')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'colWho')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'colWhat')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {text(lang, 'colWhy')}
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {props.changes.map((change) => (
                  <tr key={change.version} class="govuk-table__row">
                    <td class="govuk-table__cell">{change.version}</td>
                    <td class="govuk-table__cell">{formatDateTime(lang, change.changedAt)}</td>
                    <td class="govuk-table__cell">{change.changedBy}</td>
                    <td class="govuk-table__cell">{changeActionText(lang, change)}</td>
                    <td class="govuk-table__cell">{change.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </>
  );
}

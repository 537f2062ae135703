import { ErrorSummary, Select, SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText, formatDateTime } from '../../shared/control-format.ts';
import { ListPagination, textFields } from '../../shared/page-parts.tsx';
import type { UnitNames } from '../../shared/unit-names.ts';
import { unitsText } from '../plan-format.ts';
import { type PlansTextKey, plansText as text } from '../plan-messages.ts';
import { anchorOf, planPaths } from '../plan-paths.ts';
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
  /** One page of the plans, newest first. */
  plans: readonly PlanListEntry[];
  page: number;
  hasNextPage: boolean;
  /** The plans the copy form offers: every published one. */
  publishedPlans: readonly { year: number; rocYear: number }[];
  form: { fromYear: string; toYear: string };
  problems: FormProblems;
}

/** `/staff/plans`: every year's plan, and the form that copies a published one to a new year. */
export function StaffPlanListPage(props: StaffPlanListPageProps) {
  const { lang, problems } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <h1 class="govuk-heading-xl">{text(lang, 'staffListTitle')}</h1>
      <p class="govuk-body">{text(lang, 'staffListLead')}</p>
      <table class="govuk-table">
        <TableHead
          columns={[
            text(lang, 'colYear'),
            text(lang, 'colTitle'),
            text(lang, 'colStatus'),
            text(lang, 'colVersion'),
            text(lang, 'colUpdated'),
          ]}
        />
        <tbody class="govuk-table__body">
          {props.plans.map((plan) => (
            <tr key={plan.year} class="govuk-table__row" data-plan-year={plan.year}>
              <td class="govuk-table__cell">
                {text(lang, 'planYear', { year: plan.year, rocYear: plan.rocYear })}
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={localePath(lang, planPaths.staffPlan(plan.year))}>
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
      <ListPagination
        lang={lang}
        path={planPaths.staffList}
        page={props.page}
        hasNextPage={props.hasNextPage}
      />
      <h2 class="govuk-heading-l" id="copy">
        {text(lang, 'copyHeading')}
      </h2>
      <p class="govuk-body">{text(lang, 'copyLead')}</p>
      <PostForm
        action={localePath(lang, planPaths.staffCopy)}
        csrfToken={props.csrfToken}
        submit={text(lang, 'copyButton')}
      >
        <Select
          lang={lang}
          name="fromYear"
          label={text(lang, 'fromYearLabel')}
          value={props.form.fromYear}
          choices={props.publishedPlans.map((plan) => ({
            value: String(plan.year),
            label: text(lang, 'planYear', { year: plan.year, rocYear: plan.rocYear }),
          }))}
          problems={problems}
        />
        {textFields(lang, props.form, problems).input('toYear', text(lang, 'toYearLabel'), {
          hint: text(lang, 'toYearHint'),
          widthClass: 'govuk-input--width-4',
          inputMode: 'numeric',
        })}
      </PostForm>
    </>
  );
}

const actionKeys: Record<PlanChangeAction, PlansTextKey> = {
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
  unitNames: UnitNames;
  problems: FormProblems;
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
          <PostForm
            action={localePath(lang, planPaths.staffPublish(year))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'publishButton')}
          />
        </>
      ) : (
        <p class="govuk-body">{link(planPaths.plan(year), text(lang, 'viewPublic'))}</p>
      )}

      <h2 class="govuk-heading-l">{text(lang, 'textsHeading')}</h2>
      <p class="govuk-body">{link(planPaths.staffHeader(year), text(lang, 'editHeader'))}</p>

      <h2 class="govuk-heading-l" id="items" tabindex={-1}>
        {text(lang, 'structureHeading')}
      </h2>
      <p class="govuk-body">{link(planPaths.staffNewItem(year), text(lang, 'addItem'))}</p>
      {plan.items.map((item) => (
        <section key={item.id} aria-labelledby={anchorOf.item(item.id)}>
          <h3 class="govuk-heading-m" id={anchorOf.item(item.id)} tabindex={-1}>
            {item.label}
            {item.title}
          </h3>
          <ul class="govuk-list ow-plan-actions">
            <li>{link(planPaths.staffItem(year, item.id), text(lang, 'editItem', { ref: item.label }))}</li>
            <li>
              {link(
                planPaths.staffNewStrategy(year, item.id),
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
                    {link(planPaths.staffStrategy(year, strategy.id), text(lang, 'editStrategy', { ref }))}
                  </li>
                  <li>
                    {link(planPaths.staffNewPractice(year, strategy.id), text(lang, 'addPractice', { ref }))}
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
                            planPaths.staffPractice(year, practice.id),
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
            <TableHead
              columns={[
                text(lang, 'historyVersion'),
                text(lang, 'historyDate'),
                text(lang, 'colPublishedBy'),
              ]}
            />
            <tbody class="govuk-table__body">
              {props.versions.map((version) => (
                <tr key={version.version} class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a
                      class="govuk-link"
                      href={`${localePath(lang, planPaths.plan(year))}?version=${version.version}`}
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
              <TableHead
                columns={[
                  text(lang, 'historyVersion'),
                  text(lang, 'colWhen'),
                  text(lang, 'colWho'),
                  text(lang, 'colWhat'),
                  text(lang, 'colWhy'),
                ]}
              />
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

import type { ComponentChildren } from 'preact';
import { ErrorSummary, SuccessBanner, TextArea } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { formatDateTime } from '../../shared/control-format.ts';
import { stateText, workPlanTitle } from '../work-plan-format.ts';
import { commentField } from '../work-plan-forms.ts';
import { workPlanText as text, type WorkPlanTextKey } from '../work-plan-messages.ts';
import { type WorkPlanActionSlug, workPlanPaths } from '../work-plan-paths.ts';
import type { WorkPlanRow, WorkPlanView } from '../work-plan-reads.ts';
import { RowsTable } from './rows-table.tsx';

/** A work plan's staff page: its state, its methods, the actions its reader may take, the comments. */

export interface WorkPlanPermissions {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  review: boolean;
  publish: boolean;
}

function ActionForm(props: {
  lang: Lang;
  csrfToken: string;
  plan: WorkPlanView;
  action: WorkPlanActionSlug;
  button: string;
  isWarning?: boolean;
  children?: ComponentChildren;
}) {
  const { lang, plan } = props;
  return (
    <PostForm
      action={localePath(lang, workPlanPaths.staffAction(plan.year, plan.unitCode, props.action))}
      csrfToken={props.csrfToken}
      submit={props.button}
      isWarning={props.isWarning}
    >
      <input type="hidden" name="version" value={String(plan.version)} />
      {props.children}
    </PostForm>
  );
}

export function WorkPlanPage(props: {
  lang: Lang;
  csrfToken: string;
  plan: WorkPlanView;
  practiceRefs: ReadonlyMap<string, string>;
  may: WorkPlanPermissions;
  notice: string | null;
  problems: FormProblems;
  /** Comments typed into the review forms, kept when they come back with problems. */
  typed: Readonly<Record<string, string>>;
}) {
  const { lang, plan, may, problems } = props;
  const editLink = may.edit
    ? (row: WorkPlanRow) => localePath(lang, workPlanPaths.staffRow(plan.year, plan.unitCode, row.id))
    : null;
  const comment = (rowId: string | null, label: string, rows: number) => (
    <TextArea
      key={rowId ?? 'plan'}
      lang={lang}
      name={commentField(rowId)}
      label={label}
      problems={problems}
      value={props.typed[commentField(rowId)] ?? ''}
      rows={rows}
    />
  );
  /** One action: its heading (and lead), then its form. */
  const section = (
    heading: WorkPlanTextKey | null,
    action: WorkPlanActionSlug,
    button: WorkPlanTextKey,
    options: { isWarning?: boolean; lead?: WorkPlanTextKey; children?: ComponentChildren } = {},
  ) => (
    <>
      {heading === null ? null : <h2 class="govuk-heading-m">{text(lang, heading)}</h2>}
      {options.lead === undefined ? null : <p class="govuk-body">{text(lang, options.lead)}</p>}
      <ActionForm
        lang={lang}
        csrfToken={props.csrfToken}
        plan={plan}
        action={action}
        button={text(lang, button)}
        isWarning={options.isWarning ?? false}
      >
        {options.children}
      </ActionForm>
    </>
  );
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{workPlanTitle(lang, plan)}</h1>
      <SummaryList
        rows={[
          {
            key: text(lang, 'stateLabel'),
            value: stateText(lang, plan.state),
            id: 'work-plan-state',
            state: plan.state,
          },
          { key: text(lang, 'versionLabel'), value: plan.version },
          {
            key: text(lang, 'colUpdated'),
            value: text(lang, 'updatedByAt', {
              when: formatDateTime(lang, plan.updatedAt),
              who: plan.updatedBy,
            }),
          },
        ]}
      />
      {plan.state === 'published' ? (
        <LinkParagraph href={localePath(lang, workPlanPaths.publicPlan(plan.year, plan.unitCode))}>
          {text(lang, 'viewPublic')}
        </LinkParagraph>
      ) : null}

      <h2 class="govuk-heading-m">{text(lang, 'rowsHeading')}</h2>
      <RowsTable lang={lang} rows={plan.rows} practiceRefs={props.practiceRefs} editLink={editLink} />
      {may.edit ? (
        <p class="govuk-body">
          <a
            class="govuk-button govuk-button--secondary"
            href={localePath(lang, workPlanPaths.staffNewRow(plan.year, plan.unitCode))}
          >
            {text(lang, 'addRow')}
          </a>
        </p>
      ) : null}

      {may.submit ? section('submitHeading', 'submit', 'submitButton') : null}
      {may.approve ? (
        <>
          {section('approveHeading', 'approve', 'approveButton')}
          {section('sendBackHeading', 'send-back', 'sendBackButton', {
            isWarning: true,
            children: comment(null, text(lang, 'sendBackLabel'), 4),
          })}
        </>
      ) : null}
      {may.review ? (
        <>
          {section('reviewHeading', 'accept', 'acceptButton', { lead: 'reviewLead' })}
          {section(null, 'return', 'returnButton', {
            isWarning: true,
            children: (
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {text(lang, 'returnLegend')}
                </legend>
                {comment(null, text(lang, 'commentWhole'), 3)}
                {plan.rows.map((row) =>
                  comment(row.id, text(lang, 'commentOnRow', { method: row.methodText }), 3),
                )}
              </fieldset>
            ),
          })}
        </>
      ) : null}
      {may.publish ? section('publishHeading', 'publish', 'publishButton') : null}

      <h2 class="govuk-heading-m">{text(lang, 'commentsHeading')}</h2>
      {plan.comments.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noComments')}</p>
      ) : (
        <ul class="govuk-list ow-workplan-comments">
          {plan.comments.map((entry, index) => (
            <li key={String(index)} class="ow-workplan-comment">
              <p class="govuk-body govuk-!-margin-bottom-1">
                <strong>
                  {entry.rowLabel === null
                    ? text(lang, 'onWhole')
                    : text(lang, 'onRow', { method: entry.rowLabel })}
                </strong>
                {' — '}
                {text(lang, 'commentBy', {
                  who: entry.author,
                  when: formatDateTime(lang, entry.createdAt),
                  stage: text(lang, entry.stage === 'head' ? 'stageHead' : 'stageSecretariat'),
                })}
              </p>
              <p class="govuk-body ow-workplan-comment-text">{entry.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

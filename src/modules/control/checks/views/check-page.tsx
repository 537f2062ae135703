import {
  ErrorSummary,
  FileInput,
  SuccessBanner,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { formatDateTime, withNote } from '../../shared/control-format.ts';
import { EvidenceRemovalLink } from '../../shared/evidence-removal.tsx';
import { textFields } from '../../shared/page-parts.tsx';
import { type UnitNames, unitNameIn } from '../../shared/unit-names.ts';
import type { CheckAction, CheckRevision, CheckView, FollowUpForm } from '../check-rules.ts';
import { checkKinds } from '../check-rules.ts';
import { checksText as text } from '../checks-messages.ts';
import { actionAnchor, checksPaths } from '../checks-paths.ts';
import type { CheckFieldChange } from '../checks-schema.ts';
import { checkTitle, StateTag } from './check-parts.tsx';

/** A check's page: what was found, each corrective action with its follow-up (and forms), the corrections. */

/** The id of an input of an action's follow-up form (one form per action on the page). */
export function followUpInputId(field: string, actionId: string): string {
  return `${field}-${actionId}`;
}

/** Which forms the signed-in member sees on a check's page. */
export interface CheckPermissions {
  confirm: boolean;
  revise: boolean;
  followUp: ReadonlySet<string>;
  close: ReadonlySet<string>;
  /** Actions whose follow-up evidence the reader may remove. */
  removeEvidence: ReadonlySet<string>;
}

function ActionSection(props: {
  lang: Lang;
  check: CheckView;
  action: CheckAction;
  unitNames: UnitNames;
  csrfToken: string;
  permissions: CheckPermissions;
  /** The follow-up form as it was sent, when the page shows it again (it is one action's). */
  followUpForm: { actionId: string; form: FollowUpForm; problems: FormProblems } | null;
}) {
  const { lang, check, action } = props;
  const n = action.ordinal;
  const mine = props.followUpForm?.actionId === action.id ? props.followUpForm : null;
  const problems = mine?.problems;
  // The follow-up form's inputs: one form per action on the page, so their ids name the action.
  const field = textFields(lang, mine?.form ?? { entryDate: '', note: '' }, problems);
  return (
    <section id={actionAnchor(action.id)} class="govuk-!-margin-bottom-8">
      <h3 class="govuk-heading-s">{text(lang, 'actionHeading', { n })}</h3>
      <p class="govuk-body">{action.description}</p>
      <SummaryList
        rows={[
          { key: text(lang, 'actionDeadline'), value: formatPageDate(lang, action.deadline) },
          { key: text(lang, 'actionUnit'), value: unitNameIn(props.unitNames, action.unitCode, lang) },
          {
            key: text(lang, 'actionState'),
            value: (
              <>
                <StateTag lang={lang} state={action.state} />
                {action.closedAt !== null ? (
                  <>
                    {' '}
                    {text(lang, 'closedOn', {
                      date: formatDateTime(lang, action.closedAt),
                      name: action.closedByName ?? '',
                    })}
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {action.followUps.length === 0 ? (
        <p class="govuk-body">{text(lang, 'followUpsEmpty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            {text(lang, 'followUpsCaption', { n })}
          </caption>
          <TableHead
            columns={(
              ['colFollowUpDate', 'colFollowUpNote', 'colFollowUpEvidence', 'colFollowUpBy'] as const
            ).map((key) => text(lang, key))}
          />
          <tbody class="govuk-table__body">
            {action.followUps.map((entry) => (
              <tr key={entry.id} class="govuk-table__row">
                <td class="govuk-table__cell">{formatPageDate(lang, entry.entryDate)}</td>
                <td class="govuk-table__cell">{entry.note}</td>
                <td class="govuk-table__cell">
                  {entry.evidence.length === 0 ? (
                    text(lang, 'noEvidence')
                  ) : (
                    <ul class="govuk-list">
                      {entry.evidence.map((file) => (
                        <li key={file.id}>
                          <a
                            class="govuk-link"
                            href={localePath(lang, checksPaths.evidence(check.id, file.id))}
                          >
                            {file.fileName}
                          </a>
                          {props.permissions.removeEvidence.has(action.id) ? (
                            <>
                              {' '}
                              <EvidenceRemovalLink
                                lang={lang}
                                href={localePath(lang, checksPaths.removeEvidence(check.id, file.id))}
                                name={file.fileName ?? ''}
                              />
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td class="govuk-table__cell">{entry.createdByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.permissions.followUp.has(action.id) ? (
        <PostForm
          action={localePath(lang, checksPaths.followUps(check.id, action.id))}
          csrfToken={props.csrfToken}
          submit={text(lang, 'followUpSubmit')}
          isUpload
          isSecondary
        >
          <h4 class="govuk-heading-s">{text(lang, 'followUpFormHeading', { n })}</h4>
          {field.input('entryDate', text(lang, 'followUpDateLabel'), {
            id: followUpInputId('entryDate', action.id),
            hint: text(lang, 'dateHint'),
            widthClass: 'govuk-input--width-10',
          })}
          {field.area('note', text(lang, 'followUpNoteLabel'), { id: followUpInputId('note', action.id) })}
          <FileInput
            lang={lang}
            name="evidence"
            id={followUpInputId('evidence', action.id)}
            label={text(lang, 'evidenceLabel')}
            hint={text(lang, 'evidenceHint')}
            isMultiple
            problems={problems}
          />
        </PostForm>
      ) : null}
      {props.permissions.close.has(action.id) ? (
        <PostForm
          action={localePath(lang, checksPaths.close(check.id, action.id))}
          csrfToken={props.csrfToken}
          submit={text(lang, 'closeButton', { n })}
          isWarning
        />
      ) : null}
    </section>
  );
}

export function CheckPage(props: {
  lang: Lang;
  check: CheckView;
  unitNames: UnitNames;
  csrfToken: string;
  permissions: CheckPermissions;
  notice: string | null;
  problems: FormProblems;
  followUpForm: { actionId: string; form: FollowUpForm } | null;
  revisions: readonly CheckRevision[];
}) {
  const { lang, check } = props;
  const row = (key: string, value: string | number) => ({ key, value });
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <span class="govuk-caption-l">{text(lang, `origin_${check.origin}`)}</span>
      <h1 class="govuk-heading-l">{checkTitle(lang, check, props.unitNames)}</h1>
      <SummaryList
        rows={[
          row(text(lang, 'checkDateLabel'), formatPageDate(lang, check.checkDate)),
          row(text(lang, 'unitLabel'), unitNameIn(props.unitNames, check.unitCode, lang)),
          row(text(lang, 'kindLabel'), text(lang, `kind_${check.kind}`)),
          row(text(lang, 'subjectLabel'), check.subject),
          row(text(lang, 'colScore'), check.score === null ? text(lang, 'noScore') : check.score),
          row(text(lang, 'actionState'), text(lang, `status_${check.status}`)),
          row(
            text(lang, 'recordedBy'),
            withNote(lang, check.createdByName, formatDateTime(lang, check.createdAt)),
          ),
          check.confirmedAt === null
            ? null
            : row(
                text(lang, 'confirmedBy'),
                withNote(lang, check.confirmedByName ?? '', formatDateTime(lang, check.confirmedAt)),
              ),
        ]}
      />
      {props.permissions.revise ? (
        <LinkParagraph href={localePath(lang, checksPaths.edit(check.id))}>
          {text(lang, 'editLink')}
        </LinkParagraph>
      ) : null}
      <h2 class="govuk-heading-m">{text(lang, 'findingsLabel')}</h2>
      {check.findings.split('\n').map((line, index) => (
        <p key={index} class="govuk-body">
          {line}
        </p>
      ))}
      {props.permissions.confirm ? (
        <PostForm
          action={localePath(lang, checksPaths.confirm(check.id))}
          csrfToken={props.csrfToken}
          submit={text(lang, 'confirmButton')}
        >
          <h2 class="govuk-heading-m">{text(lang, 'confirmHeading')}</h2>
        </PostForm>
      ) : null}
      <h2 class="govuk-heading-m">{text(lang, 'actionsHeading')}</h2>
      {check.actions.length === 0 ? <p class="govuk-body">{text(lang, 'noActions')}</p> : null}
      {check.actions.map((action) => (
        <ActionSection
          key={action.id}
          lang={lang}
          check={check}
          action={action}
          unitNames={props.unitNames}
          csrfToken={props.csrfToken}
          permissions={props.permissions}
          followUpForm={props.followUpForm ? { ...props.followUpForm, problems: props.problems } : null}
        />
      ))}
      {props.revisions.length > 0 ? (
        <RevisionsTable lang={lang} revisions={props.revisions} unitNames={props.unitNames} />
      ) : null}
    </>
  );
}

/** Each correction: when, by whom, why, and each field before → after (values as the page shows them). */
function RevisionsTable(props: { lang: Lang; revisions: readonly CheckRevision[]; unitNames: UnitNames }) {
  const { lang } = props;
  const fieldLabel = (field: CheckFieldChange['field']) =>
    field === 'actions'
      ? text(lang, 'changeActions')
      : text(lang, field === 'score' ? 'colScore' : checkFieldLabels[field]);
  const shownValue = (field: CheckFieldChange['field'], value: string) => {
    if (value === '') return text(lang, 'emptyValue');
    if (field === 'checkDate') return formatPageDate(lang, value);
    if (field === 'unitCode') return unitNameIn(props.unitNames, value, lang);
    if (field === 'kind' && (checkKinds as readonly string[]).includes(value))
      return text(lang, `kind_${value as CheckView['kind']}`);
    return value;
  };
  return (
    <>
      <h2 class="govuk-heading-m" id="revisions">
        {text(lang, 'revisionsHeading')}
      </h2>
      <table class="govuk-table" aria-labelledby="revisions">
        <TableHead
          columns={(['colRevisedAt', 'colRevisedBy', 'colReason', 'colChanges'] as const).map((key) =>
            text(lang, key),
          )}
        />
        <tbody class="govuk-table__body">
          {props.revisions.map((revision) => (
            <tr key={revision.version} class="govuk-table__row" data-revision={revision.version}>
              <td class="govuk-table__cell">{formatDateTime(lang, revision.revisedAt)}</td>
              <td class="govuk-table__cell">{revision.revisedByName}</td>
              <td class="govuk-table__cell">
                {revision.reason === '' ? text(lang, 'noReason') : revision.reason}
              </td>
              <td class="govuk-table__cell">
                <ul class="govuk-list">
                  {revision.changes.map((change) => (
                    <li key={change.field}>
                      {change.field === 'actions'
                        ? `${fieldLabel('actions')}${lang === 'en' ? ': ' : '：'}${change.after.split('\n').join(lang === 'en' ? '; ' : '；')}`
                        : text(lang, 'changeArrow', {
                            field: fieldLabel(change.field),
                            before: shownValue(change.field, change.before),
                            after: shownValue(change.field, change.after),
                          })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const checkFieldLabels = {
  checkDate: 'checkDateLabel',
  unitCode: 'unitLabel',
  kind: 'kindLabel',
  subject: 'subjectLabel',
  findings: 'findingsLabel',
} as const;

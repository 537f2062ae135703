import {
  ErrorSummary,
  Radios,
  Select,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { withNote } from '../../shared/control-format.ts';
import { textFields } from '../../shared/page-parts.tsx';
import { type UnitNames, unitNameIn } from '../../shared/unit-names.ts';
import type { CheckAction, CheckForm } from '../check-rules.ts';
import { checksText as text } from '../checks-messages.ts';
import { kindChoices, unitChoices } from './check-parts.tsx';

/** The new check's (or self-assessment's) form; `unitFixed` is a self-assessment's own unit. */
export function CheckFormPage(props: {
  lang: Lang;
  title: string;
  action: string;
  csrfToken: string;
  form: CheckForm;
  problems: FormProblems;
  unitNames: UnitNames;
  unitFixed: string | null;
  submitLabel: string;
  /** Correcting a recorded check: its version, the reason, and the actions it already has. */
  revision?: {
    version: number;
    reason: string;
    reasonRequired: boolean;
    existingActions: readonly CheckAction[];
  };
}) {
  const { lang, form, revision, problems } = props;
  const units = unitChoices(props.unitNames, lang);
  const field = textFields(lang, form, problems);
  const widthClass = 'govuk-input--width-10';
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <h1 class="govuk-heading-l">{props.title}</h1>
      <PostForm
        action={localePath(lang, props.action)}
        csrfToken={props.csrfToken}
        submit={props.submitLabel}
      >
        {field.input('checkDate', text(lang, 'checkDateLabel'), { hint: text(lang, 'dateHint'), widthClass })}
        {props.unitFixed === null ? (
          <Select
            lang={lang}
            name="unitCode"
            label={text(lang, 'unitLabel')}
            value={form.unitCode}
            blank={text(lang, 'chooseUnit')}
            choices={units}
            problems={problems}
          />
        ) : (
          <p class="govuk-body">
            <strong>{text(lang, 'unitLabel')}</strong>：{unitNameIn(props.unitNames, props.unitFixed, lang)}
          </p>
        )}
        <Radios
          lang={lang}
          name="kind"
          legend={text(lang, 'kindLabel')}
          choices={kindChoices(lang)}
          value={form.kind}
          problems={problems}
        />
        {field.input('subject', text(lang, 'subjectLabel'), { hint: text(lang, 'subjectHint') })}
        {field.input('score', text(lang, 'scoreLabel'), {
          hint: text(lang, 'scoreHint'),
          widthClass: 'govuk-input--width-3',
          inputMode: 'numeric',
        })}
        {field.area('findings', text(lang, 'findingsLabel'), { rows: 5 })}
        {revision ? (
          <>
            <input type="hidden" name="version" value={String(revision.version)} />
            {textFields(lang, revision, problems).area('reason', text(lang, 'reasonLabel'), {
              hint: text(lang, revision.reasonRequired ? 'reasonHint' : 'reasonOptionalHint'),
              rows: 2,
            })}
            {revision.existingActions.length > 0 ? (
              <>
                <h2 class="govuk-heading-m">{text(lang, 'existingActionsHeading')}</h2>
                <p class="govuk-body">{text(lang, 'existingActionsHint')}</p>
                <ol class="govuk-list govuk-list--number">
                  {revision.existingActions.map((action) => (
                    <li key={action.id}>
                      {withNote(lang, action.description, formatPageDate(lang, action.deadline))}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            <h2 class="govuk-heading-m">{text(lang, 'newActionsHeading')}</h2>
          </>
        ) : (
          <h2 class="govuk-heading-m">{text(lang, 'actionsHeading')}</h2>
        )}
        <p class="govuk-body">{text(lang, 'actionsHint')}</p>
        {form.actions.map((row, index) => {
          const n = index + 1;
          return (
            <fieldset key={n} class="govuk-fieldset govuk-!-margin-bottom-6">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {text(lang, 'actionLegend', { n })}
              </legend>
              <TextArea
                lang={lang}
                name={`action${n}Description`}
                label={text(lang, 'actionDescriptionLabel', { n })}
                value={row.description}
                rows={2}
                problems={problems}
              />
              <TextInput
                lang={lang}
                name={`action${n}Deadline`}
                label={text(lang, 'actionDeadlineLabel', { n })}
                hint={text(lang, 'dateHint')}
                value={row.deadline}
                widthClass="govuk-input--width-10"
                problems={problems}
              />
              <Select
                lang={lang}
                name={`action${n}Unit`}
                label={text(lang, 'actionUnitLabel', { n })}
                value={row.unitCode}
                blank={text(lang, 'sameUnit')}
                choices={units}
                problems={problems}
              />
            </fieldset>
          );
        })}
      </PostForm>
    </>
  );
}

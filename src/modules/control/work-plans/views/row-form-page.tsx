import { Checkboxes, ErrorSummary, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { textFields } from '../../shared/page-parts.tsx';
import { workPlanTitle } from '../work-plan-format.ts';
import { workPlanText as text, type WorkPlanTextKey } from '../work-plan-messages.ts';
import { workPlanPaths } from '../work-plan-paths.ts';
import type { WorkPlanView } from '../work-plan-reads.ts';
import {
  type CarriedPractice,
  minTargetSlots,
  type RowForm,
  type TargetForm,
  targetField,
} from '../work-plan-rules.ts';

/** A target's inputs, in order; the numbers (and their unit) get a narrow input. */
const targetInputs: readonly {
  part: keyof TargetForm;
  label: WorkPlanTextKey;
  widthClass?: string;
  inputMode?: 'numeric';
}[] = [
  { part: 'indicator', label: 'indicatorLabel' },
  { part: 'unitOfMeasure', label: 'measureUnitLabel', widthClass: 'govuk-input--width-10' },
  { part: 'baseline', label: 'baselineLabel', widthClass: 'govuk-input--width-10', inputMode: 'numeric' },
  { part: 'target', label: 'targetLabel', widthClass: 'govuk-input--width-10', inputMode: 'numeric' },
  { part: 'measurement', label: 'measurementLabel' },
];

/** A method's form: its texts, the practices it carries out, its targets (one fieldset each), its removal. */
export function RowFormPage(props: {
  lang: Lang;
  csrfToken: string;
  plan: WorkPlanView;
  rowId: string | null;
  version: number;
  form: RowForm;
  practices: readonly CarriedPractice[];
  problems: FormProblems;
}) {
  const { lang, plan, form, problems } = props;
  const action =
    props.rowId === null
      ? workPlanPaths.staffNewRow(plan.year, plan.unitCode)
      : workPlanPaths.staffRow(plan.year, plan.unitCode, props.rowId);
  const slots = Math.max(minTargetSlots, form.targets.length + 1);
  const version = <input type="hidden" name="version" value={String(props.version)} />;
  const field = textFields(lang, form, problems);
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <h1 class="govuk-heading-l">{text(lang, props.rowId === null ? 'newRowTitle' : 'editRowTitle')}</h1>
      <p class="govuk-body">{workPlanTitle(lang, plan)}</p>
      <PostForm
        action={localePath(lang, action)}
        csrfToken={props.csrfToken}
        submit={text(lang, 'saveButton')}
      >
        {version}
        {field.input('itemText', text(lang, 'itemLabel'), { hint: text(lang, 'itemHint') })}
        {field.area('focusText', text(lang, 'focusLabel'), { rows: 2 })}
        {field.area('methodText', text(lang, 'methodLabel'), { rows: 3 })}
        <Checkboxes
          lang={lang}
          name="practiceIds"
          legend={text(lang, 'practicesLegend')}
          hint={text(lang, 'practicesHint', { year: plan.year })}
          problems={problems}
          choices={props.practices.map((practice) => ({
            value: practice.id,
            label: `${practice.ref} ${practice.text}`,
          }))}
          checked={form.practiceIds}
        />
        {Array.from({ length: slots }, (_, index) => {
          const n = index + 1;
          const target = form.targets[index];
          return (
            <fieldset key={String(n)} class="govuk-fieldset ow-workplan-target-fields">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                {text(lang, 'targetLegend', { n })}
              </legend>
              {n === 1 ? <p class="govuk-hint">{text(lang, 'targetHint')}</p> : null}
              {targetInputs.map((input) => (
                <TextInput
                  key={input.part}
                  lang={lang}
                  name={targetField(n, input.part)}
                  label={text(lang, input.label)}
                  problems={problems}
                  value={target?.[input.part] ?? ''}
                  widthClass={input.widthClass}
                  inputMode={input.inputMode}
                />
              ))}
            </fieldset>
          );
        })}
        {field.area('remarks', text(lang, 'remarksLabel'), { rows: 2 })}
      </PostForm>
      {props.rowId === null ? null : (
        <PostForm
          action={localePath(lang, workPlanPaths.staffRemoveRow(plan.year, plan.unitCode, props.rowId))}
          csrfToken={props.csrfToken}
          submit={text(lang, 'removeRow')}
          isWarning
        >
          {version}
        </PostForm>
      )}
      <LinkParagraph href={localePath(lang, workPlanPaths.staffPlan(plan.year, plan.unitCode))}>
        {text(lang, 'backToWorkPlan')}
      </LinkParagraph>
    </>
  );
}

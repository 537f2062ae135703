import type { ComponentChildren } from 'preact';
import {
  Checkboxes,
  ErrorSummary,
  Radios,
  SingleCheckbox,
  SuccessBanner,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import { textFields } from '../../shared/page-parts.tsx';
import { type PlansTextKey, plansText as text } from '../plan-messages.ts';
import { planPaths } from '../plan-paths.ts';
import type { HeaderForm, ItemForm, PracticeForm, StrategyForm } from '../plan-rules.ts';

/** The editors' forms: plain HTML (no script needed), every problem listed at the top and at its input. */

interface FrameProps {
  lang: Lang;
  csrfToken: string;
  title: string;
  /** The plan's overview (the way back). */
  year: number;
  action: string;
  isPublished: boolean;
  reason: string;
  problems: FormProblems;
  notice?: string | null;
  children: ComponentChildren;
  /** The removal form under the edit form, for an entry that exists. */
  removal?: RemovalProps | null;
}

export interface RemovalProps {
  action: string;
  lead: string;
  confirm: boolean;
  reason: string;
}

/** The plans' text fields: labels and hints from the plans' messages. */
function planFields<Values extends object>(lang: Lang, values: Values, problems: FormProblems) {
  const fields = textFields(lang, values, problems);
  const hint = (key: PlansTextKey | undefined) => (key === undefined ? undefined : text(lang, key));
  return {
    input: (
      name: keyof Values & string,
      label: PlansTextKey,
      options: { hint?: PlansTextKey; widthClass?: string; inputMode?: 'numeric'; valueLang?: string } = {},
    ) => fields.input(name, text(lang, label), { ...options, hint: hint(options.hint) }),
    area: (
      name: keyof Values & string,
      label: PlansTextKey,
      rows: number,
      options: { hint?: PlansTextKey; valueLang?: string } = {},
    ) => fields.area(name, text(lang, label), { ...options, rows, hint: hint(options.hint) }),
  };
}

function FormFrame(props: FrameProps) {
  const { lang, problems } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-xl">{props.title}</h1>
      {props.isPublished ? <div class="govuk-inset-text">{text(lang, 'publishedNotice')}</div> : null}
      <PostForm
        action={localePath(lang, props.action)}
        csrfToken={props.csrfToken}
        submit={text(lang, 'saveButton')}
      >
        {props.children}
        {props.isPublished
          ? planFields(lang, { reason: props.reason }, problems).area('reason', 'reasonLabel', 3, {
              hint: 'reasonHint',
            })
          : null}
      </PostForm>
      {props.removal ? (
        <Removal
          lang={lang}
          csrfToken={props.csrfToken}
          isPublished={props.isPublished}
          problems={problems}
          {...props.removal}
        />
      ) : null}
      <LinkParagraph href={localePath(lang, planPaths.staffPlan(props.year))}>
        {text(lang, 'backToPlan')}
      </LinkParagraph>
    </>
  );
}

function Removal(
  props: RemovalProps & { lang: Lang; csrfToken: string; isPublished: boolean; problems: FormProblems },
) {
  const { lang } = props;
  return (
    <section aria-labelledby="remove-heading" class="govuk-!-margin-top-9">
      <h2 class="govuk-heading-m" id="remove-heading">
        {text(lang, 'removeHeading')}
      </h2>
      <p class="govuk-body">{props.lead}</p>
      {props.isPublished ? <p class="govuk-body">{text(lang, 'removePublishedLead')}</p> : null}
      <PostForm
        action={localePath(lang, props.action)}
        csrfToken={props.csrfToken}
        submit={text(lang, 'removeButton')}
        isWarning
      >
        <SingleCheckbox
          lang={lang}
          name="confirm"
          label={text(lang, 'confirmLabel')}
          value="yes"
          isChecked={props.confirm}
          problems={props.problems}
        />
        {props.isPublished
          ? planFields(lang, { removeReason: props.reason }, props.problems).area(
              'removeReason',
              'reasonLabel',
              3,
              { hint: 'reasonHint' },
            )
          : null}
      </PostForm>
    </section>
  );
}

/** What every form page of a plan is given (the reason's field is the frame's, read from its form). */
export type PlanFormPageProps = Omit<FrameProps, 'children' | 'reason'>;

export function HeaderFormPage(props: PlanFormPageProps & { form: HeaderForm }) {
  const { lang, form } = props;
  const field = planFields(lang, form, props.problems);
  const clauses = (
    name: 'basis' | 'goals' | 'steps' | 'control' | 'closing',
    label: PlansTextKey,
    rows: number,
  ) => field.area(name, label, rows, { hint: 'clausesHint', valueLang: 'zh-Hant-TW' });
  return (
    <FormFrame {...props} reason={form.reason}>
      {field.input('title', 'planTitleLabel')}
      {field.input('titleEn', 'planTitleEnLabel', { valueLang: 'en' })}
      {clauses('basis', 'basisLabel', 5)}
      {clauses('goals', 'goalsLabel', 5)}
      {field.input('scope', 'scopeLabel')}
      {field.input('contentIntro', 'contentIntroLabel')}
      {clauses('steps', 'stepsLabel', 8)}
      {clauses('control', 'controlLabel', 8)}
      {clauses('closing', 'closingFieldLabel', 2)}
      <h2 class="govuk-heading-m">{text(lang, 'summaryEnHeading')}</h2>
      {field.area('summaryEnBasis', 'summaryEnBasisLabel', 4, { valueLang: 'en' })}
      {field.area('summaryEnGoals', 'summaryEnGoalsLabel', 4, { valueLang: 'en' })}
      {field.area('summaryEnScope', 'summaryEnScopeLabel', 4, { valueLang: 'en' })}
      {field.area('summaryEnSteps', 'summaryEnStepsLabel', 4, { valueLang: 'en' })}
      {field.area('summaryEnControl', 'summaryEnControlLabel', 4, { valueLang: 'en' })}
      {field.area('summaryEnClosing', 'summaryEnClosingLabel', 4, { valueLang: 'en' })}
    </FormFrame>
  );
}

const numberWidth = 'govuk-input--width-3';

export function ItemFormPage(props: PlanFormPageProps & { form: ItemForm }) {
  const field = planFields(props.lang, props.form, props.problems);
  return (
    <FormFrame {...props} reason={props.form.reason}>
      {field.input('number', 'numberLabel', { hint: 'itemNumberHint', widthClass: numberWidth })}
      {field.input('title', 'itemTitleLabel')}
      {field.input('tableTitle', 'tableTitleLabel', { hint: 'tableTitleHint' })}
      {field.input('titleEn', 'titleEnLabel', { valueLang: 'en' })}
    </FormFrame>
  );
}

export function StrategyFormPage(props: PlanFormPageProps & { form: StrategyForm }) {
  const field = planFields(props.lang, props.form, props.problems);
  return (
    <FormFrame {...props} reason={props.form.reason}>
      {field.input('number', 'numberLabel', { hint: 'strategyNumberHint', widthClass: numberWidth })}
      {field.area('text', 'strategyTextLabel', 4)}
      {field.area('textEn', 'textEnLabel', 4, { valueLang: 'en' })}
      {field.area('practicesSummaryEn', 'practicesSummaryEnLabel', 5, { valueLang: 'en' })}
    </FormFrame>
  );
}

export interface UnitChoice {
  code: string;
  name: string;
  isActive: boolean;
}

export function PracticeFormPage(
  props: PlanFormPageProps & { form: PracticeForm; units: readonly UnitChoice[] },
) {
  const { lang, form, problems } = props;
  const field = planFields(lang, form, problems);
  return (
    <FormFrame {...props} reason={form.reason}>
      {field.input('number', 'numberLabel', {
        hint: 'practiceNumberHint',
        widthClass: numberWidth,
        inputMode: 'numeric',
      })}
      {field.area('text', 'practiceTextLabel', 5)}
      {field.area('parts', 'partsLabel', 4, { hint: 'partsHint' })}
      <Radios
        lang={lang}
        name="deadlineKind"
        legend={text(lang, 'deadlineLegend')}
        choices={[
          { value: 'month', label: text(lang, 'deadlineKindMonth') },
          { value: 'daily', label: text(lang, 'deadlineKindDaily') },
          { value: 'none', label: text(lang, 'deadlineKindNone') },
        ]}
        value={form.deadlineKind}
        problems={problems}
      >
        <div class="govuk-!-margin-top-4">
          {field.input('deadlineRocYear', 'deadlineRocYearLabel', {
            hint: 'deadlineMonthHint',
            widthClass: numberWidth,
            inputMode: 'numeric',
          })}
          {field.input('deadlineMonth', 'deadlineMonthLabel', {
            widthClass: 'govuk-input--width-2',
            inputMode: 'numeric',
          })}
        </div>
      </Radios>
      <SingleCheckbox
        lang={lang}
        name="everyUnit"
        label={text(lang, 'everyUnitLabel')}
        value="yes"
        isChecked={form.everyUnit}
        problems={problems}
      />
      <Checkboxes
        lang={lang}
        name="unitCodes"
        legend={text(lang, 'unitsLegend')}
        hint={text(lang, 'unitsHint')}
        choices={props.units.map((unit) => ({
          value: unit.code,
          label: `${unit.name}${unit.isActive ? '' : text(lang, 'inactiveTag')}`,
        }))}
        checked={form.unitCodes}
        problems={problems}
      />
    </FormFrame>
  );
}

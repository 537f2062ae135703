import type { ComponentChildren } from 'preact';
import { ErrorMessage } from '../../../../platform/web/components/form-parts.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { localePath } from '../../../../platform/web/i18n.ts';
import {
  Choices,
  CsrfField,
  ErrorSummary,
  type ProblemsByInput,
  problemsByInput,
  type ShownProblem,
  SingleCheckbox,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../shared/evidence-removal.tsx';
import { controlText as text } from '../plan-messages.ts';
import { controlPaths } from '../plan-paths.ts';
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
  problems: readonly ShownProblem[];
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

function ReasonField({ lang, reason, problems }: { lang: Lang; reason: string; problems: ProblemsByInput }) {
  return (
    <TextArea
      lang={lang}
      name="reason"
      label={text(lang, 'reasonLabel')}
      hint={text(lang, 'reasonHint')}
      value={reason}
      rows={3}
      problems={problems}
    />
  );
}

function FormFrame(props: FrameProps) {
  const { lang } = props;
  const problems = problemsByInput(props.problems);
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice ?? null} />
      <h1 class="govuk-heading-xl">{props.title}</h1>
      {props.isPublished ? <div class="govuk-inset-text">{text(lang, 'publishedNotice')}</div> : null}
      <form method="post" action={localePath(lang, props.action)} novalidate>
        <CsrfField token={props.csrfToken} />
        {props.children}
        {props.isPublished ? <ReasonField lang={lang} reason={props.reason} problems={problems} /> : null}
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {text(lang, 'saveButton')}
        </button>
      </form>
      {props.removal ? (
        <Removal
          lang={lang}
          csrfToken={props.csrfToken}
          isPublished={props.isPublished}
          problems={problems}
          {...props.removal}
        />
      ) : null}
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, controlPaths.staffPlan(props.year))}>
          {text(lang, 'backToPlan')}
        </a>
      </p>
    </>
  );
}

function Removal(
  props: RemovalProps & { lang: Lang; csrfToken: string; isPublished: boolean; problems: ProblemsByInput },
) {
  const { lang } = props;
  return (
    <section aria-labelledby="remove-heading" class="govuk-!-margin-top-9">
      <h2 class="govuk-heading-m" id="remove-heading">
        {text(lang, 'removeHeading')}
      </h2>
      <p class="govuk-body">{props.lead}</p>
      {props.isPublished ? <p class="govuk-body">{text(lang, 'removePublishedLead')}</p> : null}
      <form method="post" action={localePath(lang, props.action)} novalidate>
        <CsrfField token={props.csrfToken} />
        <SingleCheckbox
          lang={lang}
          name="confirm"
          label={text(lang, 'confirmLabel')}
          value="yes"
          checked={props.confirm}
          problems={props.problems}
        />
        {props.isPublished ? (
          <TextArea
            lang={lang}
            name="removeReason"
            label={text(lang, 'reasonLabel')}
            hint={text(lang, 'reasonHint')}
            value={props.reason}
            rows={3}
            problems={props.problems}
          />
        ) : null}
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
          {text(lang, 'removeButton')}
        </button>
      </form>
    </section>
  );
}

type Common = Omit<FrameProps, 'children' | 'reason'>;

export function HeaderFormPage(props: Common & { form: HeaderForm }) {
  const { lang, form } = props;
  const problems = problemsByInput(props.problems);
  const clauses = (
    name: 'basis' | 'goals' | 'steps' | 'control' | 'closing',
    label: string,
    rows: number,
  ) => (
    <TextArea
      lang={lang}
      name={name}
      label={label}
      hint={text(lang, 'clausesHint')}
      value={form[name]}
      rows={rows}
      valueLang="zh-Hant-TW"
      problems={problems}
    />
  );
  const english = (
    name:
      | 'summaryEnBasis'
      | 'summaryEnGoals'
      | 'summaryEnScope'
      | 'summaryEnSteps'
      | 'summaryEnControl'
      | 'summaryEnClosing',
    label: Parameters<typeof text>[1],
  ) => (
    <TextArea
      lang={lang}
      name={name}
      label={text(lang, label)}
      value={form[name]}
      rows={4}
      valueLang="en"
      problems={problems}
    />
  );
  return (
    <FormFrame {...props} reason={form.reason}>
      <TextInput
        lang={lang}
        name="title"
        label={text(lang, 'planTitleLabel')}
        value={form.title}
        problems={problems}
      />
      <TextInput
        lang={lang}
        name="titleEn"
        label={text(lang, 'planTitleEnLabel')}
        value={form.titleEn}
        valueLang="en"
        problems={problems}
      />
      {clauses('basis', text(lang, 'basisLabel'), 5)}
      {clauses('goals', text(lang, 'goalsLabel'), 5)}
      <TextInput
        lang={lang}
        name="scope"
        label={text(lang, 'scopeLabel')}
        value={form.scope}
        problems={problems}
      />
      <TextInput
        lang={lang}
        name="contentIntro"
        label={text(lang, 'contentIntroLabel')}
        value={form.contentIntro}
        problems={problems}
      />
      {clauses('steps', text(lang, 'stepsLabel'), 8)}
      {clauses('control', text(lang, 'controlLabel'), 8)}
      {clauses('closing', text(lang, 'closingFieldLabel'), 2)}
      <h2 class="govuk-heading-m">{text(lang, 'summaryEnHeading')}</h2>
      {english('summaryEnBasis', 'summaryEnBasisLabel')}
      {english('summaryEnGoals', 'summaryEnGoalsLabel')}
      {english('summaryEnScope', 'summaryEnScopeLabel')}
      {english('summaryEnSteps', 'summaryEnStepsLabel')}
      {english('summaryEnControl', 'summaryEnControlLabel')}
      {english('summaryEnClosing', 'summaryEnClosingLabel')}
    </FormFrame>
  );
}

export function ItemFormPage(props: Common & { form: ItemForm }) {
  const { lang, form } = props;
  const problems = problemsByInput(props.problems);
  return (
    <FormFrame {...props} reason={form.reason}>
      <TextInput
        lang={lang}
        name="number"
        label={text(lang, 'numberLabel')}
        hint={text(lang, 'itemNumberHint')}
        value={form.number}
        widthClass="govuk-input--width-3"
        problems={problems}
      />
      <TextInput
        lang={lang}
        name="title"
        label={text(lang, 'itemTitleLabel')}
        value={form.title}
        problems={problems}
      />
      <TextInput
        lang={lang}
        name="tableTitle"
        label={text(lang, 'tableTitleLabel')}
        hint={text(lang, 'tableTitleHint')}
        value={form.tableTitle}
        problems={problems}
      />
      <TextInput
        lang={lang}
        name="titleEn"
        label={text(lang, 'titleEnLabel')}
        value={form.titleEn}
        valueLang="en"
        problems={problems}
      />
    </FormFrame>
  );
}

export function StrategyFormPage(props: Common & { form: StrategyForm }) {
  const { lang, form } = props;
  const problems = problemsByInput(props.problems);
  return (
    <FormFrame {...props} reason={form.reason}>
      <TextInput
        lang={lang}
        name="number"
        label={text(lang, 'numberLabel')}
        hint={text(lang, 'strategyNumberHint')}
        value={form.number}
        widthClass="govuk-input--width-3"
        problems={problems}
      />
      <TextArea
        lang={lang}
        name="text"
        label={text(lang, 'strategyTextLabel')}
        value={form.text}
        rows={4}
        problems={problems}
      />
      <TextArea
        lang={lang}
        name="textEn"
        label={text(lang, 'textEnLabel')}
        value={form.textEn}
        rows={4}
        valueLang="en"
        problems={problems}
      />
      <TextArea
        lang={lang}
        name="practicesSummaryEn"
        label={text(lang, 'practicesSummaryEnLabel')}
        value={form.practicesSummaryEn}
        rows={5}
        valueLang="en"
        problems={problems}
      />
    </FormFrame>
  );
}

export interface UnitChoice {
  code: string;
  name: string;
  isActive: boolean;
}

export function PracticeFormPage(props: Common & { form: PracticeForm; units: readonly UnitChoice[] }) {
  const { lang, form } = props;
  const problems = problemsByInput(props.problems);
  const unitErrors = [...(problems.get('everyUnit') ?? []), ...(problems.get('unitCodes') ?? [])];
  const hasUnitError = unitErrors.length > 0;
  return (
    <FormFrame {...props} reason={form.reason}>
      <TextInput
        lang={lang}
        name="number"
        label={text(lang, 'numberLabel')}
        hint={text(lang, 'practiceNumberHint')}
        value={form.number}
        widthClass="govuk-input--width-3"
        inputMode="numeric"
        problems={problems}
      />
      <TextArea
        lang={lang}
        name="text"
        label={text(lang, 'practiceTextLabel')}
        value={form.text}
        rows={5}
        problems={problems}
      />
      <TextArea
        lang={lang}
        name="parts"
        label={text(lang, 'partsLabel')}
        hint={text(lang, 'partsHint')}
        value={form.parts}
        rows={4}
        problems={problems}
      />
      <Choices
        lang={lang}
        type="radio"
        name="deadlineKind"
        label={text(lang, 'deadlineLegend')}
        choices={[
          { value: 'month', label: text(lang, 'deadlineKindMonth') },
          { value: 'daily', label: text(lang, 'deadlineKindDaily') },
          { value: 'none', label: text(lang, 'deadlineKindNone') },
        ]}
        checked={new Set([form.deadlineKind])}
        problems={problems}
      >
        <div class="govuk-!-margin-top-4">
          <TextInput
            lang={lang}
            name="deadlineRocYear"
            label={text(lang, 'deadlineRocYearLabel')}
            hint={text(lang, 'deadlineMonthHint')}
            value={form.deadlineRocYear}
            widthClass="govuk-input--width-3"
            inputMode="numeric"
            problems={problems}
          />
          <TextInput
            lang={lang}
            name="deadlineMonth"
            label={text(lang, 'deadlineMonthLabel')}
            value={form.deadlineMonth}
            widthClass="govuk-input--width-2"
            inputMode="numeric"
            problems={problems}
          />
        </div>
      </Choices>
      <div class={`govuk-form-group${hasUnitError ? ' govuk-form-group--error' : ''}`}>
        <fieldset
          class="govuk-fieldset"
          aria-describedby={hasUnitError ? 'units-hint units-error' : 'units-hint'}
        >
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            {text(lang, 'unitsLegend')}
          </legend>
          <div id="units-hint" class="govuk-hint">
            {text(lang, 'unitsHint')}
          </div>
          <ErrorMessage
            id="units"
            prefix={text(lang, 'errorPrefix')}
            message={hasUnitError ? unitErrors.join(' ') : undefined}
          />
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id="everyUnit"
                name="everyUnit"
                type="checkbox"
                value="yes"
                checked={form.everyUnit}
              />
              <label class="govuk-label govuk-checkboxes__label" for="everyUnit">
                {text(lang, 'everyUnitLabel')}
              </label>
            </div>
            {props.units.map((unit, index) => (
              <div key={unit.code} class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id={index === 0 ? 'unitCodes' : `unitCodes-${unit.code}`}
                  name="unitCodes"
                  type="checkbox"
                  value={unit.code}
                  checked={form.unitCodes.includes(unit.code)}
                />
                <label
                  class="govuk-label govuk-checkboxes__label"
                  for={index === 0 ? 'unitCodes' : `unitCodes-${unit.code}`}
                >
                  {unit.name}
                  {unit.isActive ? '' : text(lang, 'inactiveTag')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    </FormFrame>
  );
}

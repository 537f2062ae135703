import { withCsrfQuery } from '../../../../platform/http/csrf.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  FileInput,
  Radios,
  Select,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { formatDateTime } from '../../shared/control-format.ts';
import { EvidenceRemovalLink } from '../../shared/evidence-removal.tsx';
import { textFields } from '../../shared/page-parts.tsx';
import { valueField } from '../progress-forms.ts';
import { progressText as text } from '../progress-messages.ts';
import { progressPaths } from '../progress-paths.ts';
import {
  type CarriedPractice,
  type ProgressForm,
  progressStatuses,
  type TargetView,
} from '../progress-rules.ts';
import type { EntryView } from '../progress-service.ts';

/** 管制查考 §3, a unit's progress for a period: each practice it carries, its entry and a form. */

export interface UnitPracticeRow {
  carried: CarriedPractice;
  targets: readonly TargetView[];
  entry: EntryView | null;
}

export interface FailedForm {
  practiceId: string;
  form: ProgressForm;
}

/** The id of an input of the n-th practice's form (one form per practice on the page). */
export function inputId(index: number, field: string): string {
  return `p${index + 1}-${field}`;
}

function PracticeForm(props: {
  lang: Lang;
  index: number;
  row: UnitPracticeRow;
  action: string;
  csrfToken: string;
  failed: FailedForm | null;
  problems: FormProblems;
}) {
  const { lang, index, row } = props;
  const id = (field: string) => inputId(index, field);
  const failed = props.failed?.practiceId === row.carried.practice.id ? props.failed : null;
  // Only the form that was sent shows problems: the others are untouched.
  const problems = failed ? props.problems : undefined;
  const field = textFields(
    lang,
    { narrative: failed?.form.narrative ?? row.entry?.narrative ?? '', links: failed?.form.links ?? '' },
    problems,
  );
  return (
    <form
      method="post"
      action={withCsrfQuery(props.action, props.csrfToken)}
      enctype="multipart/form-data"
      novalidate
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="practiceId" value={row.carried.practice.id} />
      <Radios
        lang={lang}
        name="status"
        id={id('status')}
        legend={text(lang, 'statusLabel')}
        choices={progressStatuses.map((value) => ({ value, label: text(lang, `status_${value}`) }))}
        value={failed?.form.status ?? row.entry?.status ?? ''}
        isInline
        problems={problems}
      />
      {field.area('narrative', text(lang, 'narrativeLabel'), { id: id('narrative') })}
      {row.targets.map((target) => {
        const previous = row.entry?.values.get(target.id);
        return (
          <TextInput
            key={target.id}
            lang={lang}
            name={valueField(target.id)}
            id={id(valueField(target.id))}
            label={text(lang, 'valueLabel', {
              indicator: target.indicator,
              unit: target.unitOfMeasure,
              target: target.target,
            })}
            value={
              failed ? (failed.form.values[target.id] ?? '') : previous === undefined ? '' : String(previous)
            }
            widthClass="govuk-input--width-10"
            inputMode="decimal"
            problems={problems}
          />
        );
      })}
      <FileInput
        lang={lang}
        name="evidence"
        id={id('evidence')}
        label={text(lang, 'filesLabel')}
        isMultiple
        problems={problems}
      />
      {field.area('links', text(lang, 'linksLabel'), { id: id('links'), rows: 2 })}
      <Button>
        {text(lang, 'save')}
        <span class="govuk-visually-hidden"> {row.carried.ref}</span>
      </Button>
    </form>
  );
}

export function UnitProgressPage(props: {
  lang: Lang;
  /** The page's heading (the same as its title). */
  title: string;
  year: number;
  unitCode: string;
  period: string;
  periods: readonly string[];
  dueDate: string;
  rows: readonly UnitPracticeRow[];
  csrfToken: string;
  notice: string | null;
  problems: FormProblems;
  failed: FailedForm | null;
}) {
  const { lang } = props;
  const action = localePath(lang, progressPaths.entries(props.year, props.unitCode, props.period));
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{props.title}</h1>
      <form
        method="get"
        action={localePath(lang, progressPaths.unit(props.year, props.unitCode))}
        class="govuk-!-margin-bottom-6"
      >
        <Select
          lang={lang}
          name="period"
          label={text(lang, 'periodLabel')}
          value={props.period}
          choices={props.periods.map((period) => ({ value: period, label: period }))}
        />
        <Button isSecondary>{text(lang, 'show')}</Button>
      </form>
      <p class="govuk-body" id="practices">
        {text(lang, 'dueOn', { date: formatPageDate(lang, props.dueDate) })}
      </p>
      {props.rows.length === 0 ? <p class="govuk-body">{text(lang, 'noPractices')}</p> : null}
      {props.rows.map((row, index) => (
        <section
          key={row.carried.practice.id}
          class="govuk-!-margin-bottom-8"
          aria-labelledby={`${inputId(index, 'heading')}`}
          data-practice={row.carried.ref}
        >
          <h2 class="govuk-heading-s" id={inputId(index, 'heading')}>
            {row.carried.ref} <span lang="zh-TW">{row.carried.practice.text}</span>
          </h2>
          {row.entry ? (
            <div class="govuk-inset-text" data-entry={row.entry.id}>
              <p class="govuk-body">
                <strong>{text(lang, `status_${row.entry.status}`)}</strong>
                {row.entry.isLate ? (
                  <>
                    {' '}
                    <strong class="govuk-tag govuk-tag--red" data-late="true">
                      {text(lang, 'late')}
                    </strong>
                  </>
                ) : null}{' '}
                {text(lang, 'enteredBy', {
                  name: row.entry.enteredBy,
                  date: formatDateTime(lang, row.entry.enteredAt),
                })}
              </p>
              {row.entry.evidence.length > 0 ? (
                <ul class="govuk-list govuk-list--bullet">
                  {row.entry.evidence.map((item) => (
                    <li key={item.id} data-evidence={item.id}>
                      {item.kind === 'file' ? (
                        <a class="govuk-link" href={localePath(lang, progressPaths.evidence(item.id))}>
                          {item.fileName}
                        </a>
                      ) : (
                        <a class="govuk-link" href={item.url ?? '#'} rel="noopener noreferrer">
                          {item.url}
                        </a>
                      )}{' '}
                      <EvidenceRemovalLink
                        lang={lang}
                        href={localePath(lang, progressPaths.removeEvidence(item.id))}
                        name={item.fileName ?? item.url ?? ''}
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p class="govuk-body">{text(lang, 'notEntered')}</p>
          )}
          <PracticeForm
            lang={lang}
            index={index}
            row={row}
            action={action}
            csrfToken={props.csrfToken}
            failed={props.failed}
            problems={props.problems}
          />
        </section>
      ))}
    </>
  );
}

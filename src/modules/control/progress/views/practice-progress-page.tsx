import {
  Button,
  CsrfField,
  ErrorSummary,
  FileInput,
  Radios,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
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

/**
 * 管制查考 §3, one practice of a unit for a period: its entry and its one form (issue 14 §14: a page of every
 * practice's form lost what was typed in one when another was saved; here nothing else can be sent).
 */

export interface UnitPracticeRow {
  carried: CarriedPractice;
  targets: readonly TargetView[];
  entry: EntryView | null;
}

/** The id the error summary links a problem of the practice or the period to (the form's heading). */
export const entryFormHeadingId = 'entry-heading';

function EntryShown(props: { lang: Lang; entry: EntryView }) {
  const { lang, entry } = props;
  return (
    <div class="govuk-inset-text" data-entry={entry.id}>
      <p class="govuk-body">
        <strong>{text(lang, `status_${entry.status}`)}</strong>
        {entry.isLate ? (
          <>
            {' '}
            <strong class="govuk-tag govuk-tag--red" data-late="true">
              {text(lang, 'late')}
            </strong>
          </>
        ) : null}{' '}
        {text(lang, 'enteredBy', { name: entry.enteredBy, date: formatDateTime(lang, entry.enteredAt) })}
      </p>
      {entry.evidence.length > 0 ? (
        <ul class="govuk-list govuk-list--bullet">
          {entry.evidence.map((item) => (
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
  );
}

export function PracticeProgressPage(props: {
  lang: Lang;
  /** The page's heading (the same as its title). */
  title: string;
  year: number;
  unitCode: string;
  period: string;
  row: UnitPracticeRow;
  /** The next practice of the unit's list, if any. */
  next: CarriedPractice | null;
  csrfToken: string;
  notice: string | null;
  problems: FormProblems;
  /** What was typed, when the form comes back with problems. */
  typed: ProgressForm | null;
}) {
  const { lang, row, typed, problems } = props;
  const { year, unitCode, period } = props;
  const action = localePath(lang, progressPaths.entries(year, unitCode, period));
  const listPath = `${localePath(lang, progressPaths.unit(year, unitCode))}?period=${encodeURIComponent(period)}`;
  const field = textFields(
    lang,
    { narrative: typed?.narrative ?? row.entry?.narrative ?? '', links: typed?.links ?? '' },
    problems,
  );
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l" data-practice={row.carried.ref}>
        {props.title}
      </h1>
      <p class="govuk-body-l" lang="zh-TW">
        {row.carried.practice.text}
      </p>
      <LinkParagraph href={listPath}>{text(lang, 'backToList', { period })}</LinkParagraph>
      <h2 class="govuk-heading-m">{text(lang, 'currentEntry')}</h2>
      {row.entry ? (
        <EntryShown lang={lang} entry={row.entry} />
      ) : (
        <p class="govuk-body">{text(lang, 'notEntered')}</p>
      )}
      <h2 class="govuk-heading-m" id={entryFormHeadingId} tabindex={-1}>
        {text(lang, 'entryHeading')}
      </h2>
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="practiceId" value={row.carried.practice.id} />
        <Radios
          lang={lang}
          name="status"
          legend={text(lang, 'statusLabel')}
          choices={progressStatuses.map((value) => ({ value, label: text(lang, `status_${value}`) }))}
          value={typed?.status ?? row.entry?.status ?? ''}
          isInline
          problems={problems}
        />
        {field.area('narrative', text(lang, 'narrativeLabel'))}
        {row.targets.map((target) => {
          const previous = row.entry?.values.get(target.id);
          return (
            <TextInput
              key={target.id}
              lang={lang}
              name={valueField(target.id)}
              label={text(lang, 'valueLabel', {
                indicator: target.indicator,
                unit: target.unitOfMeasure,
                target: target.target,
              })}
              value={typed ? (typed.values[target.id] ?? '') : previous === undefined ? '' : String(previous)}
              widthClass="govuk-input--width-10"
              inputMode="decimal"
              problems={problems}
            />
          );
        })}
        <FileInput
          lang={lang}
          name="evidence"
          label={text(lang, 'filesLabel')}
          isMultiple
          problems={problems}
        />
        {field.area('links', text(lang, 'linksLabel'), { rows: 2 })}
        <Button>{text(lang, 'save')}</Button>
      </form>
      {props.next ? (
        <LinkParagraph
          href={localePath(lang, progressPaths.practice(year, unitCode, period, props.next.practice.id))}
        >
          {text(lang, 'nextPractice', { practice: props.next.ref })}
        </LinkParagraph>
      ) : null}
    </>
  );
}

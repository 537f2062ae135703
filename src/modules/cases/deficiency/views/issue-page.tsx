import {
  Banner,
  Fieldset,
  SingleCheckbox,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { casePaths } from '../../core/case-paths.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { deficiencyPaths } from '../deficiency-paths.ts';
import {
  type DeficiencyCandidate,
  deficiencyLimits,
  inputNameOf,
  otherInputName,
} from '../deficiency-rules.ts';

/**
 * The handler's one action (issue 11 §2): the service's checklist and form fields with the applicant's
 * answers, each to tick with a note; free-text items; the date; for a second notice, the reason. One form,
 * posted without JavaScript.
 */

export interface IssuePageView {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  version: number;
  candidates: readonly DeficiencyCandidate[];
  /** Electronic checks (the applicant need not bring them): the item ids. */
  electronicIds: ReadonlySet<string>;
  values: Readonly<Record<string, string>>;
  problems: FormProblems;
  /** How many notices the case already had (0: this is the first). */
  previousCount: number;
  /** Whether this person's second notice goes to a supervisor first. */
  needsApproval: boolean;
}

function CandidateRow({ view, candidate }: { view: IssuePageView; candidate: DeficiencyCandidate }) {
  const { lang } = view;
  const label = lang === 'en' ? candidate.labelEn : candidate.labelZh;
  const tickName = inputNameOf('tick', candidate.key);
  const noteName = inputNameOf('note', candidate.key);
  const hint =
    candidate.kind === 'field'
      ? text(lang, 'currentAnswer', { answer: candidate.currentAnswer ?? text(lang, 'noAnswer') })
      : view.electronicIds.has(candidate.refId)
        ? text(lang, 'electronicNote')
        : undefined;
  return (
    <div class="govuk-!-margin-bottom-6" data-candidate={candidate.key}>
      <SingleCheckbox
        lang={lang}
        name={tickName}
        label={text(lang, 'tickLabel', { item: label })}
        hint={hint}
        value="yes"
        isChecked={view.values[tickName] === 'yes'}
        problems={view.problems}
      />
      <TextInput
        lang={lang}
        name={noteName}
        label={text(lang, 'noteLabel', { item: label })}
        labelClass="govuk-label--s"
        isOptional
        value={view.values[noteName] ?? ''}
        problems={view.problems}
      />
    </div>
  );
}

export function IssuePage(view: IssuePageView) {
  const { lang } = view;
  const checklist = view.candidates.filter((candidate) => candidate.kind === 'checklist');
  const fields = view.candidates.filter((candidate) => candidate.kind === 'field');
  const others = Array.from({ length: deficiencyLimits.maxOtherItems }, (_, index) => index + 1);
  const isSecond = view.previousCount > 0;
  return (
    <FormPage
      lang={lang}
      problems={view.problems}
      title={text(lang, 'issueTitle')}
      lead={text(lang, 'issueLead')}
      notice={
        isSecond ? (
          <Banner lang={lang} kind="important" title={text(lang, 'approvalHeading')}>
            <p class="govuk-body">{text(lang, 'secondNoticeWarning', { count: view.previousCount })}</p>
          </Banner>
        ) : null
      }
    >
      <p class="govuk-body">
        {text(lang, 'caseNumber')}
        {lang === 'en' ? ': ' : '：'}
        <strong data-case-number={view.caseNumber}>{view.caseNumber}</strong>
      </p>
      <PostForm
        action={localePath(lang, deficiencyPaths.issue(view.caseNumber))}
        csrfToken={view.csrfToken}
        submit={text(lang, isSecond && view.needsApproval ? 'draftButton' : 'issueButton')}
        preventsDoubleClick
      >
        <input type="hidden" name="version" value={String(view.version)} />
        {checklist.length === 0 ? null : (
          <Fieldset
            lang={lang}
            name="items"
            legend={text(lang, 'checklistHeading')}
            legendClass="govuk-fieldset__legend--m"
            problems={view.problems}
          >
            {checklist.map((candidate) => (
              <CandidateRow key={candidate.key} view={view} candidate={candidate} />
            ))}
          </Fieldset>
        )}
        {fields.length === 0 ? null : (
          <Fieldset
            lang={lang}
            name="fields"
            legend={text(lang, 'fieldsHeading')}
            legendClass="govuk-fieldset__legend--m"
          >
            {fields.map((candidate) => (
              <CandidateRow key={candidate.key} view={view} candidate={candidate} />
            ))}
          </Fieldset>
        )}
        <Fieldset
          lang={lang}
          name="others"
          legend={text(lang, 'othersHeading')}
          legendClass="govuk-fieldset__legend--m"
          hint={text(lang, 'othersHint', { count: deficiencyLimits.maxOtherItems })}
        >
          {others.map((index) => (
            <TextInput
              key={index}
              lang={lang}
              name={otherInputName(index)}
              label={text(lang, 'otherLabel', { index })}
              isOptional
              value={view.values[otherInputName(index)] ?? ''}
              problems={view.problems}
            />
          ))}
        </Fieldset>
        <TextInput
          lang={lang}
          name="supplementBy"
          label={text(lang, 'supplementByLabel')}
          labelClass="govuk-label--m"
          hint={text(lang, 'supplementByHint', {
            defaultDays: deficiencyLimits.defaultDays,
            maxDays: deficiencyLimits.maxDays,
            example: view.values.supplementByExample ?? '',
          })}
          value={view.values.supplementBy ?? ''}
          problems={view.problems}
          widthClass="govuk-input--width-10"
        />
        {isSecond ? (
          <TextArea
            lang={lang}
            name="approvalReason"
            label={text(lang, 'approvalReasonLabel')}
            hint={text(lang, 'approvalReasonHint')}
            value={view.values.approvalReason ?? ''}
            problems={view.problems}
            rows={3}
          />
        ) : null}
      </PostForm>
      <LinkParagraph href={localePath(lang, casePaths.casePage(view.caseNumber))}>
        {text(lang, 'backToCase')}
      </LinkParagraph>
    </FormPage>
  );
}

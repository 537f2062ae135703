import {
  Banner,
  Checkboxes,
  Select,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { faqPaths, faqStaffPaths } from '../../shared/portal-paths.ts';
import { type EntryFormValues, entryForm } from '../faq-form.ts';
import { faqText as text } from '../faq-messages.ts';
import { faqActionPaths } from '../faq-paths.ts';
import type { EditorChoices, NamedCode, StaffComment } from '../faq-queries.ts';
import { mayPublish, mayWithdraw, usefulShare } from '../faq-rules.ts';
import { CommentList, stateWord } from './faq-staff-parts.tsx';

export interface FaqEditorPageProps {
  lang: Lang;
  csrfToken: string;
  /** Null for a new entry. */
  entry: { number: number; state: string; yes: number; no: number; comments: readonly StaffComment[] } | null;
  choices: EditorChoices;
  values: EntryFormValues;
  problems: FormProblems;
  successMessage: string | null;
}

function codeChoices(lang: Lang, codes: readonly NamedCode[]) {
  return codes.map((code) => ({
    value: code.code,
    label: `${code.code} ${lang === 'en' && code.nameEn ? code.nameEn : code.nameZh}`,
  }));
}

/** The editor's page of an entry: the form, then publishing and what readers said (an entry that exists). */
export function FaqEditorPage(props: FaqEditorPageProps) {
  const { lang, entry, choices, values, problems } = props;
  const control = textControls(entryForm, { lang, values, problems });
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const action = entry === null ? faqStaffPaths.create : faqStaffPaths.edit(entry.number);
  const schemes = [
    ['themeCodes', choices.theme],
    ['cakeCodes', choices.cake],
    ['serviceCodes', choices.service],
  ] as const;
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={entry === null ? text(lang, 'createTitle') : text(lang, 'editTitle', { number: entry.number })}
      lead={text(lang, 'editorLead')}
      notice={
        <>
          <SuccessBanner lang={lang} message={props.successMessage} />
          {values.proposalId === '' ? null : (
            <Banner lang={lang} id="faq-from-proposal" kind="important">
              <p class="govuk-body">{text(lang, 'fromProposalNotice')}</p>
            </Banner>
          )}
        </>
      }
    >
      {entry === null ? null : (
        <p class="govuk-body" id="faq-state" data-state={entry.state}>
          {text(lang, 'entryStateIs', { state: stateWord(lang, entry.state) })}
          {entry.state === 'published' ? (
            <>
              {' · '}
              <a class="govuk-link" href={localePath(lang, faqPaths.entry(entry.number))}>
                {faqPaths.entry(entry.number)}
              </a>
            </>
          ) : null}
        </p>
      )}
      <PostForm action={localePath(lang, action)} csrfToken={props.csrfToken} submit={text(lang, 'save')}>
        <input type="hidden" name="proposalId" value={values.proposalId} />
        <TextInput {...control('questionZh')} />
        <TextArea {...control('variantsZh')} hint={text(lang, 'variantsHint')} rows={4} isOptional />
        <TextArea {...control('answerZh')} rows={8} />
        <TextInput {...control('questionEn')} hint={text(lang, 'englishHint')} isOptional />
        <TextArea {...control('variantsEn')} hint={text(lang, 'variantsHint')} rows={3} isOptional />
        <TextArea {...control('answerEn')} rows={6} isOptional />
        <Select
          lang={lang}
          name="unitCode"
          label={text(lang, 'unitCode')}
          value={values.unitCode}
          blank={text(lang, 'unitBlank')}
          problems={problems}
          choices={choices.units.map((unit) => ({ value: unit.code, label: pick(unit.nameZh, unit.nameEn) }))}
        />
        <Checkboxes
          lang={lang}
          name="relatedServiceCodes"
          legend={text(lang, 'relatedServices')}
          hint={text(lang, 'relatedServicesHint')}
          isOptional
          problems={problems}
          checked={values.relatedServiceCodes}
          choices={choices.services.map((service) => ({
            value: service.code,
            label: pick(service.nameZh, service.nameEn),
          }))}
        />
        {schemes.map(([name, codes]) =>
          codes.length === 0 ? (
            <p key={name} class="govuk-body" data-empty-scheme={name}>
              <strong>{text(lang, name)}</strong>：{text(lang, 'noClassifications')}
            </p>
          ) : (
            <Checkboxes
              key={name}
              lang={lang}
              name={name}
              legend={text(lang, name)}
              isOptional
              problems={problems}
              checked={values[name]}
              choices={codeChoices(lang, codes)}
            />
          ),
        )}
      </PostForm>
      {entry === null ? null : <EntryActions {...props} entry={entry} />}
      <LinkParagraph href={localePath(lang, faqStaffPaths.list)}>
        {text(lang, 'staffListTitle')}
      </LinkParagraph>
    </FormPage>
  );
}

function EntryActions(props: FaqEditorPageProps & { entry: NonNullable<FaqEditorPageProps['entry']> }) {
  const { lang, entry } = props;
  const share = usefulShare(entry.yes, entry.no);
  return (
    <>
      <h2 class="govuk-heading-m">{text(lang, 'publishHeading')}</h2>
      {mayPublish(entry.state) ? (
        <>
          <p class="govuk-body">{text(lang, 'publishLead')}</p>
          <PostForm
            action={localePath(lang, faqActionPaths.publish(entry.number))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'publishButton')}
          />
        </>
      ) : null}
      {mayWithdraw(entry.state) ? (
        <>
          <p class="govuk-body">{text(lang, 'withdrawLead')}</p>
          <PostForm
            action={localePath(lang, faqActionPaths.withdraw(entry.number))}
            csrfToken={props.csrfToken}
            submit={text(lang, 'withdrawButton')}
            isWarning
          />
        </>
      ) : null}
      <h2 class="govuk-heading-m">{text(lang, 'usefulnessHeading')}</h2>
      <p class="govuk-body" id="faq-usefulness">
        {text(lang, 'usefulnessSummary', { yes: entry.yes, no: entry.no })}
        {share === null ? null : ` (${share}%)`}
      </p>
      <CommentList lang={lang} comments={entry.comments} isEntryShown={false} />
    </>
  );
}

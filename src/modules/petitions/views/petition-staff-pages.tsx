import type { Choice } from '../../../platform/web/components/form-controls.tsx';
import {
  FileInput,
  Radios,
  Select,
  SingleCheckbox,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { SummaryList } from '../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatPageDate, taipeiIsoDate } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { draftsOf, PetitionPage } from '../petition-actions.ts';
import { answerForm, declineForm, staffPetitionForm, transferForm } from '../petition-forms.ts';
import { petitionText as text } from '../petition-messages.ts';
import { petitionPaths } from '../petition-paths.ts';
import { declineGrounds, type PetitionSource } from '../petitions-schema.ts';
import type { FoundRepeat } from '../repeat-detection.ts';
import type { ReplyLetter } from '../reply-letter.ts';

export function StaffNewPage(props: {
  lang: Lang;
  csrfToken: string;
  types: readonly Choice[];
  districts: readonly Choice[];
  values: Record<string, unknown>;
  problems: FormProblems;
}) {
  const { lang } = props;
  const control = textControls(staffPetitionForm, props);
  const sources: PetitionSource[] = ['letter', 'oral', 'hotline_1999', 'email'];
  return (
    <FormPage
      lang={lang}
      problems={props.problems}
      title={text(lang, 'staffNewTitle')}
      lead={text(lang, 'staffNewLead')}
    >
      <PostForm
        action={localePath(lang, petitionPaths.staffNew)}
        csrfToken={props.csrfToken}
        submit={text(lang, 'register')}
        isUpload
      >
        <Radios
          lang={lang}
          name="source"
          legend={text(lang, 'sourceLabel')}
          choices={sources.map((source) => ({ value: source, label: text(lang, `source_${source}`) }))}
          value={String(props.values.source ?? '')}
          problems={props.problems}
        />
        <Select
          lang={lang}
          name="typeCode"
          label={text(lang, 'typeLabel')}
          choices={props.types}
          value={String(props.values.typeCode ?? '')}
          problems={props.problems}
        />
        <TextInput {...control('subject')} isOptional />
        <TextArea {...control('text')} rows={8} />
        <TextInput {...control('place')} isOptional />
        <Select
          lang={lang}
          name="districtCode"
          label={text(lang, 'districtLabel')}
          choices={props.districts}
          blank={text(lang, 'districtNone')}
          value={String(props.values.districtCode ?? '')}
          problems={props.problems}
          isOptional
        />
        <TextInput {...control('name')} isOptional />
        <TextInput {...control('email')} isOptional />
        <TextInput {...control('phone')} isOptional />
        <TextInput {...control('address')} isOptional />
        <SingleCheckbox
          lang={lang}
          name="isEnglish"
          label={text(lang, 'isEnglishLabel')}
          value="true"
          isChecked={props.values.isEnglish === true}
          problems={props.problems}
        />
        <SingleCheckbox
          lang={lang}
          name="isReadBack"
          label={text(lang, 'isReadBackLabel')}
          value="true"
          isChecked={props.values.isReadBack === true}
          problems={props.problems}
        />
        <FileInput
          lang={lang}
          name="scan"
          label={text(lang, 'scanLabel')}
          hint={text(lang, 'scanHint')}
          problems={props.problems}
          isMultiple
          isOptional
        />
      </PostForm>
    </FormPage>
  );
}

/**
 * The petition's repeats with their earlier answers: on the petition's page, and on its case page
 * (`CaseRepeatsSection`, through the petitions manifest's pageSections).
 */
function Repeats({ lang, repeats }: { lang: Lang; repeats: readonly FoundRepeat[] }) {
  return (
    <section aria-labelledby="repeats-heading" id="repeats">
      <h2 class="govuk-heading-m" id="repeats-heading">
        {text(lang, 'repeatsTitle')}
      </h2>
      {repeats.length === 0 ? (
        <p class="govuk-body">{text(lang, 'repeatsNone')}</p>
      ) : (
        <>
          <p class="govuk-body">{text(lang, 'repeatsLead')}</p>
          <table class="govuk-table">
            <TableHead
              columns={[text(lang, 'repeatCase'), text(lang, 'repeatReasons'), text(lang, 'repeatAnswer')]}
            />
            <tbody class="govuk-table__body">
              {repeats.map((repeat) => (
                <tr class="govuk-table__row" key={repeat.caseId} data-repeat={repeat.caseNumber}>
                  <td class="govuk-table__cell">
                    <a
                      class="govuk-link"
                      href={localePath(lang, petitionPaths.staffPetition(repeat.caseNumber))}
                    >
                      {repeat.caseNumber}
                    </a>
                    <br />
                    {repeat.subject}
                  </td>
                  <td class="govuk-table__cell">
                    {repeat.reasons
                      .map((reason) =>
                        reason === 'similar_text'
                          ? text(lang, 'reason_similar_text', {
                              percent: Math.round(repeat.similarity * 100),
                            })
                          : text(lang, `reason_${reason}`),
                      )
                      .join(lang === 'en' ? ', ' : '、')}
                  </td>
                  <td class="govuk-table__cell">
                    {repeat.answeredAt === null || repeat.resolution === null ? (
                      text(lang, 'repeatNotAnswered')
                    ) : (
                      <>
                        {text(lang, 'repeatAnsweredOn', {
                          date: formatPageDate(lang, taipeiIsoDate(repeat.answeredAt)),
                        })}
                        <pre class="govuk-body-s">{repeat.resolution}</pre>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** On the case page of a petition: its repeats, and the way to the petition's page where it is answered. */
export function CaseRepeatsSection({
  lang,
  caseNumber,
  repeats,
}: {
  lang: Lang;
  caseNumber: string;
  repeats: readonly FoundRepeat[];
}) {
  return (
    <div class="govuk-!-margin-bottom-8">
      <Repeats lang={lang} repeats={repeats} />
      {repeats.some((repeat) => repeat.answeredAt !== null) ? (
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, petitionPaths.staffPetition(caseNumber))}>
            {text(lang, 'repeatsCiteOnPetitionPage')}
          </a>
        </p>
      ) : null}
    </div>
  );
}

export interface PetitionStaffPageProps {
  lang: Lang;
  csrfToken: string;
  page: PetitionPage;
  drafts: ReturnType<typeof draftsOf>;
  /** Once there is a reply to print (answer, decline, transfer): whether the petitioner has e-mail; null before. */
  letter: { hasEmail: boolean } | null;
  /** The values typed into one of the forms when it is shown again. */
  form: 'answer' | 'decline' | 'transfer' | null;
  values: Record<string, string>;
  problems: FormProblems;
  successMessage: string | null;
}

export function PetitionStaffPage(props: PetitionStaffPageProps) {
  const { lang, page } = props;
  const { row, petition, type } = page;
  const isOpen = !['closed', 'forwarded', 'rejected', 'withdrawn', 'merged'].includes(row.state);
  const mayAnswer = ['accepted', 'in_progress'].includes(row.state);
  const valuesFor = (form: PetitionStaffPageProps['form']) => (props.form === form ? props.values : {});
  const version = String(row.version);
  const answer = textControls(answerForm, { lang, values: valuesFor('answer'), problems: props.problems });
  const decline = textControls(declineForm, { lang, values: valuesFor('decline'), problems: props.problems });
  const transfer = textControls(transferForm, {
    lang,
    values: valuesFor('transfer'),
    problems: props.problems,
  });
  const replyLang = petition.isEnglish ? 'en' : 'zh-Hant-TW';
  return (
    <FormPage
      lang={lang}
      problems={props.problems}
      title={text(lang, 'petitionTitle', { caseNumber: row.caseNumber })}
    >
      <SuccessBanner lang={lang} message={props.successMessage} />
      <p class="govuk-body-l">{row.subject}</p>
      <SummaryList
        rows={[
          {
            key: text(lang, 'rowType'),
            value: type === undefined ? row.serviceCode : lang === 'en' ? type.nameEn : type.nameZh,
          },
          { key: text(lang, 'rowSource'), value: text(lang, `source_${petition.source as PetitionSource}`) },
          {
            key: text(lang, 'rowLanguage'),
            value: text(lang, petition.isEnglish ? 'languageEn' : 'languageZh'),
          },
          {
            key: text(lang, 'rowApproval'),
            value: text(lang, row.needsAnswerApproval ? 'approvalYes' : 'approvalNo'),
          },
          row.outerLimitWorkingDays === null
            ? null
            : {
                key: text(lang, 'rowOuterLimit'),
                value: text(lang, 'outerLimit', { days: row.outerLimitWorkingDays }),
              },
          petition.isConfidential
            ? {
                key: text(lang, 'rowConfidential'),
                value: (
                  <>
                    {text(lang, 'confidentialYes')}{' '}
                    <a class="govuk-link" href={localePath(lang, petitionPaths.identity(row.caseNumber))}>
                      {text(lang, 'identityLink')}
                    </a>
                  </>
                ),
              }
            : null,
          petition.declineGround === null
            ? null
            : {
                key: text(lang, 'rowDecline'),
                value: text(lang, `ground_${petition.declineGround as 'no_content'}`),
              },
        ]}
      />
      <pre class="govuk-body" lang={replyLang}>
        {row.description}
      </pre>
      <LinkParagraph href={localePath(lang, `/staff/cases/${row.caseNumber}`)}>
        {text(lang, 'casePageLink')}
      </LinkParagraph>
      {props.letter === null ? null : (
        <div id="reply-letter">
          {props.letter.hasEmail ? null : (
            <div class="govuk-inset-text">
              {text(lang, petition.isConfidential ? 'letterNoEmailConfidential' : 'letterNoEmail')}
            </div>
          )}
          <LinkParagraph href={localePath(lang, petitionPaths.letter(row.caseNumber))}>
            {text(lang, 'letterLink')}
          </LinkParagraph>
        </div>
      )}
      <Repeats lang={lang} repeats={page.repeats} />
      {mayAnswer ? (
        <section aria-labelledby="answer-heading">
          <h2 class="govuk-heading-m" id="answer-heading">
            {text(lang, 'answerTitle')}
          </h2>
          <p class="govuk-body">
            {text(lang, 'answerLead', {
              approval: text(lang, row.needsAnswerApproval ? 'answerApprovalNote' : 'answerNoApprovalNote'),
            })}
          </p>
          <PostForm
            action={`${localePath(lang, petitionPaths.staffPetition(row.caseNumber))}/answer`}
            csrfToken={props.csrfToken}
            submit={text(lang, row.needsAnswerApproval ? 'answerSubmit' : 'answerResolve')}
          >
            <input type="hidden" name="version" value={version} />
            <TextArea
              {...answer('answer')}
              value={answer('answer').value || props.drafts.answer}
              rows={12}
              valueLang={replyLang}
            />
          </PostForm>
        </section>
      ) : null}
      {isOpen && !['answer_pending', 'resolved', 'awaiting_supplement'].includes(row.state) ? (
        <>
          <section aria-labelledby="decline-heading">
            <h2 class="govuk-heading-m" id="decline-heading">
              {text(lang, 'declineTitle')}
            </h2>
            <p class="govuk-body">{text(lang, 'declineLead')}</p>
            <PostForm
              action={`${localePath(lang, petitionPaths.staffPetition(row.caseNumber))}/decline`}
              csrfToken={props.csrfToken}
              submit={text(lang, 'decline')}
              isWarning
            >
              <input type="hidden" name="version" value={version} />
              <Radios
                lang={lang}
                name="ground"
                legend={text(lang, 'groundLabel')}
                choices={declineGrounds.map((ground) => ({
                  value: ground,
                  label: text(lang, `ground_${ground}`),
                }))}
                value={
                  valuesFor('decline').ground ?? (props.drafts.citedNumber === '' ? '' : 'repeat_answered')
                }
                problems={props.problems}
              />
              <TextInput
                {...decline('cited')}
                value={decline('cited').value || props.drafts.citedNumber}
                hint={text(lang, 'citedHint')}
                isOptional
              />
              <TextArea
                {...decline('reply')}
                value={decline('reply').value || props.drafts.repeat_answered || props.drafts.no_content}
                rows={10}
                valueLang={replyLang}
              />
            </PostForm>
          </section>
          <section aria-labelledby="transfer-heading">
            <h2 class="govuk-heading-m" id="transfer-heading">
              {text(lang, 'transferTitle')}
            </h2>
            <p class="govuk-body">{text(lang, 'transferLead')}</p>
            <PostForm
              action={`${localePath(lang, petitionPaths.staffPetition(row.caseNumber))}/transfer`}
              csrfToken={props.csrfToken}
              submit={text(lang, 'transfer')}
              isSecondary
            >
              <input type="hidden" name="version" value={version} />
              <TextInput {...transfer('agency')} />
              <TextArea
                {...transfer('letter')}
                value={transfer('letter').value || props.drafts.transfer}
                rows={8}
                valueLang={replyLang}
              />
            </PostForm>
          </section>
        </>
      ) : null}
    </FormPage>
  );
}

export function IdentityPage(props: {
  lang: Lang;
  caseNumber: string;
  identity: { name: string; email: string | null; phone: string | null; address: string | null };
}) {
  const { lang, identity } = props;
  return (
    <FormPage
      lang={lang}
      problems={FormProblems.none}
      title={text(lang, 'identityTitle', { caseNumber: props.caseNumber })}
      lead={text(lang, 'identityLead')}
    >
      <SummaryList
        rows={[
          { key: text(lang, 'nameLabel'), value: identity.name },
          { key: text(lang, 'emailLabel'), value: identity.email ?? '—' },
          { key: text(lang, 'phoneLabel'), value: identity.phone ?? '—' },
          { key: text(lang, 'addressLabel'), value: identity.address ?? '—' },
        ]}
      />
    </FormPage>
  );
}

/** The letter asked for before the petition has a reply. */
export function NoReplyLetterPage({ lang, caseNumber }: { lang: Lang; caseNumber: string }) {
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'letterTitle', { caseNumber })}</h1>
      <p class="govuk-body">{text(lang, 'letterNone', { caseNumber })}</p>
      <LinkParagraph href={localePath(lang, petitionPaths.staffPetition(caseNumber))}>
        {text(lang, 'letterBack')}
      </LinkParagraph>
    </>
  );
}

/**
 * The reply letter (函), A4 by the print rules (`.ow-report`): in the petitioner's language, whatever the staff
 * page's; the way back and the print hint stay on screen.
 */
export function ReplyLetterPage({ lang, letter }: { lang: Lang; letter: ReplyLetter }) {
  const words = (key: Parameters<typeof text>[1]) => text(letter.lang, key);
  const addressee = letter.addressee ?? words('letterConfidentialAddressee');
  const address =
    letter.addressee === null
      ? words('letterConfidentialAddressee')
      : (letter.address ?? words('letterNoAddress'));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <div class="ow-report__actions">
          {letter.hasEmail ? null : (
            <div class="govuk-inset-text" id="letter-no-email">
              {text(lang, letter.addressee === null ? 'letterNoEmailConfidential' : 'letterNoEmail')}
            </div>
          )}
          <p class="govuk-body">{text(lang, 'letterPrintHint')}</p>
        </div>
        <article
          class="ow-report"
          aria-labelledby="letter-title"
          id="letter"
          lang={letter.lang === 'en' ? 'en' : 'zh-Hant-TW'}
          data-letter-kind={letter.kind}
        >
          <h1 class="govuk-heading-l" id="letter-title">
            {letter.bureau} {words('letterHeading')}
          </h1>
          <SummaryList
            rows={[
              { key: words('letterAddressee'), value: addressee },
              { key: words('letterAddress'), value: address },
              { key: words('letterDate'), value: letter.date },
              { key: words('letterReference'), value: letter.caseNumber },
            ]}
          />
          <h2 class="govuk-heading-m">{words('letterSubject')}</h2>
          <p class="govuk-body">{letter.subjectLine}</p>
          <h2 class="govuk-heading-m">{words('letterBody')}</h2>
          {letter.paragraphs.map((paragraph, index) => (
            <p key={index} class="govuk-body ow-letter__paragraph">
              {paragraph}
            </p>
          ))}
          {letter.unit === null ? null : (
            <SummaryList
              rows={[
                {
                  key: words('letterUnit'),
                  value:
                    letter.lang === 'en'
                      ? `${letter.unit.name} (${letter.unit.address})`
                      : `${letter.unit.name}（${letter.unit.address}）`,
                },
                { key: words('letterPhone'), value: letter.unit.phone },
              ]}
            />
          )}
        </article>
        <div class="ow-report__actions">
          <LinkParagraph href={localePath(lang, petitionPaths.staffPetition(letter.caseNumber))}>
            {text(lang, 'letterBack')}
          </LinkParagraph>
        </div>
      </div>
    </div>
  );
}

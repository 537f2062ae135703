import {
  FileInput,
  SingleCheckbox,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { supplementInputName } from '../deficiency-rules.ts';
import type { DeficiencyItem } from '../deficiency-schema.ts';

/**
 * One form for the whole supplement (issue 11 §2): for each listed item, online an upload (a document), a
 * corrected answer (a field) or a reply (another item); at the counter a tick "brought in" per item, with
 * optional scans and answers. Every item must be answered in the one submission.
 */

export interface SupplementPageView {
  lang: Lang;
  mode: 'online' | 'counter';
  title: string;
  lead: string;
  /** The multipart action (no token in it: `PostForm` sends the token as the first field, ADR 0004). */
  action: string;
  csrfToken: string;
  items: readonly DeficiencyItem[];
  /** A field's current answer, by field id. */
  currentAnswers: Readonly<Record<string, string>>;
  supplementByText: string;
  values: Readonly<Record<string, string>>;
  problems: FormProblems;
  /** Hidden fields: the version, and online the case number and lookup code. */
  hidden: Readonly<Record<string, string>>;
  backHref: string;
  backText: string;
  /** Online, the applicant's own copy of the notice: its A4 page and .odt addresses. */
  copies?: { printHref: string; odtHref: string };
}

function ItemInputs({ view, item }: { view: SupplementPageView; item: DeficiencyItem }) {
  const { lang } = view;
  const label = lang === 'en' ? item.labelEn : item.labelZh;
  const isCounter = view.mode === 'counter';
  const common = { lang, problems: view.problems };
  return (
    <div class="govuk-!-margin-bottom-6" data-item={item.key}>
      <h2 class="govuk-heading-s">{label}</h2>
      <p class="govuk-inset-text">{item.note}</p>
      {isCounter ? (
        <SingleCheckbox
          {...common}
          name={supplementInputName('brought', item.key)}
          label={text(lang, 'broughtInLabel', { item: label })}
          value="yes"
          isChecked={view.values[supplementInputName('brought', item.key)] === 'yes'}
        />
      ) : null}
      {item.kind === 'checklist' ? (
        <FileInput
          {...common}
          name={supplementInputName('file', item.key)}
          label={text(lang, isCounter ? 'counterFileLabel' : 'fileLabel', { item: label })}
          hint={text(lang, 'fileHint')}
          isOptional={isCounter}
          isMultiple
        />
      ) : null}
      {item.kind === 'field' ? (
        <TextInput
          {...common}
          name={supplementInputName('answer', item.key)}
          label={text(lang, isCounter ? 'counterAnswerLabel' : 'answerLabel', { item: label })}
          hint={text(lang, 'currentAnswer', {
            answer: view.currentAnswers[item.refId ?? ''] ?? text(lang, 'noAnswer'),
          })}
          isOptional={isCounter}
          value={view.values[supplementInputName('answer', item.key)] ?? ''}
        />
      ) : null}
      {item.kind === 'other' && !isCounter ? (
        <TextArea
          {...common}
          name={supplementInputName('reply', item.key)}
          label={text(lang, 'replyLabel', { item: label })}
          value={view.values[supplementInputName('reply', item.key)] ?? ''}
          rows={3}
        />
      ) : null}
    </div>
  );
}

export function SupplementPage(view: SupplementPageView) {
  const { lang } = view;
  return (
    <FormPage lang={lang} problems={view.problems} title={view.title} lead={view.lead}>
      <p class="govuk-body">
        {text(lang, 'supplementBy')}
        {lang === 'en' ? ': ' : '：'}
        <strong data-supplement-by>{view.supplementByText}</strong>
      </p>
      {view.copies === undefined ? null : (
        <ul class="govuk-list" id="notice-copies">
          <li>
            <a class="govuk-link" href={view.copies.printHref}>
              {text(lang, 'applicantPrintLink')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={view.copies.odtHref} download>
              {text(lang, 'odtLink')}
            </a>
          </li>
        </ul>
      )}
      <PostForm
        action={view.action}
        csrfToken={view.csrfToken}
        submit={text(lang, view.mode === 'counter' ? 'counterButton' : 'supplementButton')}
        isUpload
        preventsDoubleClick
      >
        {Object.entries(view.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {view.items.map((item) => (
          <ItemInputs key={item.key} view={view} item={item} />
        ))}
      </PostForm>
      <LinkParagraph href={view.backHref}>{view.backText}</LinkParagraph>
    </FormPage>
  );
}

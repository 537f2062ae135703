import { formatByteSize } from '../../../platform/uploads/multipart.ts';
import { ChoiceQuestion } from '../../../platform/web/components/choice-question.tsx';
import { Button, FileInput, TextArea, TextInput } from '../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../platform/web/components/form-page.tsx';
import { inputIdOf } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type FormField, formFieldWords } from '../../catalogue/index.ts';
import { descriptionWords } from '../application-forms.ts';
import { answerInput, fileInput } from '../application-input.ts';
import type { UploadItem } from '../application-rules.ts';
import { applicationText as text } from '../applications-messages.ts';
import { StepPage, type StepView } from './apply-contact-pages.tsx';

/** One of the service's questions, as its type asks it (a place is typed as an address). */
function Question(props: {
  lang: Lang;
  field: FormField;
  values: Readonly<Record<string, string>>;
  view: StepView;
}) {
  const { lang, field, view } = props;
  const words = formFieldWords(field, lang);
  const name = field.type === 'location' ? 'address' : answerInput(field.id);
  const common = {
    lang,
    name,
    problems: view.problems,
    isOptional: !field.isRequired,
    value: props.values[name] ?? '',
  };
  if (field.type === 'choice')
    return (
      <ChoiceQuestion
        {...common}
        label={words.label}
        hint={words.hint}
        choices={words.choices}
        blank={text(lang, 'choiceBlank')}
      />
    );
  if (field.type === 'location')
    return (
      <TextInput
        {...common}
        label={words.label}
        hint={words.hint ?? text(lang, 'addressHint')}
        autocomplete="street-address"
      />
    );
  if (field.type === 'date')
    return (
      <TextInput
        {...common}
        label={words.label}
        hint={words.hint ?? text(lang, 'dateHint')}
        widthClass="govuk-input--width-10"
      />
    );
  if (field.type === 'number')
    return (
      <TextInput
        {...common}
        label={words.label}
        hint={words.hint}
        inputMode="decimal"
        widthClass="govuk-input--width-10"
      />
    );
  return <TextInput {...common} label={words.label} hint={words.hint} />;
}

/** (c) A page of the service's questions; the last also asks the description (a petition's content). */
export function AnswersPage(props: {
  view: StepView;
  title: string;
  fields: readonly FormField[];
  values: Readonly<Record<string, string>>;
  description: { kind: string } | null;
}) {
  const { view } = props;
  const { lang } = view;
  const description = props.description === null ? null : descriptionWords(props.description.kind);
  return (
    <StepPage view={view} title={props.title}>
      <PostForm action={view.action} csrfToken={view.csrfToken} submit={text(lang, 'continue')}>
        {props.fields.map((field) => (
          <Question key={field.id} lang={lang} field={field} values={props.values} view={view} />
        ))}
        {description === null ? null : (
          <TextArea
            lang={lang}
            name="description"
            label={description.label[lang]}
            hint={description.hint[lang]}
            value={props.values.description ?? ''}
            problems={view.problems}
            isOptional={props.description?.kind !== 'petition'}
            rows={5}
          />
        )}
      </PostForm>
    </StepPage>
  );
}

export interface UploadedDocument {
  id: string;
  itemId: string;
  fileName: string;
  sizeBytes: number;
}

/** (d) One file input per document asked for; an uploaded one is named, with a button that removes it. */
export function DocumentsPage(props: {
  view: StepView;
  items: readonly UploadItem[];
  uploaded: readonly UploadedDocument[];
  maxFileBytes: number;
}) {
  const { view } = props;
  const { lang } = view;
  const pick = (zh: string | undefined, en: string | undefined) => (lang === 'en' ? en : zh);
  return (
    <StepPage view={view} title={text(lang, 'documentsTitle')}>
      <p class="govuk-body">{text(lang, 'documentsLead', { size: formatByteSize(props.maxFileBytes) })}</p>
      <PostForm action={view.action} csrfToken={view.csrfToken} submit={text(lang, 'continue')} isUpload>
        {props.items.map((item) => {
          const file = props.uploaded.find((candidate) => candidate.itemId === item.id);
          const explanation = pick(item.hintZh, item.hintEn);
          const hint =
            file === undefined
              ? explanation
              : [explanation, text(lang, 'documentsReplaceHint', { name: file.fileName })]
                  .filter((part) => part !== undefined && part !== '')
                  .join(' ');
          return (
            <div key={item.id} class="ow-apply-document" data-item={item.id}>
              <FileInput
                lang={lang}
                name={fileInput(item.id)}
                label={pick(item.labelZh, item.labelEn)}
                labelClass="govuk-label--s"
                hint={hint}
                isOptional={!item.isRequired}
                problems={view.problems}
                accept=".pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,.tif,.tiff,.odt,.ods,.docx,.xlsx"
              />
              {file === undefined ? null : (
                <div class="govuk-inset-text" id={`${inputIdOf(fileInput(item.id))}-uploaded`}>
                  <p class="govuk-body">
                    {text(lang, 'documentsUploaded', {
                      name: file.fileName,
                      size: formatByteSize(file.sizeBytes),
                    })}
                  </p>
                  <Button name="remove" value={file.id} isSecondary>
                    {text(lang, 'documentsRemove', { name: file.fileName })}
                  </Button>
                </div>
              )}
            </div>
          );
        })}
      </PostForm>
    </StepPage>
  );
}

import type { RenderedMessage } from '../../../platform/notify/template-kit.ts';
import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import { textControls } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { htmlLang, type Lang, languages, localePath } from '../../../platform/web/i18n.ts';
import { type NotificationTextKey, notificationText } from '../notifications-messages.ts';
import { notificationPaths } from '../notifications-paths.ts';
import { templateEditorForm } from '../template-editor-form.ts';
import { fieldNameOf, smsPartsOf, type TemplateVariable, templateFields } from '../template-text.ts';
import type { TemplateVersion } from '../template-versions.ts';
import { MessageText } from './message-text.tsx';

export type TemplateEditorValues = Record<
  | 'subjectZh'
  | 'textZh'
  | 'smsZh'
  | 'subjectEn'
  | 'textEn'
  | 'smsEn'
  | 'note'
  | 'previewCase'
  | 'baseVersion',
  string
>;

export interface TemplatePreview {
  /** 「案號 1150302-0042（申請人 王○明）」, or null: the sample. */
  source: string | null;
  messages: Record<Lang, RenderedMessage>;
}

export interface TemplateEditorPageProps {
  lang: Lang;
  csrfToken: string;
  topic: string;
  purpose: string;
  audience: 'applicant' | 'staff';
  current: TemplateVersion | null;
  versions: TemplateVersion[];
  variables: TemplateVariable[];
  builtIn: Record<Lang, RenderedMessage>;
  values: TemplateEditorValues;
  /** The texts were made from the built-in wording (never edited, or back to it). */
  isFromBuiltIn: boolean;
  problems: FormProblems;
  preview: TemplatePreview | null;
  successMessage: string | null;
  conflict: string | null;
}

const kindKeys: Record<TemplateVariable['kind'], NotificationTextKey> = {
  date: 'variableKindDate',
  lines: 'variableKindLines',
  number: 'variableKindNumber',
  text: 'variableKindText',
  fixed: 'variableKindFixed',
};

const fieldKeys = { subject: 'fieldSubject', text: 'fieldText', sms: 'fieldSms' } as const;

/** /staff/notification-templates/:topic: one topic's wording, its preview, variables and versions. */
export function TemplateEditorPage(props: TemplateEditorPageProps) {
  const { lang } = props;
  const text = (key: NotificationTextKey, values?: Record<string, string | number>) =>
    notificationText(lang, key, values);
  const control = textControls(templateEditorForm, { lang, values: props.values, problems: props.problems });
  const action = localePath(lang, notificationPaths.templateEditor(props.topic));
  const restore = localePath(lang, notificationPaths.templateRestore(props.topic));
  const baseVersion = String(props.current?.version ?? 0);
  const current = props.current;
  return (
    <div data-topic={props.topic}>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.successMessage} />
      {props.conflict === null ? null : (
        <Banner lang={lang} kind="important">
          <p class="govuk-notification-banner__heading" data-conflict>
            {props.conflict}
          </p>
        </Banner>
      )}
      <span class="govuk-caption-l">{text('editorTitle')}</span>
      <h1 class="govuk-heading-l">{props.purpose}</h1>
      <p class="govuk-body-s">
        {text('templateTopicLabel')}: <code>{props.topic}</code> ·{' '}
        {props.audience === 'staff' ? text('templateAudienceStaff') : text('templateAudienceApplicant')}
      </p>
      <p class="govuk-body" data-current-version={current?.version ?? 0}>
        {current === null
          ? text('editorCurrentBuiltIn')
          : text(current.texts === null ? 'editorCurrentBuiltInAgain' : 'editorCurrentVersion', {
              version: current.version,
              who: current.createdBy,
              when: formatPageDateTime(lang, current.createdAt),
            })}
      </p>
      <p class="govuk-body">{text('editorLead')}</p>
      {props.isFromBuiltIn ? <p class="govuk-inset-text">{text('editorStartsFromBuiltIn')}</p> : null}

      {props.preview === null ? null : (
        <section id="preview" data-preview>
          <h2 class="govuk-heading-m">{text('previewHeading')}</h2>
          <p class="govuk-body" data-preview-source>
            {props.preview.source === null
              ? text('previewFromSample')
              : text('previewFromCase', { source: props.preview.source })}
          </p>
          <MessagesView lang={lang} messages={props.preview.messages} showSmsLength />
        </section>
      )}

      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="baseVersion" value={props.values.baseVersion || baseVersion} />
        {languages.map((messageLang) => (
          <fieldset key={messageLang} class="govuk-fieldset" lang={htmlLang(messageLang)}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
              {messageLang === 'en' ? text('languageEn') : text('languageZh')}
            </legend>
            {templateFields.map((field) => {
              const name = fieldNameOf(messageLang, field) as keyof TemplateEditorValues & 'subjectZh';
              return field === 'subject' ? (
                <TextInput key={field} {...control(name)} />
              ) : (
                <TextArea key={field} {...control(name)} rows={field === 'text' ? 16 : 4} />
              );
            })}
          </fieldset>
        ))}
        <TextInput {...control('note')} isOptional />
        <TextInput
          {...control('previewCase')}
          isOptional
          hint={text('fieldPreviewCaseHint')}
          widthClass="govuk-input--width-20"
        />
        <div class="govuk-button-group">
          <Button name="intent" value="preview" isSecondary>
            {text('buttonPreview')}
          </Button>
          <Button name="intent" value="save" preventsDoubleClick>
            {text('buttonSave')}
          </Button>
        </div>
      </form>

      <h2 class="govuk-heading-m">{text('variablesHeading')}</h2>
      <p class="govuk-body">{text('variablesIntro')}</p>
      <table class="govuk-table" data-variables>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {text('variableColumnName')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text('variableColumnGives')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text('variableColumnSample')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.variables.map((variable) => (
            <tr key={variable.name} class="govuk-table__row" data-variable={variable.name}>
              <td class="govuk-table__cell">
                <code>{`{{${variable.name}}}`}</code>
                {variable.isRequired ? (
                  <strong class="govuk-tag govuk-tag--blue" data-required>
                    {text('variableRequired')}
                  </strong>
                ) : null}
              </td>
              <td class="govuk-table__cell">{text(kindKeys[variable.kind])}</td>
              <td class="govuk-table__cell">
                <span lang={htmlLang('zh-TW')}>{variable.sample['zh-TW']}</span> /{' '}
                <span lang={htmlLang('en')}>{variable.sample.en}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{text('builtInHeading')}</span>
        </summary>
        <div class="govuk-details__text" data-built-in>
          <MessagesView lang={lang} messages={props.builtIn} showSmsLength={false} />
        </div>
      </details>

      <h2 class="govuk-heading-m">{text('historyHeading')}</h2>
      {props.versions.length === 0 ? (
        <p class="govuk-body">{text('historyEmpty')}</p>
      ) : (
        <table class="govuk-table" data-versions>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              {(
                [
                  'historyColumnVersion',
                  'historyColumnWhen',
                  'historyColumnWho',
                  'historyColumnWording',
                  'historyColumnNote',
                ] as const
              ).map((key) => (
                <th key={key} scope="col" class="govuk-table__header">
                  {text(key)}
                </th>
              ))}
              <td class="govuk-table__header" />
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.versions.map((version) => (
              <tr key={version.version} class="govuk-table__row" data-version={version.version}>
                <td class="govuk-table__cell">{version.version}</td>
                <td class="govuk-table__cell">{formatPageDateTime(lang, version.createdAt)}</td>
                <td class="govuk-table__cell">{version.createdBy}</td>
                <td class="govuk-table__cell">
                  {text(version.texts === null ? 'historyWordingBuiltIn' : 'historyWordingEdited')}
                </td>
                <td class="govuk-table__cell">{version.note}</td>
                <td class="govuk-table__cell">
                  {version.version === current?.version ? null : (
                    <form method="post" action={restore} novalidate>
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="version" value={String(version.version)} />
                      <input type="hidden" name="baseVersion" value={baseVersion} />
                      <Button isSecondary>{text('buttonRestore')}</Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current === null || current.texts === null ? null : (
        <form method="post" action={restore} novalidate data-built-in-form>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="version" value="built-in" />
          <input type="hidden" name="baseVersion" value={baseVersion} />
          <Button isWarning>{text('buttonBuiltIn')}</Button>
        </form>
      )}
    </div>
  );
}

function MessagesView(props: {
  lang: Lang;
  messages: Record<Lang, RenderedMessage>;
  showSmsLength: boolean;
}) {
  const text = (key: NotificationTextKey, values?: Record<string, string | number>) =>
    notificationText(props.lang, key, values);
  return (
    <>
      {languages.map((messageLang) => {
        const message = props.messages[messageLang];
        const languageName = messageLang === 'en' ? text('languageEn') : text('languageZh');
        return (
          <div key={messageLang} data-lang={messageLang}>
            <h3 class="govuk-heading-s">
              {languageName} · {text(fieldKeys.subject)}
            </h3>
            <p class="govuk-body" lang={htmlLang(messageLang)}>
              <strong data-subject>{message.subject}</strong>
            </p>
            <h3 class="govuk-heading-s">
              {languageName} · {text(fieldKeys.text)}
            </h3>
            <MessageText text={message.text} lang={htmlLang(messageLang)} data-body />
            <h3 class="govuk-heading-s">
              {languageName} · {text(fieldKeys.sms)}
            </h3>
            <MessageText text={message.sms} lang={htmlLang(messageLang)} data-sms />
            {props.showSmsLength ? (
              <p class="govuk-body-s" data-sms-length>
                {text('previewSmsLength', {
                  length: [...message.sms].length,
                  parts: smsPartsOf(message.sms),
                })}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

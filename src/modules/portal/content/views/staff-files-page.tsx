import { hasReadableText } from '../../../../platform/documents/text-extraction.ts';
import {
  FileInput,
  Radios,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { type AttachmentValues, attachmentForm } from '../content-form.ts';
import type { AttachmentRow, ItemRow } from '../content-records.ts';

/** The staff preview of a file and its removal (paths of this page only). */
export const staffFilePaths = {
  file: (number: number, attachmentId: string) => `/staff/content/${number}/files/${attachmentId}`,
  remove: (number: number, attachmentId: string) => `/staff/content/${number}/files/${attachmentId}/remove`,
  change: (number: number, attachmentId: string) => `/staff/content/${number}/files/${attachmentId}/change`,
} as const;

/** Whether the file's text was read: how much, none (an image), or that it could not be read. */
export function textStatusOf(lang: Lang, file: Pick<AttachmentRow, 'mediaType' | 'extractedText'>): string {
  if (!hasReadableText(file.mediaType)) return text(lang, 'textNone');
  if (file.extractedText === '') return text(lang, 'textUnreadable');
  return text(lang, 'textRead', { count: [...file.extractedText].length });
}

/** `/staff/content/:number/files`: the working version's files, each removable, and a form to add one. */
export function StaffFilesPage(props: {
  lang: Lang;
  csrfToken: string;
  item: ItemRow;
  /** Where an added or removed file goes (a new version once one is approved or returned). */
  target: { version: number; isNew: boolean };
  attachments: readonly AttachmentRow[];
  values: AttachmentValues;
  problems: FormProblems;
  notice: string | null;
}) {
  const { lang, item, values, problems } = props;
  const target = props.target;
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'filesTitle', { number: item.number })}
      lead={text(lang, 'filesLead')}
      notice={<SuccessBanner lang={lang} message={props.notice} />}
    >
      {target.isNew ? (
        <p class="govuk-inset-text">{text(lang, 'filesNewVersionLead', { version: target.version })}</p>
      ) : null}
      {props.attachments.length === 0 ? (
        <p class="govuk-body" id="no-files">
          {text(lang, 'noFiles')}
        </p>
      ) : (
        <table class="govuk-table" id="files">
          <TableHead
            columns={[
              text(lang, 'colFile'),
              text(lang, 'colRole'),
              text(lang, 'colOrder'),
              text(lang, 'colText'),
              '',
            ]}
          />
          <tbody class="govuk-table__body">
            {props.attachments.map((file) => (
              <tr class="govuk-table__row" key={file.id} data-attachment={file.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={localePath(lang, staffFilePaths.file(item.number, file.id))}>
                    {lang === 'en' && file.titleEn ? file.titleEn : file.titleZh}
                  </a>
                  <br />
                  <span class="govuk-body-s">{file.fileName}</span>
                </td>
                <td class="govuk-table__cell">
                  {text(lang, file.role === 'sample' ? 'role_sample' : 'role_file')}
                </td>
                <td class="govuk-table__cell">{file.sortOrder}</td>
                <td class="govuk-table__cell" data-text-status>
                  {textStatusOf(lang, file)}
                </td>
                <td class="govuk-table__cell">
                  <p class="govuk-body">
                    <a
                      class="govuk-link"
                      href={localePath(lang, staffFilePaths.change(item.number, file.id))}
                    >
                      {text(lang, 'changeFile')}
                      <span class="govuk-visually-hidden">
                        {' '}
                        {lang === 'en' && file.titleEn ? file.titleEn : file.titleZh}
                      </span>
                    </a>
                  </p>
                  <PostForm
                    action={localePath(lang, staffFilePaths.remove(item.number, file.id))}
                    csrfToken={props.csrfToken}
                    submit={text(lang, 'removeFileNamed', {
                      name: lang === 'en' && file.titleEn ? file.titleEn : file.titleZh,
                    })}
                    isWarning
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PostForm
        action={localePath(lang, contentStaffPaths.files(item.number))}
        csrfToken={props.csrfToken}
        submit={text(lang, 'uploadSubmit')}
        isUpload
        preventsDoubleClick
      >
        <FileInput
          lang={lang}
          name="file"
          label={text(lang, 'fileLabel')}
          problems={problems}
          accept=".pdf,.odt,.ods,.jpg,.jpeg,.png,.webp"
        />
        <AttachmentFields lang={lang} values={values} problems={problems} />
      </PostForm>
    </FormPage>
  );
}

/** The fields of the upload form but the file itself: a file's names, role and order. */
export function AttachmentFields(props: { lang: Lang; values: AttachmentValues; problems: FormProblems }) {
  const { lang, values, problems } = props;
  const control = textControls(attachmentForm, { lang, values, problems });
  return (
    <>
      <TextInput {...control('titleZh')} />
      <TextInput {...control('titleEn')} isOptional valueLang="en" />
      <Radios
        lang={lang}
        name="role"
        legend={attachmentForm.labels.role[lang]}
        choices={[
          { value: 'file', label: text(lang, 'role_file') },
          { value: 'sample', label: text(lang, 'role_sample') },
        ]}
        value={values.role}
        problems={problems}
        isInline
      />
      <TextInput
        {...control('sortOrder')}
        isOptional
        hint={text(lang, 'fileOrderHint')}
        inputMode="numeric"
        widthClass="govuk-input--width-4"
      />
    </>
  );
}

/** `/staff/content/:number/files/:id/change`: a file's names, role and order. */
export function StaffFileChangePage(props: {
  lang: Lang;
  csrfToken: string;
  item: ItemRow;
  file: AttachmentRow;
  values: AttachmentValues;
  problems: FormProblems;
}) {
  const { lang, item, file } = props;
  return (
    <FormPage
      lang={lang}
      problems={props.problems}
      title={text(lang, 'changeFileTitle', { name: file.fileName })}
    >
      <PostForm
        action={localePath(lang, staffFilePaths.change(item.number, file.id))}
        csrfToken={props.csrfToken}
        submit={text(lang, 'changeFileSubmit')}
      >
        <AttachmentFields lang={lang} values={props.values} problems={props.problems} />
      </PostForm>
    </FormPage>
  );
}

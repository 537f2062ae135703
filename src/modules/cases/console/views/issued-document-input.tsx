import { FileInput } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, translator } from '../../../../platform/web/i18n.ts';
import { issuedDocumentField } from '../resolve-paths.ts';

const text = translator({
  'zh-TW': {
    label: '核發的文件（許可證、函）',
    hint: '本項服務核發文件時請附上（PDF、圖片或 ODT、DOCX 等文件檔）。結案時隨結案通知寄給申請人，申請人也可在案件查詢頁下載。',
  },
  en: {
    label: 'Document issued (permit, letter)',
    hint: 'If this service issues a document, attach it (a PDF, an image or a document such as ODT or DOCX). It is sent with the closing notice, and the applicant can download it from the tracking page.',
  },
});

/** The resolve form's optional file: what the bureau issues with its decision (console/resolve-routes.tsx). */
export function IssuedDocumentInput(props: { lang: Lang; problems: FormProblems }) {
  return (
    <FileInput
      lang={props.lang}
      id={`resolve-${issuedDocumentField}`}
      name={issuedDocumentField}
      label={text(props.lang, 'label')}
      hint={text(props.lang, 'hint')}
      isOptional
      isMultiple
      problems={props.problems}
    />
  );
}

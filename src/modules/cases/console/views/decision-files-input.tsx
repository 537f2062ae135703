import { FileInput } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, translator } from '../../../../platform/web/i18n.ts';
import { issuedDocumentField, supplementFilesField } from '../resolve-paths.ts';

const text = translator({
  'zh-TW': {
    resolveLabel: '核發的文件（許可證、函）',
    resolveHint:
      '本項服務核發文件時請附上（PDF、圖片或 ODT、DOCX 等文件檔）。結案時隨結案通知寄給申請人，申請人也可在案件查詢頁下載。',
    supplementLabel: '申請人補正的文件',
    supplementHint:
      '臨櫃、郵寄或以電子郵件送來的文件，掃描或存檔後附上（PDF、圖片或 ODT、DOCX 等文件檔），可一次選多個檔案。檔案存於本案，申請人也可在案件查詢頁下載。',
  },
  en: {
    resolveLabel: 'Document issued (permit, letter)',
    resolveHint:
      'If this service issues a document, attach it (a PDF, an image or a document such as ODT or DOCX). It is sent with the closing notice, and the applicant can download it from the tracking page.',
    supplementLabel: 'Documents the applicant delivered',
    supplementHint:
      'What was brought to the counter, posted or e-mailed, scanned or saved (a PDF, an image or a document such as ODT or DOCX); you may choose several files. They are kept on the case, and the applicant can download them from the tracking page.',
  },
});

const fields = {
  resolve: { name: issuedDocumentField, label: 'resolveLabel', hint: 'resolveHint' },
  supplement_received: { name: supplementFilesField, label: 'supplementLabel', hint: 'supplementHint' },
} as const;

/**
 * The files of a decision taken with the multipart form (console/resolve-routes.tsx): on `resolve`, what
 * the bureau issues with its decision; on `supplement_received`, what the applicant delivered.
 */
export function DecisionFilesInput(props: {
  lang: Lang;
  event: keyof typeof fields;
  problems: FormProblems;
}) {
  const field = fields[props.event];
  return (
    <FileInput
      lang={props.lang}
      id={`${props.event}-${field.name}`}
      name={field.name}
      label={text(props.lang, field.label)}
      hint={text(props.lang, field.hint)}
      isOptional
      isMultiple
      problems={props.problems}
    />
  );
}

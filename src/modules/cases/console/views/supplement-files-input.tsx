import { FileInput } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, translator } from '../../../../platform/web/i18n.ts';
import { supplementFilesField } from '../resolve-paths.ts';

const text = translator({
  'zh-TW': {
    label: '申請人補正的文件',
    hint: '臨櫃、郵寄或以電子郵件送來的文件，掃描或存檔後附上（PDF、圖片或 ODT、DOCX 等文件檔），可一次選多個檔案。檔案存於本案，申請人也可在案件查詢頁下載。',
  },
  en: {
    label: 'Documents the applicant delivered',
    hint: 'What was brought to the counter, posted or e-mailed, scanned or saved (a PDF, an image or a document such as ODT or DOCX); you may choose several files. They are kept on the case, and the applicant can download them from the tracking page.',
  },
});

/** The supplement-received form's files: what the applicant delivered (console/resolve-routes.tsx). */
export function SupplementFilesInput(props: { lang: Lang; problems: FormProblems }) {
  return (
    <FileInput
      lang={props.lang}
      id={`supplement_received-${supplementFilesField}`}
      name={supplementFilesField}
      label={text(props.lang, 'label')}
      hint={text(props.lang, 'hint')}
      isOptional
      isMultiple
      problems={props.problems}
    />
  );
}

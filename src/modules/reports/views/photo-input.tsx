import { type ControlProps, FileInput } from '../../../platform/web/components/form-controls.tsx';

/**
 * The browser converts an iPhone's HEIC to JPEG when the input asks only for these (iOS does so itself);
 * the same list as platform/images' `photoInputAccept`, kept here so the pages need not load sharp.
 */
export const photoAccept = 'image/jpeg,image/png,image/webp';

/**
 * The photo picker of the report pages (the report form, the crew's "fixed", the reporter's "not fixed"):
 * several photos at once, of the kinds the app reads, under a label as large as the page's other sections.
 */
export function PhotoInput(props: Omit<ControlProps, 'labelClass'>) {
  return <FileInput {...props} labelClass="govuk-label--m" isMultiple accept={photoAccept} />;
}

import {
  Button,
  CsrfField,
  ErrorSummary,
  TextArea,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../platform/web/components/summary-list.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { crewText as text } from '../crew-messages.ts';
import { crewPaths } from '../crew-paths.ts';
import { PhotoInput } from './photo-input.tsx';

/**
 * Marking a report fixed, on a phone at the roadside: what and where it is, the reporter's photo to compare,
 * then the after-photos and the note. It says who will be told before the button (UX.md: an external
 * action shows what happens and to whom). Works without JavaScript (a plain multipart form).
 */

export interface CrewFixPageProps {
  lang: Lang;
  caseNumber: string;
  version: number;
  serviceName: string;
  place: string;
  description: string;
  /** The reporter's photos (thumbnails, staff route). */
  photoIds: readonly string[];
  /** People the "fixed" e-mail goes to. */
  recipientCount: number;
  /** The form's action (a multipart form; no token in it: the token is the form's first field). */
  action: string;
  csrfToken: string;
  resolution: string;
  problems: FormProblems;
  /** Set when the report cannot be marked fixed now (its state): no form, only this sentence. */
  notNow: string | null;
}

export function CrewFixPage(props: CrewFixPageProps) {
  const { lang, problems } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        <h1 class="govuk-heading-l">{text(lang, 'fixTitle', { caseNumber: props.caseNumber })}</h1>
        <dl class="govuk-summary-list">
          <SummaryRow label={text(lang, 'columnReport')}>{props.serviceName}</SummaryRow>
          <SummaryRow label={text(lang, 'columnWhere')}>{props.place}</SummaryRow>
          <SummaryRow label={text(lang, 'columnDescription')}>{props.description}</SummaryRow>
        </dl>
        {props.photoIds.length === 0 ? null : (
          <ul class="govuk-list">
            {props.photoIds.map((photoId, index) => (
              <li key={photoId} class="govuk-!-display-inline-block govuk-!-margin-right-2">
                <img
                  src={localePath(lang, crewPaths.staffPhoto(props.caseNumber, photoId, 'thumb'))}
                  alt={text(lang, 'photoRoleReport', { position: index + 1 })}
                  width={120}
                />
              </li>
            ))}
          </ul>
        )}
        {props.notNow !== null ? (
          <p class="govuk-body" id="fix-not-now">
            {props.notNow}
          </p>
        ) : (
          <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="version" value={String(props.version)} />
            <p class="govuk-body">{text(lang, 'fixIntro')}</p>
            <PhotoInput
              lang={lang}
              name="photos"
              label={text(lang, 'fixPhotosLabel')}
              hint={text(lang, 'fixPhotosHint')}
              problems={problems}
            />
            <TextArea
              lang={lang}
              name="resolution"
              label={text(lang, 'resolutionLabel')}
              labelClass="govuk-label--m"
              hint={text(lang, 'resolutionHint')}
              value={props.resolution}
              rows={4}
              problems={problems}
            />
            <p class="govuk-body" id="fix-tells">
              {props.recipientCount === 0
                ? text(lang, 'fixTellsNobody')
                : text(lang, 'fixTells', { count: props.recipientCount })}
            </p>
            <Button preventsDoubleClick>{text(lang, 'fixButton')}</Button>
          </form>
        )}
        <LinkParagraph href={localePath(lang, crewPaths.crew)}>{text(lang, 'backToCrew')}</LinkParagraph>
      </div>
    </div>
  );
}

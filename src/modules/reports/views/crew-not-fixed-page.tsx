import {
  Button,
  CsrfField,
  ErrorSummary,
  TextArea,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { crewText as text } from '../crew-messages.ts';
import { reportPaths } from '../report-paths.ts';
import { PhotoInput } from './photo-input.tsx';

/**
 * "Not fixed" for the reporter (from /track or the "fixed" e-mail): one question — what is still wrong —
 * and an optional photo; or, when it cannot be reopened, the reason in plain words and what to do instead;
 * or, once sent, that it is back with the crew.
 */

export type NotFixedPageState =
  | {
      kind: 'form';
      caseNumber: string;
      serviceName: string;
      /** Page dates: 民國115年3月3日 / 3 March 2026. */
      fixedOn: string;
      until: string;
      /** With the lookup code in its query (a multipart form); the CSRF token is the form's first field. */
      action: string;
      csrfToken: string;
      reason: string;
    }
  | { kind: 'refused'; message: string }
  /** The number and code were not right (the problems say why). */
  | { kind: 'access' }
  | { kind: 'done'; caseNumber: string };

export interface NotFixedPageProps {
  lang: Lang;
  state: NotFixedPageState;
  problems: FormProblems;
  /** The tracking page with the number and code filled in, when they are known to be right. */
  trackHref: string;
}

export function NotFixedPage(props: NotFixedPageProps) {
  const { lang, state, problems } = props;
  const title =
    state.kind === 'done'
      ? text(lang, 'notFixedDoneTitle')
      : state.kind === 'refused'
        ? text(lang, 'notFixedRefusedTitle')
        : text(lang, 'notFixedTitle');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        {state.kind === 'done' ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{title}</h1>
          </div>
        ) : (
          <h1 class="govuk-heading-l">{title}</h1>
        )}
        {state.kind === 'form' ? (
          <form method="post" action={state.action} enctype="multipart/form-data" novalidate>
            <CsrfField token={state.csrfToken} />
            <p class="govuk-body">
              {text(lang, 'notFixedIntro', {
                caseNumber: state.caseNumber,
                service: state.serviceName,
                fixedOn: state.fixedOn,
                until: state.until,
              })}
            </p>
            <TextArea
              lang={lang}
              name="reason"
              label={text(lang, 'notFixedReasonLabel')}
              labelClass="govuk-label--m"
              hint={text(lang, 'notFixedReasonHint')}
              value={state.reason}
              rows={5}
              problems={problems}
            />
            <PhotoInput
              lang={lang}
              name="photos"
              label={text(lang, 'notFixedPhotoLabel')}
              hint={text(lang, 'notFixedPhotoHint')}
              isOptional
              problems={problems}
            />
            <Button preventsDoubleClick>{text(lang, 'notFixedButton')}</Button>
          </form>
        ) : null}
        {state.kind === 'refused' ? (
          <>
            <p class="govuk-body" id="not-fixed-refused">
              {state.message}
            </p>
            <LinkParagraph href={localePath(lang, reportPaths.report)}>
              {text(lang, 'newReport')}
            </LinkParagraph>
          </>
        ) : null}
        {state.kind === 'done' ? (
          <p class="govuk-body">{text(lang, 'notFixedDone', { caseNumber: state.caseNumber })}</p>
        ) : null}
        <LinkParagraph href={props.trackHref}>
          {state.kind === 'done' || state.kind === 'form'
            ? text(lang, 'followCase', { caseNumber: state.caseNumber })
            : text(lang, 'trackPage')}
        </LinkParagraph>
      </div>
    </div>
  );
}

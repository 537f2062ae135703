import { Button, CsrfField, ErrorSummary } from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { sharedText as text } from './shared-messages.ts';

/**
 * Removing a piece of evidence, the same for a check's follow-up and a progress entry: the question page
 * (a plain form: works without JavaScript) and the link to it beside each file or link.
 */
export function EvidenceRemovalPage(props: {
  lang: Lang;
  /** The file's name or the link. */
  name: string;
  action: string;
  back: string;
  cancel: string;
  csrfToken: string;
  problems: FormProblems;
}) {
  const { lang } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'evidenceRemoveQuestion', { name: props.name })}</h1>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{text(lang, 'warning')}</span>
          {text(lang, 'evidenceRemoveWarning')}
        </strong>
      </div>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <div class="govuk-button-group">
          <Button isWarning>{text(lang, 'evidenceRemoveButton')}</Button>
          <a class="govuk-link" href={props.back}>
            {props.cancel}
          </a>
        </div>
      </form>
    </>
  );
}

/** The link beside an evidence item to its removal question (the item named for screen readers). */
export function EvidenceRemovalLink(props: { lang: Lang; href: string; name: string }) {
  return (
    <a class="govuk-link govuk-!-font-size-16" href={props.href}>
      {text(props.lang, 'evidenceRemoveLink')}
      <span class="govuk-visually-hidden"> {props.name}</span>
    </a>
  );
}

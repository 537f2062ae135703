import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { crewText as text } from '../crew-messages.ts';
import { crewPaths } from '../crew-paths.ts';
import type { ReportPhoto } from '../report-queries.ts';

/**
 * A report's photos for staff, each with its form to hide it from the public (a face, a number plate).
 * One form per photo: each reason input has its own id, so a refused one shows its problem in place.
 */

export interface CrewPhotosPageProps {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  photos: readonly ReportPhoto[];
  mayHide: boolean;
  /** The photo whose form was sent with a problem, and what was typed. */
  failed: { photoId: string; reason: string } | null;
  problems: FormProblems;
  done: string | null;
}

const roleKeys = { report: 'photoRoleReport', fix: 'photoRoleFix', not_fixed: 'photoRoleNotFixed' } as const;

/** The id of a photo's reason input (the error summary links there). */
export function hideReasonId(photoId: string): string {
  return `reason-${photoId}`;
}

export function CrewPhotosPage(props: CrewPhotosPageProps) {
  const { lang, caseNumber } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      {props.done === null ? null : (
        <Banner lang={lang} id="photos-done" kind="success">
          <p class="govuk-notification-banner__heading">{props.done}</p>
        </Banner>
      )}
      <h1 class="govuk-heading-l">{text(lang, 'photosTitle', { caseNumber })}</h1>
      <p class="govuk-body">{text(lang, 'photosIntro')}</p>
      {props.photos.length === 0 ? <p class="govuk-body">{text(lang, 'photosNone')}</p> : null}
      <ul class="govuk-list" id="report-photos">
        {props.photos.map((photo) => {
          const name = text(lang, roleKeys[photo.role as keyof typeof roleKeys] ?? 'photoRoleReport', {
            position: photo.position,
          });
          const isFailed = props.failed?.photoId === photo.id;
          return (
            <li key={photo.id} class="govuk-!-margin-bottom-8" data-photo-id={photo.id}>
              <h2 class="govuk-heading-s govuk-!-margin-bottom-2">{name}</h2>
              <p class="govuk-body">
                <a href={localePath(lang, crewPaths.staffPhoto(caseNumber, photo.id, 'public'))}>
                  <img
                    src={localePath(lang, crewPaths.staffPhoto(caseNumber, photo.id, 'thumb'))}
                    alt={name}
                    width={240}
                  />
                </a>
              </p>
              <p class="govuk-body">
                {photo.hiddenAt === null ? (
                  <strong class="govuk-tag govuk-tag--green">{text(lang, 'photoPublicTag')}</strong>
                ) : (
                  <>
                    <strong class="govuk-tag govuk-tag--red" data-hidden="true">
                      {text(lang, 'photoHiddenTag')}
                    </strong>{' '}
                    {text(lang, 'photoHiddenBecause', {
                      date: formatPageDateTime(lang, photo.hiddenAt),
                      reason: photo.hiddenReason ?? '',
                    })}
                  </>
                )}
              </p>
              <LinkParagraph href={localePath(lang, crewPaths.staffPhoto(caseNumber, photo.id, 'original'))}>
                {text(lang, 'openOriginal')}
                <span class="govuk-visually-hidden"> {name}</span>
              </LinkParagraph>
              {photo.hiddenAt !== null || !props.mayHide ? null : (
                <form
                  method="post"
                  action={localePath(lang, crewPaths.hidePhoto(caseNumber, photo.id))}
                  novalidate
                >
                  <CsrfField token={props.csrfToken} />
                  <TextInput
                    lang={lang}
                    name="reason"
                    id={hideReasonId(photo.id)}
                    label={text(lang, 'hideReasonLabelFor', { photo: name })}
                    hint={text(lang, 'hideReasonHint')}
                    value={isFailed ? (props.failed?.reason ?? '') : ''}
                    problems={isFailed ? props.problems : undefined}
                  />
                  <Button isWarning>
                    {text(lang, 'hideButton')}
                    <span class="govuk-visually-hidden"> {name}</span>
                  </Button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <LinkParagraph href={localePath(lang, crewPaths.crew)}>{text(lang, 'backToCrew')}</LinkParagraph>
    </>
  );
}

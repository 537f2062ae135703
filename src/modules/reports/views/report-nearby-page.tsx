import {
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import {
  answerInputName,
  carriedPhotosInput,
  decisionInput,
  followInput,
  type ReportFormValues,
} from '../report-form.ts';
import { reportFormText as text } from '../report-form-messages.ts';

/** One open report near the point, as the duplicate step shows it: never who sent it or what they wrote. */
export interface NearbyItem {
  caseNumber: string;
  state: string;
  distanceMetres: number;
  receivedAt: Date;
  /** The thumbnail of its first public photo, or null. */
  thumbnailUrl: string | null;
  /** Its public page, when it is on the public map. */
  publicUrl: string | null;
}

export interface ReportNearbyView {
  lang: Lang;
  categoryName: string;
  radiusMetres: number;
  nearby: readonly NearbyItem[];
  /** The report as sent: carried in hidden fields (its e-mail is the visible input of "follow"). */
  values: ReportFormValues;
  /** The photos already uploaded, as the signed token (report-carry.ts). */
  carriedPhotos: string;
  /** The report chosen to follow (when the page comes back with a problem). */
  chosen: string;
  problems: FormProblems;
  action: string;
  csrfToken: string;
}

/** Everything of the report but its e-mail, for the second post (the photos as their signed token). */
function CarriedReport({ view }: { view: ReportNearbyView }) {
  const { values } = view;
  const hidden: [string, string][] = [
    ['serviceCode', values.serviceCode],
    ['latitude', values.latitude],
    ['longitude', values.longitude],
    ['address', values.address],
    ['districtCode', values.districtCode],
    ['description', values.description],
    ['applicantName', values.applicantName],
    ['applicantPhone', values.applicantPhone],
    ['showName', values.showName],
    [carriedPhotosInput, view.carriedPhotos],
    ...Object.entries(values.answers[values.serviceCode] ?? {}).map(([fieldId, answer]): [string, string] => [
      answerInputName(values.serviceCode, fieldId),
      answer,
    ]),
  ];
  return (
    <>
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function NearbyCard({ lang, item }: { lang: Lang; item: NearbyItem }) {
  return (
    <li class="ow-nearby">
      {item.thumbnailUrl === null ? (
        <div class="ow-nearby__photo ow-nearby__photo--none">{text(lang, 'noPhoto')}</div>
      ) : (
        <img
          class="ow-nearby__photo"
          src={item.thumbnailUrl}
          alt={text(lang, 'photoAlt', { caseNumber: item.caseNumber })}
          width="160"
          height="120"
          loading="lazy"
        />
      )}
      <dl class="govuk-summary-list govuk-summary-list--no-border ow-nearby__facts">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'caseNumberLabel')}</dt>
          <dd class="govuk-summary-list__value">{item.caseNumber}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'stateLabel')}</dt>
          <dd class="govuk-summary-list__value">{item.state}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'distanceLabel')}</dt>
          <dd class="govuk-summary-list__value">
            {text(lang, 'distance', { metres: Math.max(1, Math.round(item.distanceMetres)) })}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'reportedLabel')}</dt>
          <dd class="govuk-summary-list__value">{formatPageDateTime(lang, item.receivedAt)}</dd>
        </div>
      </dl>
      {item.publicUrl === null ? null : (
        <p class="govuk-body">
          <a class="govuk-link" href={item.publicUrl}>
            {text(lang, 'seeReport', { caseNumber: item.caseNumber })}
          </a>
        </p>
      )}
    </li>
  );
}

/**
 * The nearby-duplicate step (no JavaScript needed): the open reports of the same category near the point,
 * then one form with two ways on — follow one of them (an e-mail address is needed for that), or send
 * this report after all. The form carries the whole report, so either button works from here.
 */
export function ReportNearbyPage(view: ReportNearbyView) {
  const { lang, nearby, problems } = view;
  const only = nearby.length === 1 ? nearby[0] : undefined;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        <h1 class="govuk-heading-l">{text(lang, 'nearbyTitle')}</h1>
        <p class="govuk-body">
          {text(lang, 'nearbyLead', {
            count: nearby.length,
            radius: view.radiusMetres,
            category: view.categoryName,
          })}
        </p>
        <ul class="govuk-list ow-nearby-list" aria-label={text(lang, 'nearbyListLabel')}>
          {nearby.map((item) => (
            <NearbyCard key={item.caseNumber} lang={lang} item={item} />
          ))}
        </ul>
        <form method="post" action={view.action} enctype="multipart/form-data" novalidate>
          <CsrfField token={view.csrfToken} />
          <CarriedReport view={view} />
          <h2 class="govuk-heading-m">{text(lang, 'followHeading')}</h2>
          {only === undefined ? (
            <Radios
              lang={lang}
              name={followInput}
              legend={text(lang, 'chooseLegend')}
              value={view.chosen}
              choices={nearby.map((item) => ({
                value: item.caseNumber,
                label: text(lang, 'chooseItem', { caseNumber: item.caseNumber }),
                hint: `${item.state}${lang === 'en' ? ', ' : '，'}${text(lang, 'distance', { metres: Math.max(1, Math.round(item.distanceMetres)) })}`,
              }))}
              problems={problems}
            />
          ) : (
            <input type="hidden" name={followInput} value={only.caseNumber} />
          )}
          <TextInput
            lang={lang}
            name="applicantEmail"
            type="email"
            label={text(lang, 'followEmailLabel')}
            hint={text(lang, 'followEmailHint')}
            value={view.values.applicantEmail}
            autocomplete="email"
            inputMode="email"
            problems={problems}
          />
          <Button name={decisionInput} value="follow">
            {text(lang, 'followButton')}
          </Button>
          <h2 class="govuk-heading-m">{text(lang, 'differentHeading')}</h2>
          <p class="govuk-body">{text(lang, 'differentLead')}</p>
          <Button name={decisionInput} value="different" isSecondary preventsDoubleClick>
            {text(lang, 'differentButton')}
          </Button>
        </form>
      </div>
    </div>
  );
}

import { SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../../platform/web/components/form-page.tsx';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatTaipeiDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentPaths, contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import type { ContentItemDetail } from '../content-service.ts';
import { byAt, ItemStates, kindNameOf, type UnitName, unitNameOf } from './staff-parts.tsx';

/** The table of an item's versions: who edited, submitted and reviewed each, when, and what they said. */
export function VersionsTable({ lang, detail }: { lang: Lang; detail: ContentItemDetail }) {
  const { item, staffNames } = detail;
  return (
    <table class="govuk-table" id="versions">
      <caption class="govuk-table__caption govuk-table__caption--m">{text(lang, 'versionsTitle')}</caption>
      <TableHead
        columns={(['colVersion', 'colEdited', 'colSubmitted', 'colReviewed', 'colChangeNote'] as const).map(
          (key) => text(lang, key),
        )}
      />
      <tbody class="govuk-table__body">
        {[...detail.versions].reverse().map((version) => (
          <tr class="govuk-table__row" key={version.version} data-version={version.version}>
            <td class="govuk-table__cell">
              <a
                class="govuk-link"
                href={localePath(lang, contentStaffPaths.version(item.number, version.version))}
              >
                {text(lang, 'viewVersion', { version: version.version })}
              </a>
            </td>
            <td class="govuk-table__cell">
              {byAt(lang, staffNames, version.editedByStaffId, version.editedAt)}
            </td>
            <td class="govuk-table__cell">
              {byAt(lang, staffNames, version.submittedByStaffId, version.submittedAt)}
            </td>
            <td class="govuk-table__cell">
              {byAt(lang, staffNames, version.reviewedByStaffId, version.reviewedAt)}
              {version.reviewDecision === null ? null : (
                <>
                  {' '}
                  <strong class="govuk-tag">
                    {text(
                      lang,
                      version.reviewDecision === 'approved' ? 'decision_approved' : 'decision_returned',
                    )}
                  </strong>
                  {version.reviewNote === '' ? null : <p class="govuk-body-s">{version.reviewNote}</p>}
                </>
              )}
            </td>
            <td class="govuk-table__cell">{version.changeNote}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 「資訊 12：中正路坑洞修補公告」: the item's number and its working version's title. */
export function itemTitleOf(lang: Lang, detail: ContentItemDetail): string {
  const current = detail.versions.find((version) => version.version === detail.item.currentVersion);
  const title = current ? (lang === 'en' && current.titleEn ? current.titleEn : current.titleZh) : '';
  return text(lang, 'itemTitle', { number: detail.item.number, title });
}

/** `/staff/content/:number`: the item's state and schedule, what may be done with it now, its versions. */
export function StaffItemPage(props: {
  lang: Lang;
  csrfToken: string;
  detail: ContentItemDetail;
  units: readonly UnitName[];
  now: Date;
  notice: string | null;
}) {
  const { lang, detail } = props;
  const { item } = detail;
  const title = itemTitleOf(lang, detail);
  const moment = (at: Date | null, none: string) => (at === null ? none : formatTaipeiDateTime(at));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <SuccessBanner lang={lang} message={props.notice} />
        <h1 class="govuk-heading-l">{title}</h1>
        <SummaryList
          rows={[
            {
              key: text(lang, 'itemStateLabel'),
              value: <ItemStates lang={lang} item={item} now={props.now} />,
              id: 'item-state',
            },
            { key: text(lang, 'kindLabel'), value: kindNameOf(item.kind, lang) },
            { key: text(lang, 'unitLabel'), value: unitNameOf(props.units, item.unitCode, lang) },
            {
              key: text(lang, 'foiKindsLabel'),
              value: item.foiKinds.join(lang === 'en' ? ', ' : '、') || '—',
            },
            {
              key: text(lang, 'currentVersionLabel'),
              value: String(item.currentVersion),
              id: 'current-version',
            },
            {
              key: text(lang, 'publishedVersionLabel'),
              value: item.publishedVersion === null ? text(lang, 'noneYet') : String(item.publishedVersion),
              id: 'published-version',
            },
            {
              key: text(lang, 'visibleFromLabel'),
              value: moment(item.visibleFrom, text(lang, 'noneYet')),
              id: 'visible-from',
            },
            {
              key: text(lang, 'visibleUntilLabel'),
              value: moment(item.visibleUntil, text(lang, 'noEnd')),
            },
          ]}
        />
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={localePath(lang, contentStaffPaths.edit(item.number))}>
              {text(lang, 'editLink')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={localePath(lang, contentStaffPaths.files(item.number))}>
              {text(lang, 'filesCount', { count: detail.attachments.length })}
            </a>
          </li>
          {item.state === 'in_review' ? (
            <li>
              <a class="govuk-link" href={localePath(lang, contentStaffPaths.review(item.number))}>
                {text(lang, 'reviewLink')}
              </a>
            </li>
          ) : null}
          {item.publishedVersion === null ? null : (
            <li>
              <a class="govuk-link" href={localePath(lang, contentPaths.item(item.number))}>
                {text(lang, 'publicPageLink')}
              </a>
            </li>
          )}
        </ul>
        {item.state === 'draft' ? (
          <>
            <h2 class="govuk-heading-m">{text(lang, 'submitTitle')}</h2>
            <p class="govuk-body">{text(lang, 'submitLead')}</p>
            <PostForm
              action={localePath(lang, contentStaffPaths.submit(item.number))}
              csrfToken={props.csrfToken}
              submit={text(lang, 'submitButton')}
            />
          </>
        ) : null}
        {item.publishedVersion !== null && item.state !== 'withdrawn' ? (
          <>
            <h2 class="govuk-heading-m">{text(lang, 'withdrawTitle')}</h2>
            <p class="govuk-body">{text(lang, 'withdrawLead')}</p>
            <PostForm
              action={localePath(lang, contentStaffPaths.withdraw(item.number))}
              csrfToken={props.csrfToken}
              submit={text(lang, 'withdrawButton')}
              isWarning
            />
          </>
        ) : null}
        <VersionsTable lang={lang} detail={detail} />
      </div>
    </div>
  );
}

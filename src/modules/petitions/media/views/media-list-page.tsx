import type { UnitsByCode } from '../../../../platform/reference/unit-names.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { type MediaTextKey, mediaText as text } from '../media-messages.ts';
import { mediaPaths } from '../media-paths.ts';
import { type MediaFilter, mediaFilters, mediaStateOf } from '../media-rules.ts';
import type { MediaItem } from '../media-service.ts';
import { factCheckText, publishedText, StateTag, toneName, unitName } from './media-parts.tsx';

export interface MediaListPageProps {
  lang: Lang;
  filter: MediaFilter;
  page: number;
  rows: readonly MediaItem[];
  hasNextPage: boolean;
  now: Date;
  /** The secretariat and admins record items (and see every one). */
  mayRecord: boolean;
  /** A unit's supervisor or handler: the unit whose items the list holds. */
  unitCode: string | null;
  /** The units as the table has them (units-now.ts). */
  units: UnitsByCode;
}

const filterKeys: Record<MediaFilter, MediaTextKey> = {
  open: 'filterOpen',
  overdue: 'filterOverdue',
  clarified: 'filterClarified',
  all: 'filterAll',
};

export function mediaListHref(lang: Lang, filter: MediaFilter, page = 1): string {
  const query = new URLSearchParams({ show: filter });
  if (page > 1) query.set('page', String(page));
  return `${localePath(lang, mediaPaths.list)}?${query.toString()}`;
}

/** The media log: the filters as links, the items of one page in a table, the pages. */
export function MediaListPage(props: MediaListPageProps) {
  const { lang, filter } = props;
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">
        {props.unitCode === null
          ? text(lang, 'listLeadAll')
          : text(lang, 'listLeadUnit', { unit: unitName(lang, props.unitCode, props.units) })}
      </p>
      {props.mayRecord ? (
        <LinkParagraph href={localePath(lang, mediaPaths.newItem)}>{text(lang, 'newItemLink')}</LinkParagraph>
      ) : null}
      <nav aria-label={text(lang, 'filterLabel')} class="govuk-!-margin-bottom-6" id="media-filters">
        <ul class="govuk-list govuk-!-margin-bottom-0">
          {mediaFilters.map((candidate) => (
            <li key={candidate} class="govuk-!-display-inline-block govuk-!-margin-right-4">
              <a
                class="govuk-link"
                href={mediaListHref(lang, candidate)}
                aria-current={candidate === filter ? 'page' : undefined}
                data-filter={candidate}
              >
                {text(lang, filterKeys[candidate])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.rows.length === 0 ? (
        <p class="govuk-body" id="media-none">
          {text(lang, 'noItems')}
        </p>
      ) : (
        <table class="govuk-table" id="media-items">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {text(lang, filterKeys[filter])}
          </caption>
          <TableHead
            columns={[
              text(lang, 'columnTitle'),
              text(lang, 'columnOutlet'),
              text(lang, 'columnPublished'),
              text(lang, 'columnTone'),
              text(lang, 'columnFactCheck'),
              text(lang, 'columnState'),
            ]}
          />
          <tbody class="govuk-table__body">
            {props.rows.map((item) => (
              <tr key={item.id} class="govuk-table__row" data-item={item.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={localePath(lang, mediaPaths.item(item.id))}>
                    {item.title}
                  </a>
                </td>
                <td class="govuk-table__cell">{item.outlet}</td>
                <td class="govuk-table__cell">{publishedText(lang, item.publishedOn)}</td>
                <td class="govuk-table__cell">{toneName(lang, item.tone)}</td>
                <td class="govuk-table__cell">{factCheckText(lang, item, props.units)}</td>
                <td class="govuk-table__cell">
                  <StateTag lang={lang} state={mediaStateOf(item, props.now)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'listPages')}
        page={props.page}
        hasNextPage={props.hasNextPage}
        href={(page) => mediaListHref(lang, filter, page)}
      />
    </>
  );
}

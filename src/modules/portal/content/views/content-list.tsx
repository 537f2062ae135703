import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { formatPageDate, taipeiIsoDate } from '../../../../platform/web/format-date.ts';
import { htmlLang, type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentPaths } from '../../shared/portal-paths.ts';
import { withPage } from '../content-browse-paths.ts';
import { contentKindSingular, isContentKind } from '../content-kinds.ts';
import { contentText as text } from '../content-messages.ts';
import type { ListedItem } from '../content-reading.ts';

/** An item's title in the page's language, and the `lang` to mark it with when it is Chinese on an English page. */
export function titleOf(lang: Lang, item: { titleZh: string; titleEn: string | null }) {
  if (lang === 'en' && item.titleEn !== null && item.titleEn.trim() !== '')
    return { words: item.titleEn, lang: undefined };
  return { words: item.titleZh, lang: lang === 'en' ? htmlLang('zh-TW') : undefined };
}

export function shownOnText(lang: Lang, moment: Date | null): string {
  return moment === null ? '' : formatPageDate(lang, taipeiIsoDate(moment));
}

export function DemoTag({ lang }: { lang: Lang }) {
  return <strong class="govuk-tag govuk-tag--grey">{text(lang, 'demoTag')}</strong>;
}

/** Items, newest first: the title as a link, the date, the type and the summary; pages below. */
export function ItemList(props: {
  lang: Lang;
  items: readonly ListedItem[];
  /** The list's heading id (its accessible name). */
  headingId: string;
  /** Bare path of the list (pages are `?page=n`); null: no pagination (a short list of the latest). */
  path: string | null;
  page?: number;
  hasNextPage?: boolean;
  showSummary?: boolean;
}) {
  const { lang, items } = props;
  if (items.length === 0) return <p class="govuk-body">{text(lang, 'emptyList')}</p>;
  return (
    <>
      <ul class="govuk-list ow-content-list" aria-labelledby={props.headingId}>
        {items.map((item) => {
          const title = titleOf(lang, item);
          const summary = lang === 'en' && title.lang === undefined ? (item.summaryEn ?? '') : item.summaryZh;
          return (
            <li key={item.number} class="govuk-!-margin-bottom-4" data-item-number={item.number}>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a
                  class="govuk-link"
                  href={localePath(lang, contentPaths.item(item.number))}
                  lang={title.lang}
                >
                  {title.words}
                </a>
              </h3>
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                {shownOnText(lang, item.visibleFrom)}
                {isContentKind(item.kind) ? ` · ${contentKindSingular[item.kind][lang]}` : ''}
                {item.isDemo ? (
                  <>
                    {' '}
                    <DemoTag lang={lang} />
                  </>
                ) : null}
              </p>
              {props.showSummary !== false && summary.trim() !== '' ? (
                <p class="govuk-body govuk-!-margin-bottom-0" lang={title.lang}>
                  {summary}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {props.path === null ? null : (
        <Pagination
          lang={lang}
          label={text(lang, 'paginationLabel')}
          page={props.page ?? 1}
          hasNextPage={props.hasNextPage ?? false}
          href={(page) => withPage(localePath(lang, props.path ?? ''), page)}
        />
      )}
    </>
  );
}

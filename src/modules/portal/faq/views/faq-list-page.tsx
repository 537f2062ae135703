import { fieldLimits } from '../../../../platform/web/components/field-limits.ts';
import { Button, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { faqPaths, searchPaths } from '../../shared/portal-paths.ts';
import { faqText as text } from '../faq-messages.ts';
import type { ListedEntry, NamedCode } from '../faq-queries.ts';
import type { FaqOrder } from '../faq-rules.ts';
import { QuestionText } from './faq-parts.tsx';

export interface FaqListPageProps {
  lang: Lang;
  entries: readonly ListedEntry[];
  units: readonly { code: string; nameZh: string; nameEn: string }[];
  unitCode: string | null;
  /** The theme classifications (主題分類) entries carry, and the one asked for. */
  themes: readonly NamedCode[];
  themeCode: string | null;
  order: FaqOrder;
  page: number;
  pageCount: number;
}

/** The list's address with its filters: the unit, the order and the page (defaults left out). */
export function faqListHref(
  lang: Lang,
  options: { unitCode: string | null; themeCode: string | null; order: FaqOrder; page?: number },
): string {
  const query = new URLSearchParams();
  if (options.unitCode !== null) query.set('unit', options.unitCode);
  if (options.themeCode !== null) query.set('theme', options.themeCode);
  if (options.order !== 'newest') query.set('order', options.order);
  if ((options.page ?? 1) > 1) query.set('page', String(options.page));
  const search = query.toString();
  return `${localePath(lang, faqPaths.list)}${search === '' ? '' : `?${search}`}`;
}

/** Entries one after another, cut into groups where the unit changes (the list is ordered by unit). */
function groupsOf(entries: readonly ListedEntry[]) {
  const groups: { unitCode: string; nameZh: string; nameEn: string; entries: ListedEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last?.unitCode === entry.unitCode) last.entries.push(entry);
    else
      groups.push({
        unitCode: entry.unitCode,
        nameZh: entry.unitNameZh,
        nameEn: entry.unitNameEn,
        entries: [entry],
      });
  }
  return groups;
}

/** `/faq`: the published entries by unit, newest or most useful first, a search box, pages. */
export function FaqListPage(props: FaqListPageProps) {
  const { lang, unitCode, themeCode, order } = props;
  const filters = { unitCode, themeCode };
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">{text(lang, 'listTitle')}</h1>
        <p class="govuk-body-l">{text(lang, 'listLead')}</p>
        <form method="get" action={localePath(lang, searchPaths.search)} id="faq-search">
          <input type="hidden" name="kind" value="faq" />
          <TextInput
            lang={lang}
            name="q"
            label={text(lang, 'searchLabel')}
            labelClass="govuk-label--s"
            value=""
            maxLength={fieldLimits.searchTerms}
            hint=""
          />
          <Button isSecondary>{text(lang, 'searchButton')}</Button>
        </form>
        <p class="govuk-body" id="faq-order">
          {text(lang, 'orderLabel')}{' '}
          {(['newest', 'useful'] as const).map((candidate, index) => (
            <>
              {index > 0 ? ' · ' : null}
              {candidate === order ? (
                <strong aria-current="true">
                  {text(lang, candidate === 'newest' ? 'orderNewest' : 'orderUseful')}
                </strong>
              ) : (
                <a class="govuk-link" href={faqListHref(lang, { ...filters, order: candidate })}>
                  {text(lang, candidate === 'newest' ? 'orderNewest' : 'orderUseful')}
                </a>
              )}
            </>
          ))}
        </p>
        {props.entries.length === 0 ? (
          <p class="govuk-body" id="faq-none">
            {text(lang, 'noEntries')}
          </p>
        ) : (
          groupsOf(props.entries).map((group) => (
            <section key={group.unitCode} data-unit={group.unitCode}>
              <h2 class="govuk-heading-m">{pick(group.nameZh, group.nameEn)}</h2>
              <ul class="govuk-list govuk-list--spaced">
                {group.entries.map((entry) => (
                  <li key={entry.number} data-faq={entry.number}>
                    <a class="govuk-link" href={localePath(lang, faqPaths.entry(entry.number))}>
                      <QuestionText lang={lang} entry={entry} />
                    </a>
                    {entry.isDemo ? (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--grey">{text(lang, 'demoTag')}</strong>
                      </>
                    ) : null}
                    {entry.usefulCount > 0 ? (
                      <span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                        {text(lang, 'usefulCount', { count: entry.usefulCount })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
        <Pagination
          lang={lang}
          label={text(lang, 'listPages')}
          page={props.page}
          pageCount={props.pageCount}
          href={(page) => faqListHref(lang, { ...filters, order, page })}
        />
      </div>
      {props.units.length > 1 || props.themes.length > 0 ? (
        <div class="govuk-grid-column-one-third">
          <nav aria-labelledby="faq-units-heading">
            <h2 class="govuk-heading-s" id="faq-units-heading">
              {text(lang, 'unitFilterLabel')}
            </h2>
            <ul class="govuk-list" id="faq-units">
              <li>
                {unitCode === null ? (
                  <strong aria-current="true">{text(lang, 'allUnits')}</strong>
                ) : (
                  <a class="govuk-link" href={faqListHref(lang, { unitCode: null, themeCode, order })}>
                    {text(lang, 'allUnits')}
                  </a>
                )}
              </li>
              {props.units.map((unit) => (
                <li key={unit.code}>
                  {unit.code === unitCode ? (
                    <strong aria-current="true">{pick(unit.nameZh, unit.nameEn)}</strong>
                  ) : (
                    <a class="govuk-link" href={faqListHref(lang, { unitCode: unit.code, themeCode, order })}>
                      {pick(unit.nameZh, unit.nameEn)}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {props.themes.length === 0 ? null : (
            <nav aria-labelledby="faq-themes-heading">
              <h2 class="govuk-heading-s" id="faq-themes-heading">
                {text(lang, 'themeFilterLabel')}
              </h2>
              <ul class="govuk-list" id="faq-themes">
                <li>
                  {themeCode === null ? (
                    <strong aria-current="true">{text(lang, 'allThemes')}</strong>
                  ) : (
                    <a class="govuk-link" href={faqListHref(lang, { unitCode, themeCode: null, order })}>
                      {text(lang, 'allThemes')}
                    </a>
                  )}
                </li>
                {props.themes.map((theme) => {
                  const name = lang === 'en' && theme.nameEn ? theme.nameEn : theme.nameZh;
                  return (
                    <li key={theme.code} data-theme={theme.code}>
                      {theme.code === themeCode ? (
                        <strong aria-current="true">{name}</strong>
                      ) : (
                        <a
                          class="govuk-link"
                          href={faqListHref(lang, { unitCode, themeCode: theme.code, order })}
                        >
                          {name}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
        </div>
      ) : null}
    </div>
  );
}

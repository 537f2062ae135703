import type { ComponentChildren } from 'preact';
import { englishMonthName } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentPaths } from '../../shared/portal-paths.ts';
import { contentBrowsePaths } from '../content-browse-paths.ts';
import {
  type ContentKind,
  contentKindNames,
  contentKinds,
  type OpenGovernmentKind,
  openGovernmentKindNames,
  openGovernmentKinds,
} from '../content-kinds.ts';
import { contentText as text } from '../content-messages.ts';
import type { ClassificationScheme, ListedItem, NamedCode } from '../content-reading.ts';
import { ItemList } from './content-list.tsx';

export const schemeTitleKey = { theme: 'schemeTheme', cake: 'schemeCake', service: 'schemeService' } as const;

const nameOf = (lang: Lang, named: { nameZh: string; nameEn: string | null }) =>
  lang === 'en' ? (named.nameEn ?? named.nameZh) : named.nameZh;

export function yearText(lang: Lang, year: number): string {
  return text(lang, 'yearName', { year, rocYear: year - 1911 });
}

export function monthText(lang: Lang, year: number, month: number): string {
  return text(lang, 'monthName', { year, month, monthName: lang === 'en' ? englishMonthName(month) : '' });
}

/** A list of links with counts: 「公告（9 則）」. */
function CountedLinks(props: {
  lang: Lang;
  labelledBy: string;
  links: readonly { key: string; href: string; label: string; count: number; current?: boolean }[];
}) {
  return (
    <ul class="govuk-list" aria-labelledby={props.labelledBy}>
      {props.links.map((link) => (
        <li key={link.key} data-key={link.key}>
          {link.current ? (
            <strong aria-current="page">
              {text(props.lang, 'codeItems', { name: link.label, count: link.count })}
            </strong>
          ) : (
            <a class="govuk-link" href={localePath(props.lang, link.href)}>
              {text(props.lang, 'codeItems', { name: link.label, count: link.count })}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

export function kindLinks(lang: Lang, counts: ReadonlyMap<string, number>) {
  return contentKinds.map((kind) => ({
    key: kind,
    href: contentPaths.byKind(kind),
    label: contentKindNames[kind][lang],
    count: counts.get(kind) ?? 0,
  }));
}

/** /info: what is new, the kinds, the ways to browse, the topics and the 政府資訊公開 zone. */
export function InfoHomePage(props: {
  lang: Lang;
  announcements: ListedItem[];
  news: ListedItem[];
  topics: ListedItem[];
  kindCounts: ReadonlyMap<string, number>;
}) {
  const { lang } = props;
  const latest = (
    kind: ContentKind,
    headingKey: 'latestAnnouncements' | 'latestNews',
    items: ListedItem[],
  ) => (
    <section aria-labelledby={`latest-${kind}`}>
      <h2 class="govuk-heading-m" id={`latest-${kind}`}>
        {text(lang, headingKey)}
      </h2>
      <ItemList lang={lang} items={items} headingId={`latest-${kind}`} path={null} showSummary={false} />
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, contentPaths.byKind(kind))}>
          {text(lang, 'allOfKind', { kind: contentKindNames[kind][lang] })}
        </a>
      </p>
    </section>
  );
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'homeTitle')}</h1>
      <p class="govuk-body-l">{text(lang, 'homeLead')}</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {latest('announcement', 'latestAnnouncements', props.announcements)}
          {latest('news', 'latestNews', props.news)}
          <section aria-labelledby="info-topics">
            <h2 class="govuk-heading-m" id="info-topics">
              {text(lang, 'topicsHeading')}
            </h2>
            <ItemList lang={lang} items={props.topics} headingId="info-topics" path={null} />
          </section>
        </div>
        <div class="govuk-grid-column-one-third">
          <nav aria-labelledby="info-kinds">
            <h2 class="govuk-heading-m" id="info-kinds">
              {text(lang, 'kindsHeading')}
            </h2>
            <CountedLinks lang={lang} labelledBy="info-kinds" links={kindLinks(lang, props.kindCounts)} />
          </nav>
          <nav aria-labelledby="info-ways">
            <h2 class="govuk-heading-m" id="info-ways">
              {text(lang, 'waysHeading')}
            </h2>
            <ul class="govuk-list" aria-labelledby="info-ways">
              <li>
                <a class="govuk-link" href={localePath(lang, contentPaths.browse)}>
                  {text(lang, 'browseTitle')}
                </a>
              </li>
              <li>
                <a class="govuk-link" href={localePath(lang, contentPaths.openGovernment)}>
                  {text(lang, 'openGovernmentTitle')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </>
  );
}

export interface BrowseIndexProps {
  lang: Lang;
  schemes: Record<ClassificationScheme, { tops: NamedCode[]; counts: ReadonlyMap<string, number> }>;
  units: readonly { code: string; nameZh: string; nameEn: string }[];
  unitCounts: ReadonlyMap<string, number>;
  kindCounts: ReadonlyMap<string, number>;
  yearCounts: ReadonlyMap<string, number>;
}

/** /info/browse: each scheme's top classes, the units, the kinds and the years, each with its count. */
export function BrowseIndexPage(props: BrowseIndexProps) {
  const { lang } = props;
  const section = (id: string, heading: string, children: ComponentChildren) => (
    <section aria-labelledby={id}>
      <h2 class="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {children}
    </section>
  );
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'browseTitle')}</h1>
      <p class="govuk-body-l">{text(lang, 'browseLead')}</p>
      <div class="govuk-grid-row">
        {(['theme', 'cake', 'service'] as const).map((scheme) => (
          <div key={scheme} class="govuk-grid-column-one-third">
            {section(
              `browse-${scheme}`,
              text(lang, schemeTitleKey[scheme]),
              <>
                {props.schemes[scheme].tops.length === 0 ? (
                  <p class="govuk-body">{text(lang, 'noClassifications')}</p>
                ) : (
                  <CountedLinks
                    lang={lang}
                    labelledBy={`browse-${scheme}`}
                    links={props.schemes[scheme].tops.map((code) => ({
                      key: code.code,
                      href: contentPaths.byClassification(scheme, code.code),
                      label: nameOf(lang, code),
                      count: props.schemes[scheme].counts.get(code.code) ?? 0,
                    }))}
                  />
                )}
                <p class="govuk-body">
                  <a class="govuk-link" href={localePath(lang, contentBrowsePaths.scheme(scheme))}>
                    {text(lang, 'browseAll', { scheme: text(lang, schemeTitleKey[scheme]) })}
                  </a>
                </p>
              </>,
            )}
          </div>
        ))}
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          {section(
            'browse-units',
            text(lang, 'byUnit'),
            <CountedLinks
              lang={lang}
              labelledBy="browse-units"
              links={props.units
                .filter((unit) => (props.unitCounts.get(unit.code) ?? 0) > 0)
                .map((unit) => ({
                  key: unit.code,
                  href: contentPaths.byUnit(unit.code),
                  label: lang === 'en' ? unit.nameEn : unit.nameZh,
                  count: props.unitCounts.get(unit.code) ?? 0,
                }))}
            />,
          )}
        </div>
        <div class="govuk-grid-column-one-third">
          {section(
            'browse-kinds',
            text(lang, 'byKind'),
            <CountedLinks lang={lang} labelledBy="browse-kinds" links={kindLinks(lang, props.kindCounts)} />,
          )}
        </div>
        <div class="govuk-grid-column-one-third">
          {section(
            'browse-years',
            text(lang, 'byYear'),
            <CountedLinks
              lang={lang}
              labelledBy="browse-years"
              links={[...props.yearCounts.entries()]
                .sort(([a], [b]) => Number(b) - Number(a))
                .map(([year, count]) => ({
                  key: year,
                  href: contentPaths.byYear(Number(year)),
                  label: yearText(lang, Number(year)),
                  count,
                }))}
            />,
          )}
        </div>
      </div>
    </>
  );
}

export interface TreeNode extends NamedCode {
  parentCode: string | null;
  /** Items carrying this code or one under it. */
  count: number;
}

/** A classification tree, nested lists with counts; `current` is shown as the page's own class. */
export function ClassificationTree(props: {
  lang: Lang;
  scheme: ClassificationScheme;
  nodes: readonly TreeNode[];
  rootCode: string | null;
  current?: string;
  labelledBy: string;
}) {
  const { lang, scheme, nodes } = props;
  const childrenOf = (code: string | null) => nodes.filter((node) => node.parentCode === code);
  const branch = (code: string | null, isTop: boolean): ComponentChildren => {
    const children = childrenOf(code);
    if (children.length === 0) return null;
    return (
      <ul
        class={isTop ? 'govuk-list' : 'govuk-list govuk-!-margin-left-4'}
        aria-labelledby={isTop ? props.labelledBy : undefined}
      >
        {children.map((node) => (
          <li key={node.code} data-code={node.code}>
            {node.code === props.current ? (
              <strong aria-current="page">
                {text(lang, 'codeItems', { name: nameOf(lang, node), count: node.count })}
              </strong>
            ) : (
              <a class="govuk-link" href={localePath(lang, contentPaths.byClassification(scheme, node.code))}>
                {text(lang, 'codeItems', { name: nameOf(lang, node), count: node.count })}
              </a>
            )}
            {branch(node.code, false)}
          </li>
        ))}
      </ul>
    );
  };
  return <>{branch(props.rootCode, true)}</>;
}

/**
 * A list page of browsing: its heading, a lead, what narrows it further (subclasses, months, unit
 * contacts) and the items, a page at a time.
 */
export function ContentListPage(props: {
  lang: Lang;
  title: string;
  caption?: string;
  lead?: string;
  /** Above the list: subclasses with counts, the months of a year, units' contacts … */
  narrower?: ComponentChildren;
  items: ListedItem[];
  path: string;
  page: number;
  hasNextPage: boolean;
}) {
  const { lang } = props;
  return (
    <>
      {props.caption ? <span class="govuk-caption-l">{props.caption}</span> : null}
      <h1 class="govuk-heading-l">{props.title}</h1>
      {props.lead ? <p class="govuk-body-l">{props.lead}</p> : null}
      {props.narrower}
      <h2 class="govuk-heading-m" id="content-list">
        {text(lang, 'listLabel')}
      </h2>
      <ItemList
        lang={lang}
        items={props.items}
        headingId="content-list"
        path={props.path}
        page={props.page}
        hasNextPage={props.hasNextPage}
      />
    </>
  );
}

/** The months of a year with their counts, for the archive page. */
export function MonthLinks(props: {
  lang: Lang;
  year: number;
  counts: ReadonlyMap<string, number>;
  current?: number;
}) {
  const { lang, year } = props;
  const months = [...props.counts.entries()].map(([month, count]) => [Number(month), count] as const);
  return (
    <nav aria-labelledby="archive-months">
      <h2 class="govuk-heading-m" id="archive-months">
        {yearText(lang, year)}
      </h2>
      <CountedLinks
        lang={lang}
        labelledBy="archive-months"
        links={months
          .sort(([a], [b]) => b - a)
          .map(([month, count]) => ({
            key: String(month),
            href: contentBrowsePaths.byMonth(year, month),
            label: monthText(lang, year, month),
            count,
            current: props.current === month,
          }))}
      />
    </nav>
  );
}

/** /info/open-government: §7's ten kinds, each with its count and its latest items. */
export function OpenGovernmentPage(props: {
  lang: Lang;
  counts: ReadonlyMap<string, number>;
  latest: Readonly<Record<OpenGovernmentKind, ListedItem[]>>;
}) {
  const { lang } = props;
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'openGovernmentTitle')}</h1>
      <p class="govuk-body-l">{text(lang, 'openGovernmentLead')}</p>
      <ol class="govuk-list govuk-list--number">
        {openGovernmentKinds.map((kind) => (
          <li key={kind} data-foi-kind={kind}>
            <h2 class="govuk-heading-s govuk-!-margin-bottom-1" id={`foi-${kind}`}>
              <a class="govuk-link" href={localePath(lang, contentPaths.openGovernmentKind(kind))}>
                {text(lang, 'codeItems', {
                  name: openGovernmentKindNames[kind][lang],
                  count: props.counts.get(kind) ?? 0,
                })}
              </a>
            </h2>
            <ItemList
              lang={lang}
              items={props.latest[kind]}
              headingId={`foi-${kind}`}
              path={null}
              showSummary={false}
            />
          </li>
        ))}
      </ol>
    </>
  );
}

export interface UnitContact {
  code: string;
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  phone: string;
  fax: string;
  email: string;
  serviceHoursZh: string;
  serviceHoursEn: string;
}

/** §7 kind 3: each active unit's address, telephone, fax and e-mail (from the units table). */
export function UnitContacts({ lang, units }: { lang: Lang; units: readonly UnitContact[] }) {
  return (
    <section aria-labelledby="unit-contacts">
      <h2 class="govuk-heading-m" id="unit-contacts">
        {text(lang, 'contactsHeading')}
      </h2>
      {units.map((unit) => (
        <div key={unit.code} data-unit={unit.code}>
          <h3 class="govuk-heading-s">{lang === 'en' ? unit.nameEn : unit.nameZh}</h3>
          <dl class="govuk-summary-list govuk-summary-list--no-border">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'unitAddress')}</dt>
              <dd class="govuk-summary-list__value">{lang === 'en' ? unit.addressEn : unit.addressZh}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'unitPhone')}</dt>
              <dd class="govuk-summary-list__value">{unit.phone}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'unitFax')}</dt>
              <dd class="govuk-summary-list__value">{unit.fax}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'unitEmail')}</dt>
              <dd class="govuk-summary-list__value">
                <a class="govuk-link" href={`mailto:${unit.email}`}>
                  {unit.email}
                </a>
              </dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'unitHours')}</dt>
              <dd class="govuk-summary-list__value">
                {lang === 'en' ? unit.serviceHoursEn : unit.serviceHoursZh}
              </dd>
            </div>
          </dl>
        </div>
      ))}
    </section>
  );
}

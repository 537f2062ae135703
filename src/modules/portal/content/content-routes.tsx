import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { sendStoredFile } from '../../../platform/uploads/download-headers.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { taipeiIsoDate } from '../../../platform/web/format-date.ts';
import { forEachLanguage, type Lang } from '../../../platform/web/i18n.ts';
import {
  type Breadcrumb,
  type PageOptions,
  pageContext,
  renderPage,
  sendPage,
} from '../../../platform/web/layout.tsx';
import { feedLinks } from '../feeds/feed-routes.ts';
import { contentPaths } from '../shared/portal-paths.ts';
import { contentBrowsePaths } from './content-browse-paths.ts';
import {
  contentKindNames,
  isContentKind,
  isOpenGovernmentKind,
  type OpenGovernmentKind,
  openGovernmentKindNames,
  openGovernmentKinds,
} from './content-kinds.ts';
import { contentText as text } from './content-messages.ts';
import { contentMetadataOf, languageOfVersion } from './content-metadata.ts';
import {
  type ClassificationScheme,
  classificationSchemes,
  classificationsOf,
  codeAndBelow,
  countByClassificationTree,
  countPublicItems,
  findPublicAttachment,
  findPublicItem,
  type ItemFilter,
  isClassificationScheme,
  type ListedItem,
  listPublicItems,
  listUnitsWithContacts,
  namesOfCodes,
} from './content-reading.ts';
import {
  BrowseIndexPage,
  ClassificationTree,
  ContentListPage,
  InfoHomePage,
  MonthLinks,
  monthText,
  OpenGovernmentPage,
  schemeTitleKey,
  type TreeNode,
  UnitContacts,
  yearText,
} from './views/content-browse-pages.tsx';
import { ContentItemPage } from './views/content-item-page.tsx';

/** Items on a page of a list. */
const pageSize = 20;

const PageQuery = Type.Object({ page: Type.Optional(Type.String({ maxLength: 10 })) });
const NumberParams = Type.Object({ number: Type.String({ maxLength: 20 }) });
const FileParams = Type.Object({
  number: Type.String({ maxLength: 20 }),
  id: Type.String({ maxLength: 60 }),
});
const SchemeParams = Type.Object({ scheme: Type.String({ maxLength: 20 }) });
const CodeParams = Type.Object({
  scheme: Type.String({ maxLength: 20 }),
  code: Type.String({ maxLength: 40 }),
});
const KindParams = Type.Object({ kind: Type.String({ maxLength: 40 }) });
const UnitParams = Type.Object({ unit: Type.String({ maxLength: 60 }) });
const YearParams = Type.Object({ year: Type.String({ maxLength: 6 }) });
const MonthParams = Type.Object({
  year: Type.String({ maxLength: 6 }),
  month: Type.String({ maxLength: 4 }),
});

function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^[0-9]{1,9}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/** The public content pages (issue 15 §1, §3, §7), in both languages. */
export async function contentRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const missing = (lang: Lang) => notFound(text(lang, 'notFound'));

  const crumbs = (lang: Lang, more: Breadcrumb[] = []): Breadcrumb[] => [
    { text: text(lang, 'homeTitle'), href: contentPaths.home },
    ...more,
  ];
  const browseCrumbs = (lang: Lang) =>
    crumbs(lang, [{ text: text(lang, 'browseTitle'), href: contentPaths.browse }]);

  /** Every information page names the news and announcement feeds (feed readers discover them). */
  function show(request: FastifyRequest, reply: FastifyReply, options: PageOptions) {
    return sendPage(reply, renderPage(pageContext(request), { feeds: feedLinks(request.lang), ...options }));
  }

  /** A browsing list page: the filtered items, a page at a time. */
  async function listPage(
    request: FastifyRequest<{ Querystring: { page?: string } }>,
    reply: FastifyReply,
    options: {
      lang: Lang;
      title: string;
      caption?: string;
      lead?: string;
      path: string;
      filter: ItemFilter;
      narrower?: ComponentChildren;
      breadcrumbs: Breadcrumb[];
    },
  ) {
    const page = pageNumberOf(request.query.page);
    const found = await listPublicItems(db, options.filter, deps.clock.now(), pageWindow(page, pageSize));
    return show(request, reply, {
      title: options.title,
      ...(options.lead ? { description: options.lead } : {}),
      breadcrumbs: options.breadcrumbs,
      body: (
        <ContentListPage
          lang={options.lang}
          title={options.title}
          {...(options.caption ? { caption: options.caption } : {})}
          {...(options.lead ? { lead: options.lead } : {})}
          narrower={options.narrower}
          items={found.rows}
          path={options.path}
          page={page}
          hasNextPage={found.hasNextPage}
        />
      ),
    });
  }

  const latest = async (filter: ItemFilter, count: number): Promise<ListedItem[]> =>
    (await listPublicItems(db, filter, deps.clock.now(), pageWindow(1, count))).rows;

  forEachLanguage(contentPaths.home, (url, lang) => {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      const now = deps.clock.now();
      return show(request, reply, {
        title: text(lang, 'homeTitle'),
        description: text(lang, 'homeLead'),
        body: (
          <InfoHomePage
            lang={lang}
            announcements={await latest({ kind: 'announcement' }, 5)}
            news={await latest({ kind: 'news' }, 5)}
            topics={await latest({ kind: 'topic' }, 10)}
            kindCounts={await countPublicItems(db, { by: 'kind' }, now)}
          />
        ),
      });
    });
  });

  forEachLanguage('/info/items/:number', (url, lang) => {
    app.get(url, { schema: { hide: true, params: NumberParams } }, async (request, reply) => {
      const number = wholeNumber(request.params.number, 1, 999_999_999);
      const now = deps.clock.now();
      const found = number === null ? null : await findPublicItem(db, number, now);
      if (found === null || number === null) throw missing(lang);
      const { item, version, unit } = found;
      const shownOn = item.visibleFrom === null ? taipeiIsoDate(now) : taipeiIsoDate(item.visibleFrom);
      const approvedOn = version.reviewedAt === null ? shownOn : taipeiIsoDate(version.reviewedAt);
      const updatedOn = [shownOn, approvedOn].toSorted().at(-1) ?? shownOn;
      const { metadata, repeated } = contentMetadataOf(
        lang,
        {
          number,
          kind: item.kind,
          shownOn,
          hiddenOn: item.visibleUntil === null ? null : taipeiIsoDate(item.visibleUntil),
          unitName: lang === 'en' ? unit.nameEn : unit.nameZh,
        },
        version,
      );
      const related =
        item.kind === 'topic'
          ? await latest(
              {
                related: {
                  themeCodes: version.themeCodes,
                  numbers: version.relations.flatMap((relation) => {
                    const match = /\/info\/items\/([0-9]{1,9})$/.exec(relation);
                    return match?.[1] ? [Number(match[1])] : [];
                  }),
                  exceptNumber: number,
                },
              },
              30,
            )
          : null;
      const codes = await namesOfCodes(db, {
        theme: version.themeCodes,
        cake: version.cakeCodes,
        service: version.serviceCodes,
      });
      const title =
        languageOfVersion(lang, version) === 'en' ? (version.titleEn ?? version.titleZh) : version.titleZh;
      return show(request, reply, {
        title,
        description: metadata.description ?? title,
        pageId: `info-${number}`,
        updatedAt: updatedOn,
        metadata,
        repeatedMetadata: repeated,
        breadcrumbs: crumbs(lang, [
          isContentKind(item.kind)
            ? { text: contentKindNames[item.kind][lang], href: contentPaths.byKind(item.kind) }
            : { text: text(lang, 'browseTitle'), href: contentPaths.browse },
        ]),
        body: (
          <ContentItemPage lang={lang} found={found} updatedOn={updatedOn} codes={codes} related={related} />
        ),
      });
    });
  });

  forEachLanguage('/info/items/:number/files/:id', (url, lang) => {
    app.get(url, { schema: { hide: true, params: FileParams } }, async (request, reply) => {
      const number = wholeNumber(request.params.number, 1, 999_999_999);
      const attachment =
        number === null || !isUuid(request.params.id)
          ? null
          : await findPublicAttachment(db, number, request.params.id, deps.clock.now());
      if (attachment === null) throw notFound(text(lang, 'fileNotFound'));
      return sendStoredFile(reply, deps.files, attachment);
    });
  });

  forEachLanguage(contentPaths.browse, (url, lang) => {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      const now = deps.clock.now();
      const schemes = {} as Record<
        ClassificationScheme,
        { tops: Awaited<ReturnType<typeof classificationsOf>>; counts: Map<string, number> }
      >;
      for (const scheme of classificationSchemes) {
        const classes = await classificationsOf(db, scheme);
        schemes[scheme] = {
          tops: classes.filter((entry) => entry.parentCode === null),
          counts: await countByClassificationTree(db, scheme, now),
        };
      }
      return show(request, reply, {
        title: text(lang, 'browseTitle'),
        description: text(lang, 'browseLead'),
        breadcrumbs: crumbs(lang),
        body: (
          <BrowseIndexPage
            lang={lang}
            schemes={schemes}
            units={await listUnitsWithContacts(db)}
            unitCounts={await countPublicItems(db, { by: 'unit' }, now)}
            kindCounts={await countPublicItems(db, { by: 'kind' }, now)}
            yearCounts={await countPublicItems(db, { by: 'year' }, now)}
          />
        ),
      });
    });
  });

  async function treeOf(scheme: ClassificationScheme) {
    const classes = await classificationsOf(db, scheme);
    const counts = await countByClassificationTree(db, scheme, deps.clock.now());
    const nodes: TreeNode[] = classes.map((entry) => ({ ...entry, count: counts.get(entry.code) ?? 0 }));
    return { classes, nodes };
  }

  forEachLanguage('/info/classifications/:scheme', (url, lang) => {
    app.get(url, { schema: { hide: true, params: SchemeParams } }, async (request, reply) => {
      const { scheme } = request.params;
      if (!isClassificationScheme(scheme)) throw missing(lang);
      const { nodes } = await treeOf(scheme);
      const title = text(lang, schemeTitleKey[scheme]);
      return show(request, reply, {
        title,
        breadcrumbs: browseCrumbs(lang),
        body: (
          <>
            <span class="govuk-caption-l">{text(lang, 'browseTitle')}</span>
            <h1 class="govuk-heading-l" id="scheme-tree">
              {title}
            </h1>
            <p class="govuk-body">{text(lang, 'schemeLead')}</p>
            {nodes.length === 0 ? (
              <p class="govuk-body">{text(lang, 'noClassifications')}</p>
            ) : (
              <ClassificationTree
                lang={lang}
                scheme={scheme}
                nodes={nodes}
                rootCode={null}
                labelledBy="scheme-tree"
              />
            )}
          </>
        ),
      });
    });
  });

  forEachLanguage('/info/classifications/:scheme/:code', (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: CodeParams, querystring: PageQuery } },
      async (request, reply) => {
        const { scheme, code } = request.params;
        if (!isClassificationScheme(scheme)) throw missing(lang);
        const { classes, nodes } = await treeOf(scheme);
        const here = classes.find((entry) => entry.code === code);
        if (here === undefined) throw missing(lang);
        const name = lang === 'en' ? (here.nameEn ?? here.nameZh) : here.nameZh;
        const hasChildren = classes.some((entry) => entry.parentCode === code);
        return listPage(request, reply, {
          lang,
          title: name,
          caption: text(lang, schemeTitleKey[scheme]),
          path: contentPaths.byClassification(scheme, code),
          filter: { classification: { scheme, codes: codeAndBelow(classes, code) } },
          breadcrumbs: [
            ...browseCrumbs(lang),
            { text: text(lang, schemeTitleKey[scheme]), href: contentBrowsePaths.scheme(scheme) },
          ],
          narrower: hasChildren ? (
            <nav aria-labelledby="narrower-classes">
              <h2 class="govuk-heading-m" id="narrower-classes">
                {text(lang, 'narrowerHeading')}
              </h2>
              <ClassificationTree
                lang={lang}
                scheme={scheme}
                nodes={nodes}
                rootCode={code}
                labelledBy="narrower-classes"
              />
            </nav>
          ) : null,
        });
      },
    );
  });

  forEachLanguage('/info/kinds/:kind', (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: KindParams, querystring: PageQuery } },
      async (request, reply) => {
        const { kind } = request.params;
        if (!isContentKind(kind)) throw missing(lang);
        return listPage(request, reply, {
          lang,
          title: contentKindNames[kind][lang],
          caption: text(lang, 'byKind'),
          path: contentPaths.byKind(kind),
          filter: { kind },
          breadcrumbs: browseCrumbs(lang),
        });
      },
    );
  });

  forEachLanguage('/info/units/:unit', (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: UnitParams, querystring: PageQuery } },
      async (request, reply) => {
        const unit = (await listUnitsWithContacts(db)).find((entry) => entry.code === request.params.unit);
        if (unit === undefined) throw missing(lang);
        return listPage(request, reply, {
          lang,
          title: lang === 'en' ? unit.nameEn : unit.nameZh,
          caption: text(lang, 'byUnit'),
          path: contentPaths.byUnit(unit.code),
          filter: { unitCode: unit.code },
          breadcrumbs: browseCrumbs(lang),
        });
      },
    );
  });

  forEachLanguage('/info/archive/:year', (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: YearParams, querystring: PageQuery } },
      async (request, reply) => {
        const year = wholeNumber(request.params.year, 1990, 2999);
        if (year === null) throw missing(lang);
        return listPage(request, reply, {
          lang,
          title: yearText(lang, year),
          caption: text(lang, 'byYear'),
          path: contentPaths.byYear(year),
          filter: { year },
          breadcrumbs: browseCrumbs(lang),
          narrower: (
            <MonthLinks
              lang={lang}
              year={year}
              counts={await countPublicItems(db, { by: 'month', year }, deps.clock.now())}
            />
          ),
        });
      },
    );
  });

  forEachLanguage('/info/archive/:year/:month', (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: MonthParams, querystring: PageQuery } },
      async (request, reply) => {
        const year = wholeNumber(request.params.year, 1990, 2999);
        const month = wholeNumber(request.params.month, 1, 12);
        if (year === null || month === null) throw missing(lang);
        return listPage(request, reply, {
          lang,
          title: monthText(lang, year, month),
          caption: text(lang, 'byYear'),
          path: contentBrowsePaths.byMonth(year, month),
          filter: { year, month },
          breadcrumbs: [
            ...browseCrumbs(lang),
            { text: yearText(lang, year), href: contentPaths.byYear(year) },
          ],
          narrower: (
            <MonthLinks
              lang={lang}
              year={year}
              current={month}
              counts={await countPublicItems(db, { by: 'month', year }, deps.clock.now())}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(contentPaths.openGovernment, (url, lang) => {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      const latestOf = {} as Record<OpenGovernmentKind, ListedItem[]>;
      for (const kind of openGovernmentKinds) latestOf[kind] = await latest({ foiKind: kind }, 3);
      return show(request, reply, {
        title: text(lang, 'openGovernmentTitle'),
        description: text(lang, 'openGovernmentLead'),
        breadcrumbs: crumbs(lang),
        body: (
          <OpenGovernmentPage
            lang={lang}
            counts={await countPublicItems(db, { by: 'foiKind' }, deps.clock.now())}
            latest={latestOf}
          />
        ),
      });
    });
  });

  forEachLanguage('/info/open-government/:kind', (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: KindParams, querystring: PageQuery } },
      async (request, reply) => {
        const { kind } = request.params;
        if (!isOpenGovernmentKind(kind)) throw missing(lang);
        // Kind 3 (organisation, address, telephone …) is also the units table itself.
        const units = kind === '3' ? (await listUnitsWithContacts(db)).filter((unit) => unit.isActive) : null;
        return listPage(request, reply, {
          lang,
          title: openGovernmentKindNames[kind][lang],
          caption: `${text(lang, 'openGovernmentTitle')} · ${text(lang, 'openGovernmentKindHeading', { kind })}`,
          path: contentPaths.openGovernmentKind(kind),
          filter: { foiKind: kind },
          breadcrumbs: crumbs(lang, [
            { text: text(lang, 'openGovernmentTitle'), href: contentPaths.openGovernment },
          ]),
          narrower: units === null ? null : <UnitContacts lang={lang} units={units} />,
        });
      },
    );
  });
}

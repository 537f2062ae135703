import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { htmlLang, type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentPaths } from '../../shared/portal-paths.ts';
import { contentKindSingular, isContentKind } from '../content-kinds.ts';
import { fileDetailsText, contentText as text } from '../content-messages.ts';
import { languageOfVersion } from '../content-metadata.ts';
import type { ClassificationScheme, ListedItem, NamedCode, PublicItem } from '../content-reading.ts';
import { DemoTag, ItemList, shownOnText } from './content-list.tsx';

export interface ItemPageProps {
  lang: Lang;
  found: PublicItem;
  /** YYYY-MM-DD: the day the published version was approved or shown, whichever is later. */
  updatedOn: string;
  codes: Record<ClassificationScheme, NamedCode[]>;
  /** A topic page's related items (null on other kinds). */
  related: ListedItem[] | null;
}

const schemeLabel = { theme: 'schemeTheme', cake: 'schemeCake', service: 'schemeService' } as const;

/** The item page: what it is, when and from whom, its words, its files, its classification. */
export function ContentItemPage({ lang, found, updatedOn, codes, related }: ItemPageProps) {
  const { item, version, unit, attachments } = found;
  const wordsIn = languageOfVersion(lang, version);
  // Chinese words on an English page are marked as such (screen readers, translation tools).
  const wordsLang = wordsIn !== lang ? htmlLang(wordsIn) : undefined;
  const inEnglish = wordsIn === 'en';
  const title = inEnglish ? (version.titleEn ?? version.titleZh) : version.titleZh;
  const summary = inEnglish ? (version.summaryEn ?? '') : version.summaryZh;
  const body = inEnglish ? (version.bodyEn ?? '') : version.bodyZh;
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const files = attachments.filter((file) => file.role === 'file');
  const samples = attachments.filter((file) => file.role === 'sample');
  const fileTitle = (file: (typeof attachments)[number]) =>
    lang === 'en' && file.titleEn
      ? { words: file.titleEn, lang: undefined }
      : { words: file.titleZh, lang: lang === 'en' ? htmlLang('zh-TW') : undefined };
  const unitName = lang === 'en' ? unit.nameEn : unit.nameZh;
  const singular = isContentKind(item.kind) ? contentKindSingular[item.kind][lang] : item.kind;
  // 「公告」 / "Announcement": a caption and a value start with a capital in English.
  const kindName = lang === 'en' ? `${singular.charAt(0).toUpperCase()}${singular.slice(1)}` : singular;
  const fileList = (list: typeof attachments, headingId: string) => (
    <ul class="govuk-list" aria-labelledby={headingId}>
      {list.map((file) => {
        const name = fileTitle(file);
        return (
          <li key={file.id} data-attachment-id={file.id}>
            <a
              class="govuk-link"
              href={localePath(lang, contentPaths.file(item.number, file.id))}
              lang={name.lang}
            >
              {name.words}
            </a>{' '}
            <span class="govuk-body-s">
              {lang === 'en'
                ? `(${fileDetailsText(lang, file.mediaType, file.sizeBytes)})`
                : `（${fileDetailsText(lang, file.mediaType, file.sizeBytes)}）`}
            </span>
          </li>
        );
      })}
    </ul>
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{kindName}</span>
        <h1 class="govuk-heading-l" lang={wordsLang}>
          {title}
        </h1>
        {item.isDemo ? (
          <div class="govuk-inset-text" data-demo="true">
            <DemoTag lang={lang} /> {text(lang, 'demoNotice')}
          </div>
        ) : null}
        {lang === 'en' && !inEnglish ? (
          <div class="govuk-inset-text" data-notice="chinese-only">
            {text('en', 'chineseOnly')}
          </div>
        ) : null}
        <dl class="govuk-summary-list govuk-summary-list--no-border">
          <SummaryRow label={text(lang, 'shownOn')}>{shownOnText(lang, item.visibleFrom)}</SummaryRow>
          <SummaryRow label={text(lang, 'updatedOn')}>{formatPageDate(lang, updatedOn)}</SummaryRow>
          <SummaryRow label={text(lang, 'unitLabel')}>
            <a class="govuk-link" href={localePath(lang, contentPaths.byUnit(unit.code))}>
              {unitName}
            </a>
          </SummaryRow>
          <SummaryRow label={text(lang, 'kindLabel')}>
            <a class="govuk-link" href={localePath(lang, contentPaths.byKind(item.kind))}>
              {kindName}
            </a>
          </SummaryRow>
          {version.coverageStart !== null ? (
            <SummaryRow label={text(lang, 'coverageLabel')}>
              {formatPageDate(lang, version.coverageStart)}
              {version.coverageEnd !== null && version.coverageEnd !== version.coverageStart
                ? ` – ${formatPageDate(lang, version.coverageEnd)}`
                : ''}
            </SummaryRow>
          ) : null}
        </dl>
        <div lang={wordsLang} data-content-words={wordsIn}>
          {summary.trim() !== '' ? <p class="govuk-body-l">{summary}</p> : null}
          {paragraphs.map((paragraph, index) => (
            <p key={index} class="govuk-body ow-content-paragraph">
              {paragraph}
            </p>
          ))}
        </div>
        {files.length > 0 ? (
          <section aria-labelledby="content-files">
            <h2 class="govuk-heading-m" id="content-files">
              {text(lang, 'filesHeading')}
            </h2>
            {fileList(files, 'content-files')}
          </section>
        ) : null}
        {samples.length > 0 ? (
          <section aria-labelledby="content-samples">
            <h2 class="govuk-heading-m" id="content-samples">
              {text(lang, 'samplesHeading')}
            </h2>
            {fileList(samples, 'content-samples')}
          </section>
        ) : null}
        {related !== null ? (
          <section aria-labelledby="content-related">
            <h2 class="govuk-heading-m" id="content-related">
              {text(lang, 'relatedHeading')}
            </h2>
            <ItemList
              lang={lang}
              items={related}
              headingId="content-related"
              path={null}
              showSummary={false}
            />
          </section>
        ) : null}
        <section aria-labelledby="content-classifications">
          <h2 class="govuk-heading-m" id="content-classifications">
            {text(lang, 'classificationsHeading')}
          </h2>
          <dl class="govuk-summary-list">
            {(['theme', 'cake', 'service'] as const).map((scheme) =>
              codes[scheme].length === 0 ? null : (
                <SummaryRow key={scheme} label={text(lang, schemeLabel[scheme])}>
                  <ul class="govuk-list govuk-!-margin-bottom-0">
                    {codes[scheme].map((code) => (
                      <li key={code.code} data-code={`${scheme}:${code.code}`}>
                        <a
                          class="govuk-link"
                          href={localePath(lang, contentPaths.byClassification(scheme, code.code))}
                        >
                          {lang === 'en' ? (code.nameEn ?? code.nameZh) : code.nameZh}
                        </a>
                      </li>
                    ))}
                  </ul>
                </SummaryRow>
              ),
            )}
          </dl>
        </section>
      </div>
    </div>
  );
}

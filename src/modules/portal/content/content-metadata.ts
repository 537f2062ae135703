import type { Lang } from '../../../platform/web/i18n.ts';
import {
  agencyCode,
  openEndedCoverage,
  type PageMetadata,
  type RepeatedMetadata,
} from '../../../platform/web/page-metadata.ts';
import { type ContentKind, contentKindSingular, isContentKind } from './content-kinds.ts';

/**
 * A content item's own government metadata (issue 15 §2): its 15 Dublin Core elements and its three schemes'
 * codes, from its published version, for the item page's meta tags. Repeatable elements (subject, creator,
 * contributor, source, relation and the classification codes) come back as lists, one tag each; what the
 * version leaves empty keeps the page defaults (platform/web/page-metadata.ts). A pure function of the item.
 */

export interface ItemFacts {
  number: number;
  kind: string;
  /** The day it shows (YYYY-MM-DD, Taipei): DC.Date and the default start of its coverage. */
  shownOn: string;
  /** The day it stops showing, if it has one: the default end of its coverage. */
  hiddenOn: string | null;
  /** The unit's name in the page's language: DC.Creator and DC.Contributor when the version names none. */
  unitName: string;
}

export interface VersionFacts {
  titleZh: string;
  titleEn: string | null;
  summaryZh: string;
  summaryEn: string | null;
  subjectsZh: readonly string[];
  subjectsEn: readonly string[];
  creators: readonly string[];
  contributors: readonly string[];
  sources: readonly string[];
  relations: readonly string[];
  rights: string | null;
  coverageStart: string | null;
  coverageEnd: string | null;
  themeCodes: readonly string[];
  cakeCodes: readonly string[];
  serviceCodes: readonly string[];
}

/** DC.Identifier of an item: the agency code and the item's number (`397030000H-info-12`). */
export function contentIdentifier(number: number): string {
  return `${agencyCode}-info-${number}`;
}

/** True when the version is shown in English on an English page (it has an English title). */
export function hasEnglish(version: Pick<VersionFacts, 'titleEn'>): boolean {
  return version.titleEn !== null && version.titleEn.trim() !== '';
}

/** The language the item's words are in on a page of `lang`: Chinese when it has no English version. */
export function languageOfVersion(lang: Lang, version: Pick<VersionFacts, 'titleEn'>): Lang {
  return lang === 'en' && hasEnglish(version) ? 'en' : 'zh-TW';
}

function typeOf(kind: string, lang: Lang): string {
  return isContentKind(kind) ? contentKindSingular[kind as ContentKind][lang] : kind;
}

export interface ContentMetadata {
  metadata: Partial<PageMetadata>;
  repeated: RepeatedMetadata;
}

export function contentMetadataOf(lang: Lang, item: ItemFacts, version: VersionFacts): ContentMetadata {
  const wordsIn = languageOfVersion(lang, version);
  const inEnglish = wordsIn === 'en';
  const title = inEnglish ? (version.titleEn ?? version.titleZh) : version.titleZh;
  const summary = inEnglish ? (version.summaryEn ?? '') : version.summaryZh;
  const subjects = inEnglish && version.subjectsEn.length > 0 ? version.subjectsEn : version.subjectsZh;
  return {
    metadata: {
      title,
      description: summary.trim() === '' ? title : summary,
      subject: subjects[0] ?? title,
      creator: item.unitName,
      contributor: item.unitName,
      type: typeOf(item.kind, lang),
      format: 'text/html',
      language: wordsIn,
      coverageStart: version.coverageStart ?? item.shownOn,
      coverageEnd: version.coverageEnd ?? item.hiddenOn ?? openEndedCoverage,
      date: item.shownOn,
      identifier: contentIdentifier(item.number),
      ...(version.rights !== null && version.rights.trim() !== '' ? { rights: version.rights } : {}),
    },
    repeated: {
      subject: subjects,
      creator: version.creators,
      contributor: version.contributors,
      source: version.sources,
      relation: version.relations,
      theme: version.themeCodes,
      cake: version.cakeCodes,
      service: version.serviceCodes,
    },
  };
}

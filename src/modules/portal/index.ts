/**
 * The information portal (issue 15): the bureau's published content with its metadata (content/), the FAQ
 * (faq/), search over everything public (search/), and feeds, the sitemap and open data (feeds/). Each
 * capability brings its part of the manifest; the exports below are the module's public surface.
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { joinParts } from '../../platform/composition/module-part.ts';
import { contentEditorPart } from './content/content-editor-part.ts';
import { contentPart } from './content/content-part.ts';
import { faqPart } from './faq/faq-part.ts';
import { feedsPart } from './feeds/feeds-part.ts';
import { searchPart } from './search/search-part.ts';

export const portalModule: AppModule = joinParts('portal', [
  contentPart,
  contentEditorPart,
  faqPart,
  searchPart,
  feedsPart,
]);

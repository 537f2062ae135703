import { type Lang, localePath } from '../i18n.ts';
import type { OtherPublicPage, SitePage } from '../site-pages.ts';

/** A page of the site as a list item: its title as a link, its summary below (site map, search results). */
export function SitePageListItem({ page, lang }: { page: SitePage | OtherPublicPage; lang: Lang }) {
  return (
    <li>
      <a class="govuk-link" href={localePath(lang, page.path)}>
        {page.title[lang]}
      </a>
      <br />
      <span class="govuk-body-s">{page.summary[lang]}</span>
    </li>
  );
}

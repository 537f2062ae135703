import { staffPaths } from '../auth/auth-paths.ts';
import { BUREAU } from '../reference/units.ts';
import { BureauContacts } from './contact-details.tsx';
import { formatPageDate } from './format-date.ts';
import { localePath } from './i18n.ts';
import type { PageContext } from './layout.tsx';
import { shellText } from './shell-messages.ts';
import { sitePages } from './site-pages.ts';

/** The link to the issuer of the 無障礙標章 (TAIWAN.md); the badge itself is shown only once granted. */
export const accessibilityInspectionUrl = 'https://accessibility.moda.gov.tw/';

/**
 * The government-site footer (TAIWAN.md): the Alt+Z access key, address, phone, fax, office hours, 更新日期,
 * the policy links and the accessibility inspection. We do not show a 無障礙標章 image before one is granted.
 */
export function PageFooter({ context, updatedAt }: { context: PageContext; updatedAt: string }) {
  const { lang } = context;
  const footerPages = sitePages.filter((page) => page.isInFooter);
  return (
    <footer class="govuk-footer ow-footer">
      <div class="govuk-width-container">
        <a href="#Z" id="Z" accesskey="Z" title={shellText(lang, 'accessKeyFooter')} class="ow-accesskey">
          :::
        </a>
        <h2 class="govuk-visually-hidden">{shellText(lang, 'footerHeading')}</h2>
        <p class="ow-footer__bureau">{lang === 'en' ? BUREAU.nameEn : BUREAU.nameZh}</p>
        <BureauContacts lang={lang} />
        <nav class="ow-footer__links" aria-label={shellText(lang, 'footerPoliciesLabel')}>
          <ul class="govuk-footer__inline-list">
            {footerPages.map((page) => (
              <li key={page.id} class="govuk-footer__inline-list-item">
                <a class="govuk-footer__link" href={localePath(lang, page.path)}>
                  {page.title[lang]}
                </a>
              </li>
            ))}
            {context.staff ? null : (
              <li class="govuk-footer__inline-list-item">
                <a class="govuk-footer__link" href={localePath(lang, staffPaths.signIn)}>
                  {shellText(lang, 'staffSignIn')}
                </a>
              </li>
            )}
          </ul>
        </nav>
        <p class="ow-footer__note">
          {shellText(lang, 'updatedAt', { date: formatPageDate(lang, updatedAt) })}
        </p>
        <p class="ow-footer__note">
          {shellText(lang, 'licenceBefore')}
          <a class="govuk-footer__link" href={localePath(lang, '/open-data')}>
            {shellText(lang, 'licenceLink')}
          </a>
          {shellText(lang, 'licenceAfter')}
        </p>
        <p class="ow-footer__note ow-footer__accessibility">
          <a class="govuk-footer__link" href={accessibilityInspectionUrl}>
            {shellText(lang, 'accessibilityLink')}
          </a>
          {lang === 'en' ? ': ' : '：'}
          {shellText(lang, 'accessibilityNote')}
        </p>
      </div>
    </footer>
  );
}

import { type ComponentChildren, Fragment } from 'preact';
import { BUREAU } from '../reference/units.ts';
import type { Lang } from './i18n.ts';
import { shellText } from './shell-messages.ts';

/** `07-3368333` → `tel:+88673368333`, so phones dial it from anywhere. */
export function telephoneHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return `tel:${digits}`;
  return `tel:+886${digits.replace(/^0/, '')}`;
}

/** The bureau's address, phone, fax, office hours and the city hotline, as a definition list. */
export function BureauContacts({ lang }: { lang: Lang }) {
  const contact = BUREAU.contact;
  const rows: [string, ComponentChildren][] = [
    [shellText(lang, 'address'), lang === 'en' ? contact.addressEn : contact.addressZh],
    [
      shellText(lang, 'phone'),
      <a class="govuk-link" href={telephoneHref(contact.phone)}>
        {contact.phone}
      </a>,
    ],
    [shellText(lang, 'fax'), contact.fax],
    [shellText(lang, 'serviceHours'), lang === 'en' ? contact.serviceHoursEn : contact.serviceHoursZh],
    [
      shellText(lang, 'hotline'),
      <a class="govuk-link" href={telephoneHref('1999')}>
        1999
      </a>,
    ],
  ];
  return (
    <dl class="ow-contacts">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt class="ow-contacts__term">{term}</dt>
          <dd class="ow-contacts__value">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

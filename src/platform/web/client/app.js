// OneWindow's only page script, loaded as a module (so browsers too old for ES modules simply get the
// server-rendered pages, which work without it). The strict CSP forbids inline script, so the classes that
// govuk-frontend's template would add inline are added here.
import { initAll } from './govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// The font-size switch works without JavaScript (a link that sets a cookie and redirects back); with
// JavaScript we set the same cookie and class in place, so the reader keeps their scroll position.
const fontSizeClasses = {
  small: 'ow-font-size--small',
  medium: 'ow-font-size--medium',
  large: 'ow-font-size--large',
};
const oneYearInSeconds = 365 * 24 * 60 * 60;

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  const link = event.target.closest('a[data-font-size]');
  if (!link) return;
  const size = link.getAttribute('data-font-size');
  if (!size || !(size in fontSizeClasses)) return;
  event.preventDefault();
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the older Safari and Firefox our readers use; this is a plain preference cookie.
  document.cookie = `ow_font_size=${size}; Path=/; Max-Age=${oneYearInSeconds}; SameSite=Lax${secure}`;
  const root = document.documentElement;
  root.classList.remove(...Object.values(fontSizeClasses));
  root.classList.add(fontSizeClasses[size]);
  for (const other of document.querySelectorAll('a[data-font-size]')) {
    if (other === link) other.setAttribute('aria-current', 'true');
    else other.removeAttribute('aria-current');
  }
});

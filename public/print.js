// The print button of the counter receipt (loaded by that page only; the strict CSP forbids inline
// script). Without JavaScript the button stays hidden and the page tells the clerk to use the browser's
// print command, which prints the same thing.
for (const button of document.querySelectorAll('button[data-print-button]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

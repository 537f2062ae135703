/**
 * Text written into XML by hand (the feeds, the sitemap, Open311's XML, the OpenDocument files): one place
 * says which characters XML 1.0 can hold and how the rest is escaped.
 */

// Characters XML 1.0 allows (§2.2 Char): tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
// Everything else (other C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be written at all, even as a
// character reference, so it is dropped.
const invalidXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function dropInvalidXmlCharacters(value: string): string {
  return value.replace(invalidXmlCharacters, '');
}

const xmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for XML content or an attribute (either quote): what XML 1.0 cannot hold left out, the five escapes. */
export function xmlText(value: string): string {
  return dropInvalidXmlCharacters(value).replace(
    /[&<>"']/g,
    (character) => xmlEscapes[character] ?? character,
  );
}

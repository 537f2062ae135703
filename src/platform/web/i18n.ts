/**
 * Languages and URLs. zh-TW lives at the root (`/services`), English under `/en` (`/en/services`):
 * the same path in both, so the language link always leads to the same page (ADR 0003).
 */
export const languages = ['zh-TW', 'en'] as const;
export type Lang = (typeof languages)[number];

/** BCP 47 tag for the `lang` attribute: TAIWAN.md asks for zh-Hant on Chinese pages. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh-TW' ? 'zh-Hant-TW' : 'en';
}

export function langFromPath(url: string): Lang {
  return url === '/en' || url.startsWith('/en/') || url.startsWith('/en?') ? 'en' : 'zh-TW';
}

/** Strips the language prefix and the query: `/en/staff/sign-in?x=1` → `/staff/sign-in`. */
export function barePath(url: string): string {
  const pathOnly = url.split('?')[0] ?? '/';
  if (pathOnly === '/en') return '/';
  return pathOnly.startsWith('/en/') ? pathOnly.slice(3) : pathOnly;
}

/** The URL of a bare path in a language. */
export function localePath(lang: Lang, path: string): string {
  if (lang === 'zh-TW') return path;
  return path === '/' ? '/en' : `/en${path}`;
}

export type Messages<K extends string> = Record<Lang, Record<K, string>>;

/** A typed message lookup: every key exists in both languages or the compiler complains. */
export function translator<K extends string>(messages: Messages<K>) {
  return (lang: Lang, key: K, values?: Record<string, string | number>): string => {
    const template = messages[lang][key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
  };
}

/** Registers a route in both languages: the bare path (zh-TW) and the /en one. */
export function forEachLanguage(path: string, register: (url: string, lang: Lang) => void): void {
  for (const lang of languages) register(localePath(lang, path), lang);
}

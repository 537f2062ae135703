/**
 * A small in-process cache of rendered public pages. A page that is the same for every anonymous
 * visitor (no personal data, no form token, no query) is rendered once per language, path and text size
 * and kept for a short time, so the home page costs a map lookup instead of a render under load.
 * The time-to-live bounds how stale a page can be once content becomes editable; each app process keeps
 * its own copy (nothing here needs to be shared).
 */
export interface PageCache {
  /** The page as UTF-8 bytes: encoding ~10 KB of Chinese text on every request is work worth keeping. */
  getOrRender(key: string, render: () => string): Buffer;
  clear(): void;
}

export function createPageCache(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): PageCache {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { html: Buffer; expiresAt: number }>();
  return {
    getOrRender(key, render) {
      const time = now();
      const cached = entries.get(key);
      if (cached && cached.expiresAt > time) return cached.html;
      const html = Buffer.from(render(), 'utf8');
      if (entries.size >= options.maxEntries && !entries.has(key)) {
        // Oldest first: Map keeps insertion order.
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { html, expiresAt: time + options.ttlMs });
      return html;
    },
    clear() {
      entries.clear();
    },
  };
}

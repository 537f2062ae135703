/**
 * Written entries of the public lists (an Open311 request, a GeoJSON feature), kept per process by the row's
 * id and a fingerprint of everything the entry is written from. A list asked in a new way (another date
 * window, box or filter: every such address misses the answer cache) mostly lists the same recent rows as
 * the lists before it; its query then reads only each row's id and fingerprint, and only the rows not kept,
 * or kept with another fingerprint (changed since), are read whole and written. The list is the kept bytes
 * joined.
 *
 * The fingerprint is computed by PostgreSQL from the very columns the entry is written from (a hash of the
 * row's text), so any change of them, however it was made and by whichever process, is a new fingerprint:
 * nothing has to remember to invalidate. What the entry's words depend on besides the row (the language,
 * the format, the names of categories and places) is the `variant`. A row read whole after its fingerprint
 * is at least as new as the fingerprint (each statement sees what was committed before it began); a row
 * changed in between is written anew by the next list that sees its new fingerprint.
 *
 * Bounded by bytes, the least recently used entry going first (approximately: "second chance", below), so a
 * client walking the whole archive page by page only cycles the cache. 0 bytes: nothing kept (every entry
 * written each time).
 *
 * A hit only marks its entry used; it does not move it to the young end of the map. Moving it (delete, then
 * set) leaves a deleted slot in the map's table for each of a list's ~1000 hits, and V8 rebuilds a full
 * table: with ~10,000 entries that is a new ~450 KB table every few lists, allocated straight in the old
 * generation (too big for the young one). On the computed Open311 list (1,000,000 reports) that was most of
 * what the old generation grew by between mark-compacts, each a 10–20 ms pause in some request (`--trace-gc`,
 * docs/benchmarks.md, 2026-12-07). Eviction gives a used entry a second chance instead: the oldest entry,
 * if used since it was last looked at, is moved to the young end unmarked, and the next oldest is tried.
 */
export interface EntryKey {
  id: string;
  fingerprint: string;
}

export interface EntryCache {
  /**
   * The entries' bytes, in the keys' order: the kept ones, and the others written by `write` (given their
   * ids, in one call; it returns the text of each id it still finds). An id `write` does not return (gone
   * meanwhile) is left out.
   */
  entries(
    variant: string,
    keys: readonly EntryKey[],
    write: (ids: string[]) => Promise<ReadonlyMap<string, string>>,
  ): Promise<Buffer[]>;
  /** Entries and bytes held now. */
  readonly size: number;
  readonly bytes: number;
}

interface Kept {
  fingerprint: string;
  body: Buffer;
  /** Hit since it was kept or last given its second chance. */
  used: boolean;
}

/** Per entry: the map's key and bookkeeping, beside the bytes themselves. */
const overheadBytes = 160;

export function createEntryCache(limits: { maxBytes: number }): EntryCache {
  const kept = new Map<string, Kept>();
  // Variants by a short number: a variant may be long (it names every category), and 1000 keys built on it
  // would each be hashed whole.
  const variants = new Map<string, number>();
  let lastVariant = 0;
  const variantNumber = (variant: string) => {
    let number = variants.get(variant);
    if (number === undefined) {
      // Variants that no longer occur (names changed) are few; their entries age out with the others.
      if (variants.size >= 1000) variants.clear();
      // Never a number given before: an entry of a forgotten variant can never be taken for a new one's.
      lastVariant += 1;
      number = lastVariant;
      variants.set(variant, number);
    }
    return number;
  };
  let bytes = 0;
  const drop = (key: string) => {
    const entry = kept.get(key);
    if (entry === undefined) return;
    bytes -= entry.body.length + overheadBytes;
    kept.delete(key);
  };
  const keep = (key: string, entry: Kept) => {
    drop(key);
    if (limits.maxBytes <= 0) return;
    kept.set(key, entry);
    bytes += entry.body.length + overheadBytes;
    // Ends: each pass unmarks what it moves, so a second pass over the same entries drops them.
    while (bytes > limits.maxBytes) {
      const oldest = kept.entries().next().value;
      if (oldest === undefined) break;
      const [oldestKey, oldestEntry] = oldest;
      if (oldestEntry.used) {
        oldestEntry.used = false;
        kept.delete(oldestKey);
        kept.set(oldestKey, oldestEntry);
      } else drop(oldestKey);
    }
  };
  return {
    async entries(variant, keys, write) {
      const found: (Buffer | undefined)[] = new Array(keys.length);
      const missing: string[] = [];
      const prefix = `${variantNumber(variant)} `;
      keys.forEach((key, index) => {
        const mapKey = prefix + key.id;
        const entry = kept.get(mapKey);
        if (entry !== undefined && entry.fingerprint === key.fingerprint) {
          entry.used = true;
          found[index] = entry.body;
        } else missing.push(key.id);
      });
      if (missing.length > 0) {
        const written = await write(missing);
        keys.forEach((key, index) => {
          if (found[index] !== undefined) return;
          const text = written.get(key.id);
          if (text === undefined) return;
          const body = Buffer.from(text);
          found[index] = body;
          keep(prefix + key.id, { fingerprint: key.fingerprint, body, used: false });
        });
      }
      return found.filter((body): body is Buffer => body !== undefined);
    },
    get size() {
      return kept.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/** A list's bytes: the head, the entries with the separator between them, the tail. */
export function joinEntries(
  head: string,
  entries: readonly Buffer[],
  separator: string,
  tail: string,
): Buffer {
  const between = Buffer.from(separator);
  const parts: Buffer[] = [Buffer.from(head)];
  entries.forEach((entry, index) => {
    if (index > 0) parts.push(between);
    parts.push(entry);
  });
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}

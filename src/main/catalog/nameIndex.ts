/**
 * A character n-gram inverted index for "name contains" search. sql.js has no FTS5 and FTS3 cannot tokenize
 * Chinese, and LIKE '%x%' scans every row (55–155 ms over 200,000 products in sql.js), so names are
 * searched here, in memory: every document's characters (one-character queries) and character pairs
 * (longer queries) point to the documents holding them. A query walks the list of its rarest character or
 * pair, confirms each candidate with `includes`, and stops at the limit, so the cost depends on the rarest
 * part of the query and the limit, not on the size of the catalog.
 *
 * Documents are numbered in the order they were added. Replacing or removing one leaves its number in the
 * lists as a dead entry (skipped when met) rather than rewriting lists; the index compacts itself once dead
 * entries outnumber live ones.
 */

/** A growable list of document numbers in 4 bytes each (a JS array of numbers may take 8). */
class Postings {
  items = new Int32Array(4);
  length = 0;

  /** Drops the room kept for growth (after a bulk load, when few lists grow again). */
  trim(): void {
    if (this.items.length > this.length + 4) this.items = this.items.slice(0, this.length);
  }

  push(doc: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = doc;
  }
}

/**
 * A pair of UTF-16 code units as one number (never a single unit's key: a pair's first unit is not NUL in
 * any name). Code units rather than characters: `includes` compares code units too.
 */
const pairKey = (first: number, second: number): number => ((first << 16) | second) >>> 0;

/** The searchable form: ASCII and other letters in lower case, so "iPhone" is found by "iphone". */
function searchForm(text: string): string {
  return text.toLowerCase();
}

export class NameIndex<T> {
  private texts: (string | undefined)[] = [];
  private payloads: (T | undefined)[] = [];
  private readonly docOfKey = new Map<string, number>();
  /** Keyed by a character's code unit, or a pair's two code units as one 32-bit number. */
  private grams = new Map<number, Postings>();
  private dead = 0;

  get size(): number {
    return this.docOfKey.size;
  }

  /** Adds or replaces the document of `key`; `text` is what "contains" is tested against. */
  set(key: string, text: string, payload: T): void {
    const lower = searchForm(text);
    // The caller's string when lowering changed nothing (most Chinese names), so it is held once.
    const form = lower === text ? text : lower;
    const existing = this.docOfKey.get(key);
    if (existing !== undefined && this.texts[existing] === form) {
      this.payloads[existing] = payload;
      return;
    }
    if (existing !== undefined) {
      // Out of the map first: a compaction the kill may start must not carry the old document over.
      this.docOfKey.delete(key);
      this.kill(existing);
    }
    const doc = this.texts.length;
    this.texts.push(form);
    this.payloads.push(payload);
    this.docOfKey.set(key, doc);
    this.indexDoc(doc, form);
  }

  delete(key: string): void {
    const doc = this.docOfKey.get(key);
    if (doc === undefined) return;
    this.docOfKey.delete(key);
    this.kill(doc);
  }

  /** Frees the growth room of every list: after building the index from a file, it is mostly read. */
  trim(): void {
    for (const list of this.grams.values()) list.trim();
  }

  clear(): void {
    this.texts = [];
    this.payloads = [];
    this.docOfKey.clear();
    this.grams = new Map();
    this.dead = 0;
  }

  /**
   * Payloads of up to `limit` documents whose text contains `query` (in the search form), in the order
   * they were added; `accept` may pass over some (they do not count toward the limit).
   */
  search(query: string, limit: number, accept: (payload: T) => boolean = () => true): T[] {
    const form = searchForm(query);
    const found: T[] = [];
    if (form.length === 0 || limit <= 0) return found;
    const list = this.rarest(form);
    if (list === null) return found;
    const { items, length } = list;
    for (let i = 0; i < length && found.length < limit; i++) {
      const doc = items[i] ?? 0;
      const text = this.texts[doc];
      if (text === undefined || !text.includes(form)) continue;
      const payload = this.payloads[doc] as T;
      if (accept(payload)) found.push(payload);
    }
    return found;
  }

  /** The shortest list among the query's grams; null when one of them is in no document. */
  private rarest(form: string): Postings | null {
    if (form.length === 1) return this.grams.get(form.charCodeAt(0)) ?? null;
    let best: Postings | null = null;
    for (let i = 1; i < form.length; i++) {
      const list = this.grams.get(pairKey(form.charCodeAt(i - 1), form.charCodeAt(i)));
      if (list === undefined) return null;
      if (best === null || list.length < best.length) best = list;
    }
    return best;
  }

  /**
   * Adds the document to the list of each of its characters and pairs. Documents are added in increasing
   * number, so a gram met twice in one text is caught by its list already ending with this document.
   */
  private indexDoc(doc: number, form: string): void {
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
      this.post(code, doc);
      if (i > 0) this.post(pairKey(form.charCodeAt(i - 1), code), doc);
    }
  }

  private post(key: number, doc: number): void {
    let list = this.grams.get(key);
    if (list === undefined) {
      list = new Postings();
      this.grams.set(key, list);
    } else if (list.items[list.length - 1] === doc) return;
    list.push(doc);
  }

  private kill(doc: number): void {
    this.texts[doc] = undefined;
    this.payloads[doc] = undefined;
    this.dead++;
    if (this.dead > 1024 && this.dead > this.docOfKey.size) this.compact();
  }

  /** Renumbers the live documents in their order and rebuilds the lists without dead entries. */
  private compact(): void {
    const texts = this.texts;
    const payloads = this.payloads;
    const live = [...this.docOfKey.entries()].sort((a, b) => a[1] - b[1]);
    this.clear();
    for (const [key, doc] of live) {
      const text = texts[doc] ?? '';
      const next = this.texts.length;
      this.texts.push(text);
      this.payloads.push(payloads[doc]);
      this.docOfKey.set(key, next);
      this.indexDoc(next, text);
    }
  }
}

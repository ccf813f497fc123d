// The last answer to each query the user's pages asked, kept in localStorage, so a page opened
// with no link (the app shell comes from the service worker) shows what it showed last time
// instead of nothing. One user's answers only: a shared laptop never shows them to the next user
// (they are keyed by the user and wiped at log-out). Bounded: the oldest answers make room.

export interface KeyedStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredAnswer {
  /** When the server gave it (ms since the epoch). */
  at: number;
  data: unknown;
}

export interface QueryStoreOptions {
  storage: KeyedStorage;
  prefix?: string;
  /** At most this many answers are kept; the oldest go first. */
  maxEntries?: number;
  /** An answer longer than this (JSON characters) is not kept: it would crowd out the rest. */
  maxEntryChars?: number;
  now?: () => number;
}

interface IndexEntry {
  k: string;
  at: number;
}

interface Index {
  owner: string;
  entries: IndexEntry[];
}

export class QueryStore {
  private readonly storage: KeyedStorage;
  private readonly prefix: string;
  private readonly maxEntries: number;
  private readonly maxEntryChars: number;
  private readonly now: () => number;

  constructor(opts: QueryStoreOptions) {
    this.storage = opts.storage;
    this.prefix = opts.prefix ?? 'huzhu.answers';
    this.maxEntries = opts.maxEntries ?? 80;
    this.maxEntryChars = opts.maxEntryChars ?? 200_000;
    this.now = opts.now ?? Date.now;
  }

  /** The last answer `owner` got for `key`, if kept. */
  get(owner: string, key: string): StoredAnswer | undefined {
    const index = this.readIndex();
    if (!index || index.owner !== owner || !index.entries.some((e) => e.k === key)) return undefined;
    try {
      const raw = this.storage.getItem(this.entryKey(key));
      const parsed = raw ? (JSON.parse(raw) as StoredAnswer) : undefined;
      return parsed && typeof parsed.at === 'number' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `data` as the last answer for `key`; another user's answers are wiped first. */
  put(owner: string, key: string, data: unknown): void {
    const at = this.now();
    let value: string;
    try {
      value = JSON.stringify({ at, data } satisfies StoredAnswer);
    } catch {
      return;
    }
    if (value.length > this.maxEntryChars) return;
    let index = this.readIndex();
    if (!index || index.owner !== owner) {
      this.clear();
      index = { owner, entries: [] };
    }
    const entries = [{ k: key, at }, ...index.entries.filter((e) => e.k !== key)];
    for (const old of entries.splice(this.maxEntries)) this.remove(old.k);
    // A full storage (the retry queue shares it and comes first): drop the oldest answers and try
    // again, down to none; an answer not kept only means that page is empty offline.
    for (;;) {
      try {
        this.storage.setItem(this.entryKey(key), value);
        break;
      } catch {
        const oldest = entries.length > 1 ? entries.pop() : undefined;
        if (!oldest) {
          entries.length = 0;
          break;
        }
        this.remove(oldest.k);
      }
    }
    this.writeIndex({ owner, entries });
  }

  /** Forgets every answer (log-out). */
  clear(): void {
    const index = this.readIndex();
    for (const e of index?.entries ?? []) this.remove(e.k);
    try {
      this.storage.removeItem(this.prefix);
    } catch {
      // Nothing more to do: without an index no answer is ever read.
    }
  }

  private entryKey(key: string): string {
    return `${this.prefix}.${key}`;
  }

  private remove(key: string): void {
    try {
      this.storage.removeItem(this.entryKey(key));
    } catch {
      // Ignored: it is unreachable without its index entry.
    }
  }

  private readIndex(): Index | null {
    try {
      const raw = this.storage.getItem(this.prefix);
      const parsed = raw ? (JSON.parse(raw) as Index) : null;
      return parsed && typeof parsed.owner === 'string' && Array.isArray(parsed.entries) ? parsed : null;
    } catch {
      return null; // a corrupt index must not stop the app
    }
  }

  private writeIndex(index: Index): void {
    try {
      this.storage.setItem(this.prefix, JSON.stringify(index));
    } catch {
      // Storage full: the answers written stay unread until the next successful write.
    }
  }
}
